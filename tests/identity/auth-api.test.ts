import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { AccountViewSchema } from '../../shared/identity/account';
import { SessionSchema } from '../../shared/identity/schemas';
import { CallCounter } from '../../shared/db/call-counter';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { REGISTER_ACCEPTED_MESSAGE } from '../../shared/identity/auth-service';
import { fromAddress } from '../support/client-address';
import { bearer, cookieHeader, freshIp, ORIGIN, postJson, sessionSetCookie } from './http';

describe('identity API: register, login, logout, password change', () => {
  let services: Services;
  let app: App;
  const clock = new ManualClock('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
  });

  const me = (headers: Record<string, string>) => app.request('/api/me', { headers: { accept: 'application/json', ...headers } });
  const register = (over: Record<string, unknown> = {}, ip = freshIp()) =>
    postJson(app, '/api/auth/register', { email: 'Lan.Nguyen@Example.VN ', password: 'trà sen Tây Hồ 2026', displayName: 'Nguyễn Thị Lan', phone: '0912 345 678', accountType: 'shopper', ...over }, {}, ip);
  const login = (email: string, password: string, ip = freshIp()) => postJson(app, '/api/auth/login', { email, password }, {}, ip);

  it('registers a shopper (202, no session), who then signs in with a normalised email and an E.164 phone', async () => {
    const res = await register();
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'accepted', message: REGISTER_ACCEPTED_MESSAGE });
    expect(sessionSetCookie(res)).toBeUndefined();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const signedIn = await login('lan.nguyen@example.vn', 'trà sen Tây Hồ 2026');
    expect(signedIn.status).toBe(200);
    const session = SessionSchema.parse(await signedIn.json());
    expect(session.account).toMatchObject({ email: 'lan.nguyen@example.vn', phone: '+84912345678', role: 'shopper', status: 'active', displayName: 'Nguyễn Thị Lan' });
    expect(JSON.stringify(session)).not.toContain('scrypt');
    expect(new Date(session.expiresAt).getTime() - clock.now().getTime()).toBe(12 * 3600_000);
    const cookie = sessionSetCookie(signedIn)!;
    expect(cookie).toContain(`ocop_session=${session.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // test stage over http
    expect((await me(bearer(session.token))).status).toBe(200);
  });

  it('registers a producer account with no storefront yet', async () => {
    const res = await register({ email: 'htx.matong@example.vn', accountType: 'producer', phone: undefined });
    expect(res.status).toBe(202);
    const { account } = SessionSchema.parse(await (await login('htx.matong@example.vn', 'trà sen Tây Hồ 2026')).json());
    expect(account.role).toBe('producer');
    expect(account.producerId).toBeUndefined();
    expect(account.phone).toBeUndefined();
  });

  it('answers an existing email exactly like a new one (202, same body, no session) and leaves that account alone', async () => {
    const fresh = await register({ email: 'moi.han@example.vn' });
    const taken = await register({ email: '  LAN.NGUYEN@example.vn', password: 'mật khẩu của kẻ khác 2026', displayName: 'Kẻ giả danh' });
    expect([taken.status, fresh.status]).toEqual([202, 202]);
    expect(await taken.text()).toBe(await fresh.text());
    expect(sessionSetCookie(taken)).toBeUndefined();
    expect((await login('lan.nguyen@example.vn', 'mật khẩu của kẻ khác 2026')).status).toBe(401);
    const owner = SessionSchema.parse(await (await login('lan.nguyen@example.vn', 'trà sen Tây Hồ 2026')).json());
    expect(owner.account.displayName).toBe('Nguyễn Thị Lan');
  });

  it('throttles registrations per client address (429 with Retry-After), whatever the email', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await register({ email: `dot-${i}@example.vn` }, ip)).status, `attempt ${i + 1}`).toBe(202);
    const locked = await register({ email: 'dot-moi@example.vn' }, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    await expectErrorShape(locked, 'TOO_MANY_ATTEMPTS');
    // Refused before any work: no account was made.
    expect(await services.identity.accounts.getAccountByEmail('dot-moi@example.vn')).toBeUndefined();
    expect((await register({ email: 'dot-moi@example.vn' }, freshIp())).status).toBe(202);
  });

  it.each([
    ['bad email', { email: 'khong-phai-email' }],
    ['short password', { email: 'a1@example.vn', password: 'ngắn quá' }],
    ['landline phone', { email: 'a2@example.vn', phone: '02438123456' }],
    ['officer self-registration', { email: 'a3@example.vn', accountType: 'officer' }],
    ['admin self-registration', { email: 'a4@example.vn', accountType: 'admin' }],
    ['blank name', { email: 'a5@example.vn', displayName: ' ' }],
    ['password too long', { email: 'a6@example.vn', password: 'x'.repeat(201) }],
  ])('rejects %s with 400 in the shared error shape', async (_name, over) => {
    const res = await register(over);
    expect(res.status).toBe(400);
    const body = await expectErrorShape(res, 'INVALID_INPUT');
    expect(Array.isArray(body.error.details)).toBe(true);
  });

  it.each([
    ['no body', undefined, 'application/json'],
    ['broken JSON', '{"email":', 'application/json'],
    ['form-encoded body', 'email=a%40b.vn&password=x', 'application/x-www-form-urlencoded'],
    ['a JSON array', '[]', 'application/json'],
  ])('answers %s with a 4xx JSON error, never a 500', async (_name, body, type) => {
    for (const path of ['/api/auth/register', '/api/auth/login']) {
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      await expectErrorShape(res);
    }
  });

  it('logs in with any spelling of the email, by bearer token or cookie', async () => {
    const res = await login(' LAN.Nguyen@example.vn', 'trà sen Tây Hồ 2026');
    expect(res.status).toBe(200);
    const { token } = SessionSchema.parse(await res.json());
    expect(AccountViewSchema.parse(await (await me(bearer(token))).json()).email).toBe('lan.nguyen@example.vn');
    expect((await me(cookieHeader(res))).status).toBe(200);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const wrong = await login('lan.nguyen@example.vn', 'không phải mật khẩu');
    const unknown = await login('chua-co@example.vn', 'không phải mật khẩu');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await expectErrorShape(wrong, 'INVALID_CREDENTIALS'), await expectErrorShape(unknown, 'INVALID_CREDENTIALS')];
    expect(a).toEqual(b);
  });

  it('answers /api/me with 401 for no session, a forged token and a malformed header', async () => {
    for (const headers of <Record<string, string>[]>[{}, bearer('eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'), { authorization: 'Basic YTpi' }, { cookie: 'ocop_session=rac' }]) {
      const res = await me(headers);
      expect(res.status).toBe(401);
      await expectErrorShape(res, 'UNAUTHENTICATED');
    }
  });

  it('serves public routes to a caller with a bad token, as anonymous', async () => {
    const res = await app.request('/api/provinces', { headers: bearer('rac') });
    expect(res.status).toBe(200);
  });

  it('logout revokes that session only', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const other = (await login(shopper.account.email, shopper.password)).json() as Promise<{ token: string }>;
    const res = await app.request('/api/auth/logout', { method: 'POST', headers: shopper.bearer });
    expect(res.status).toBe(204);
    expect(sessionSetCookie(res)).toMatch(/Max-Age=0/);
    const after = await me(shopper.bearer);
    expect(after.status).toBe(401);
    await expectErrorShape(after, 'UNAUTHENTICATED');
    expect((await me(bearer((await other).token))).status).toBe(200);
  });

  it('clears a cookie whose session has ended', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    await app.request('/api/auth/logout', { method: 'POST', headers: shopper.bearer });
    const res = await app.request('/api/provinces', { headers: shopper.cookie });
    expect(res.status).toBe(200);
    expect(sessionSetCookie(res)).toMatch(/Max-Age=0/);
  });

  it('password change ends every session (old sv) and hands back a new one', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const second = SessionSchema.parse(await (await login(shopper.account.email, shopper.password)).json());
    const res = await postJson(app, '/api/auth/password', { currentPassword: shopper.password, newPassword: 'mật khẩu mới tinh 2026' }, shopper.bearer);
    expect(res.status).toBe(200);
    const fresh = SessionSchema.parse(await res.json());
    expect(sessionSetCookie(res)).toContain(fresh.token);

    for (const old of [shopper.token, second.token]) {
      const stale = await me(bearer(old));
      expect(stale.status).toBe(401);
      await expectErrorShape(stale, 'UNAUTHENTICATED');
    }
    expect((await me(bearer(fresh.token))).status).toBe(200);
    expect((await login(shopper.account.email, shopper.password)).status).toBe(401);
    expect((await login(shopper.account.email, 'mật khẩu mới tinh 2026')).status).toBe(200);
  });

  it('refuses a wrong current password inline (400 WRONG_PASSWORD) and a weak new one', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const wrong = await postJson(app, '/api/auth/password', { currentPassword: 'sai rồi nhé bạn', newPassword: 'mật khẩu mới tinh 2026' }, shopper.bearer);
    expect(wrong.status).toBe(400);
    const body = await expectErrorShape(wrong, 'WRONG_PASSWORD');
    expect(body.error.details).toEqual([{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }]);
    const weak = await postJson(app, '/api/auth/password', { currentPassword: shopper.password, newPassword: 'ngắn' }, shopper.bearer);
    expect(weak.status).toBe(400);
    expect((await me(shopper.bearer)).status).toBe(200);
  });

  it('rejects a token after its 12 hours', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    clock.advance(12 * 3600_000);
    try {
      expect((await me(shopper.bearer)).status).toBe(401);
    } finally {
      clock.advance(-12 * 3600_000);
    }
  });

  it('sets a Secure cookie over https', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const res = await app.request('https://cho-ocop.vn/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: shopper.account.email, password: shopper.password }),
    }, fromAddress(freshIp()));
    expect(res.status).toBe(200);
    expect(sessionSetCookie(res)).toMatch(/; Secure/);
  });

  it('costs one BatchGetItem per signed-in request, nothing for anonymous ones', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const counter = new CallCounter().attach(services.dynamo);
    try {
      await app.request('/api/provinces');
      expect(counter.total()).toBe(0);
      await app.request('/api/provinces', { headers: shopper.bearer });
      expect(counter.snapshot()).toEqual({ BatchGetItem: 1 });
      counter.reset();
      await app.request('/api/provinces', { headers: { ...shopper.cookie, origin: ORIGIN } });
      expect(counter.snapshot()).toEqual({ BatchGetItem: 1 });
    } finally {
      services.dynamo.middlewareStack.remove('ocopCallCounter');
    }
  });
});
