import { randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../../shared/config';
import { SESSION_TTL_SECONDS, signSession, verifySession } from '../../shared/identity/session-token';
import { secretsManagerSessionSecret, sessionSecretFromConfig, staticSessionSecret } from '../../shared/identity/session-secret';

const key = randomBytes(32);
const account = { id: 'f3b1c2d4-0000-4000-8000-000000000001', role: 'shopper' as const, sessionVersion: 3 };
const now = new Date('2026-11-23T03:00:00Z');

describe('session tokens (HS256 JWT)', () => {
  it('carries sub, role, sv, jti, iat, exp (12 h), issuer and audience', async () => {
    const { token, claims } = await signSession(key, account, now);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256' });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ sub: account.id, role: 'shopper', sv: 3, iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 12 * 3600 });
    expect(payload.jti).toBe(claims.jti);
    expect(payload.iss).toBeTruthy();
    expect(payload.aud).toBeTruthy();
    expect(await verifySession(key, token, now)).toEqual(claims);
  });

  it('gives every token its own jti', async () => {
    const [a, b] = await Promise.all([signSession(key, account, now), signSession(key, account, now)]);
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });

  it('rejects expired tokens, at the expiry second', async () => {
    const { token } = await signSession(key, account, now);
    expect(await verifySession(key, token, new Date(now.getTime() + (SESSION_TTL_SECONDS - 1) * 1000))).toBeDefined();
    expect(await verifySession(key, token, new Date(now.getTime() + SESSION_TTL_SECONDS * 1000))).toBeUndefined();
  });

  it('rejects another key, a tampered payload, alg none, other audiences and garbage', async () => {
    const { token } = await signSession(key, account, now);
    expect(await verifySession(randomBytes(32), token, now)).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'admin' })).toString('base64url');
    expect(await verifySession(key, `${h}.${forged}.${s}`, now)).toBeUndefined();
    const unsecured = new UnsecuredJWT({ role: 'admin', sv: 3 }).setSubject(account.id).setJti('x').setIssuedAt(now).setExpirationTime('1h').encode();
    expect(await verifySession(key, unsecured, now)).toBeUndefined();
    const otherAudience = await new SignJWT({ role: 'shopper', sv: 3 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setJti('x')
      .setIssuedAt(now)
      .setExpirationTime(new Date(now.getTime() + 3600_000))
      .setAudience('someone-else')
      .sign(key);
    expect(await verifySession(key, otherAudience, now)).toBeUndefined();
    expect(await verifySession(key, 'not.a.token', now)).toBeUndefined();
    expect(await verifySession(key, 'x'.repeat(5000), now)).toBeUndefined();
  });
});

describe('session secret sources', () => {
  const config = (over: Record<string, unknown>) => ConfigSchema.parse({ tableName: 'ocop-test', ...over });

  it('refuses a configured secret shorter than 32 bytes', () => {
    expect(() => staticSessionSecret('ngắn')).toThrow(/shorter/);
  });

  it('reads Secrets Manager once per container, and retries after a failure', async () => {
    const load = vi.fn<(arn: string) => Promise<Uint8Array>>().mockRejectedValueOnce(new Error('network')).mockResolvedValue(randomBytes(48));
    const source = secretsManagerSessionSecret('arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:session', load);
    await expect(source.get()).rejects.toThrow('network');
    const first = await source.get();
    expect(await source.get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenCalledWith('arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:session');
  });

  it('picks the source from the configuration', async () => {
    const configured = 'k'.repeat(43);
    expect(new TextDecoder().decode(await sessionSecretFromConfig(config({ sessionSecret: configured })).get())).toBe(configured);

    const load = vi.fn(async () => randomBytes(32));
    const arn = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:session';
    await sessionSecretFromConfig(config({ stage: 'prod', sessionSecretArn: arn }), load).get();
    expect(load).toHaveBeenCalledOnce(); // fetched at construction (cold start), reused by get()

    const testSecret = await sessionSecretFromConfig(config({ stage: 'test' })).get();
    expect(testSecret.length).toBeGreaterThanOrEqual(32);

    await expect(sessionSecretFromConfig(config({ stage: 'prod' })).get()).rejects.toThrow(/SESSION_SECRET_ARN/);
  });
});
