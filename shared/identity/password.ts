import { z } from '@hono/zod-openapi';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt from node:crypto: memory-hard, no native add-on, and the async form runs on libuv's thread
 * pool so a login does not block the event loop. N=2^15, r=8 needs 32 MiB and ~120 ms on one core.
 * Parameters are written into every hash, so raising them later leaves old hashes verifiable.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Upper bounds for parameters read back from a stored hash: a corrupt item must not cost seconds. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** NFC so the same Vietnamese password typed on two keyboards (composed or not) is the same password. */
const normalisePassword = (password: string) => password.normalize('NFC');
const length = (s: string) => [...s].length;

export const PasswordSchema = z
  .string()
  .refine((s) => length(normalisePassword(s)) >= PASSWORD_MIN, `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự`)
  .refine((s) => length(normalisePassword(s)) <= PASSWORD_MAX, `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự`)
  .openapi({ description: `${PASSWORD_MIN}–${PASSWORD_MAX} characters (NFC)`, format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX });

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, keyBytes: number, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs, and the check is strict.
  const options: ScryptOptions = { ...params, maxmem: 2 * 128 * params.N * params.r * params.p + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(normalisePassword(password), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash base64url: the string says how to check it. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((v) => (/^\d{1,8}$/.test(v ?? '') ? Number(v) : NaN)) as [number, number, number];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { N, r, p, salt, key };
}

/** False for a wrong password and for a malformed stored hash (never throws on bad data). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(key, parsed.key);
}

/** True when a hash was made with weaker parameters than today's (a later login may re-hash it). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < SCRYPT_PARAMS.N || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p;
}

/**
 * A hash of a random password nobody kept, with today's parameters. A constant rather than made at
 * start-up, so cold starts do not pay for an extra scrypt.
 */
const DUMMY_HASH = 'scrypt$32768$8$1$ftitfzcXqNgwzvADbdD6TQ$U6ifT6V1-00xtqXW4fiAkNfqBrwGq2THhnxqwZNDQ3c';

/**
 * The same scrypt work as a real check, for logins with an unknown email: without it the answer
 * comes ~120 ms sooner and tells an attacker which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
