import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { roles, type Role } from './principal';

/** Twelve hours: a working day on a shared shop computer, not a week on a lost phone. */
export const SESSION_TTL_SECONDS = 12 * 3600;
const ISSUER = 'cho-ocop';
const AUDIENCE = 'cho-ocop/session';
/** A token longer than this is not one of ours; rejected before any crypto. */
const MAX_TOKEN_LENGTH = 2048;

export interface SessionClaims {
  sub: string;
  role: Role;
  /** The account's sessionVersion when the token was issued. */
  sv: number;
  jti: string;
  iat: number;
  exp: number;
}

export interface IssuedSession {
  token: string;
  claims: SessionClaims;
}

export async function signSession(key: Uint8Array, account: { id: string; role: Role; sessionVersion: number }, now: Date): Promise<IssuedSession> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: SessionClaims = { sub: account.id, role: account.role, sv: account.sessionVersion, jti: randomUUID(), iat, exp: iat + SESSION_TTL_SECONDS };
  const token = await new SignJWT({ role: claims.role, sv: claims.sv })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(key);
  return { token, claims };
}

/** The claims of a valid, unexpired token of ours; undefined for anything else (never throws). */
export async function verifySession(key: Uint8Array, token: string, now: Date): Promise<SessionClaims | undefined> {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: now, requiredClaims: ['sub', 'jti', 'iat', 'exp'] });
    const { sub, jti, iat, exp, role, sv } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    if (!roles.includes(role as Role) || typeof sv !== 'number' || !Number.isInteger(sv)) return undefined;
    return { sub, jti, iat, exp, role: role as Role, sv };
  } catch {
    return undefined;
  }
}
