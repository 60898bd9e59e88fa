import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { throttleKey } from '../../shared/identity/keys';
import { LOGIN_THROTTLE } from '../../shared/identity/throttle-policy';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { freshIp, postJson } from './http';

describe('login throttling (DynamoDB counters, ManualClock)', () => {
  let services: Services;
  let app: App;
  const clock = new ManualClock('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
  });

  const login = (email: string, password: string, ip: string) => postJson(app, '/api/auth/login', { email, password }, {}, ip);
  const counter = async (scope: 'acct' | 'ip', value: string) =>
    (await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: throttleKey(scope, value), ConsistentRead: true }))).Item;

  async function failTimes(who: TestAccount, n: number, ip: string) {
    for (let i = 0; i < n; i++) expect((await login(who.account.email, 'đoán sai mật khẩu', ip)).status).toBe(401);
  }

  it('answers the 6th failed attempt with 429 and Retry-After, without checking the password', async () => {
    const who = await createTestAccount(services, 'shopper');
    const ip = freshIp();
    await failTimes(who, 5, ip);
    // The right password changes nothing while locked: it is never checked.
    const locked = await login(who.account.email, who.password, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    const body = await expectErrorShape(locked, 'TOO_MANY_ATTEMPTS');
    expect(body.error.details).toEqual({ retryAfterSeconds: 1 });
    expect((await counter('acct', who.account.email))?.failures).toBe(5);

    // Lock over: the 6th failure locks 2 s, the 7th 4 s.
    clock.advance(1000);
    await failTimes(who, 1, ip);
    expect((await login(who.account.email, who.password, ip)).headers.get('retry-after')).toBe('2');
    clock.advance(2000);
    await failTimes(who, 1, ip);
    expect((await login(who.account.email, who.password, ip)).headers.get('retry-after')).toBe('4');
  });

  it('locks the same way per IP, across different accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await login(`khong-co-${i}@example.vn`, 'đoán sai mật khẩu', ip)).status).toBe(401);
    const someoneElse = await createTestAccount(services, 'shopper');
    const locked = await login(someoneElse.account.email, someoneElse.password, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    // The same person from another address is not affected.
    expect((await login(someoneElse.account.email, someoneElse.password, freshIp())).status).toBe(200);
  });

  it('counts unknown emails too, so a lock reveals nothing about who has an account', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login('khong-ton-tai@example.vn', 'đoán sai mật khẩu', `198.19.0.${i + 1}`);
    const res = await login('khong-ton-tai@example.vn', 'đoán sai mật khẩu', freshIp());
    expect(res.status).toBe(429);
  });

  it('resets the account counter on a successful login, but not the IP counter', async () => {
    const who = await createTestAccount(services, 'shopper');
    const ip = freshIp();
    await failTimes(who, 4, ip);
    expect((await login(who.account.email, who.password, ip)).status).toBe(200);
    expect(await counter('acct', who.account.email)).toBeUndefined();
    expect((await counter('ip', ip))?.failures).toBe(4);
    await failTimes(who, 1, freshIp());
    expect((await counter('acct', who.account.email))?.failures).toBe(1);
  });

  it('forgets failures after 15 quiet minutes', async () => {
    const who = await createTestAccount(services, 'shopper');
    await failTimes(who, 4, freshIp());
    clock.advance(15 * 60_000 + 1);
    await failTimes(who, 1, freshIp());
    expect((await counter('acct', who.account.email))?.failures).toBe(1);
  });

  it('caps the lock at 15 minutes, and waiting it out does not start the count over', async () => {
    const who = await createTestAccount(services, 'shopper');
    const ref = { scope: 'acct' as const, value: who.account.email };
    // Seeded through the store: fifteen failed logins' worth of scrypt would only slow the suite.
    for (let n = 1; n <= 15; n++) await services.identity.throttles.recordFailure(ref, clock.now(), LOGIN_THROTTLE);
    const locked = await login(who.account.email, who.password, freshIp());
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe(String(15 * 60));
    clock.advance(15 * 60_000);
    await failTimes(who, 1, freshIp());
    expect((await counter('acct', who.account.email))?.failures).toBe(16);
    expect((await login(who.account.email, who.password, freshIp())).headers.get('retry-after')).toBe(String(15 * 60));
    clock.advance(15 * 60_000);
  });

  it('counts concurrent failures exactly (atomic ADD)', async () => {
    const who = await createTestAccount(services, 'shopper');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => login(who.account.email, 'đoán sai mật khẩu', `198.18.0.${i + 1}`)));
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect((await counter('acct', who.account.email))?.failures).toBe(results.filter((r) => r.status === 401).length);
  });

  it('throttles wrong current passwords on password change as well', async () => {
    const who = await createTestAccount(services, 'shopper');
    const ip = freshIp();
    const change = () =>
      postJson(app, '/api/auth/password', { currentPassword: 'đoán sai mật khẩu', newPassword: 'mật khẩu mới đủ dài' }, who.bearer, ip);
    for (let i = 0; i < 5; i++) expect((await change()).status).toBe(400);
    const locked = await change();
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
  });

  it('stores counters with a TTL', async () => {
    const who = await createTestAccount(services, 'shopper');
    await failTimes(who, 1, freshIp());
    const item = await counter('acct', who.account.email);
    expect(item?.ttl).toBeGreaterThan(clock.now().getTime() / 1000);
  });
});
