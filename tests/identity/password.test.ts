import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PasswordSchema, SCRYPT_PARAMS, verifyAgainstDummy, verifyPassword } from '../../shared/identity/password';

describe('password hashing (scrypt)', () => {
  it('stores a self-describing string with the parameters, a random salt and the key', async () => {
    const hash = await hashPassword('một câu dễ nhớ');
    const [alg, N, r, p, salt, key] = hash.split('$');
    expect([alg, Number(N), Number(r), Number(p)]).toEqual(['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(salt).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('salts every hash: the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('cùng một mật khẩu'), hashPassword('cùng một mật khẩu')]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only, whatever Unicode form it was typed in', async () => {
    const hash = await hashPassword('Mật khẩu Đà Lạt');
    expect(await verifyPassword('Mật khẩu Đà Lạt', hash)).toBe(true);
    expect(await verifyPassword('Mật khẩu Đà Lạt'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('Mat khau Da Lat', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('checks hashes made with other (older) parameters, and says they need re-hashing', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('muoi-sau-byte-ne');
    const key = scryptSync('mật khẩu cũ hơn', salt, 32, { N: 2 ** 12, r: 8, p: 1 });
    const old = ['scrypt', 2 ** 12, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('mật khẩu cũ hơn', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('mật khẩu mới hơn'))).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['other algorithm', 'bcrypt$2b$10$abc'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5'],
    ['N far too large', `scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5`],
    ['missing key', 'scrypt$32768$8$1$c2FsdHNhbHQ$'],
  ])('treats a malformed stored hash (%s) as a mismatch, never an exception', async (_name, stored) => {
    await expect(verifyPassword('bất kỳ mật khẩu nào', stored)).resolves.toBe(false);
  });

  it('does real scrypt work for unknown accounts', async () => {
    const started = performance.now();
    await expect(verifyAgainstDummy('đoán thử')).resolves.toBe(false);
    expect(performance.now() - started).toBeGreaterThan(10);
  });

  it('runs off the event loop: timers still fire while hashing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await hashPassword('không chặn vòng lặp sự kiện');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('asks for 10 to 200 characters (counted as characters, not bytes)', () => {
    expect(PasswordSchema.safeParse('123456789').success).toBe(false);
    expect(PasswordSchema.safeParse('1234567890').success).toBe(true);
    expect(PasswordSchema.safeParse('đ'.repeat(200)).success).toBe(true);
    expect(PasswordSchema.safeParse('a'.repeat(201)).success).toBe(false);
  });
});
