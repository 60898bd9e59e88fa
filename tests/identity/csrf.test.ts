import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { ORIGIN, postForm } from './http';

describe('CSRF: Origin checks on cookie sessions and form posts', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  const logout = (headers: Record<string, string>) => app.request('/api/auth/logout', { method: 'POST', headers: { accept: 'application/json', ...headers } });

  it('refuses a cookie-authenticated API POST without an Origin, or from another site (403)', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    for (const extra of <Record<string, string>[]>[{}, { origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }]) {
      const res = await logout({ ...shopper.cookie, ...extra });
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'CROSS_SITE_REQUEST');
    }
    // The session survived every attempt.
    expect((await app.request('/api/me', { headers: shopper.bearer })).status).toBe(200);
  });

  it('accepts the same request from the same origin', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    expect((await logout({ ...shopper.cookie, origin: ORIGIN })).status).toBe(204);
    const viaFetchMetadata = await createTestAccount(services, 'shopper');
    expect((await logout({ ...viaFetchMetadata.cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(204);
  });

  it('checks JSON bodies too when the cookie authenticates', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const res = await app.request('/api/auth/password', {
      method: 'POST',
      headers: { ...shopper.cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ currentPassword: shopper.password, newPassword: 'bị ép đổi mật khẩu' }),
    });
    expect(res.status).toBe(403);
  });

  it('lets Bearer requests through without an Origin (a browser never adds the header by itself)', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    expect((await logout(shopper.bearer)).status).toBe(204);
    const other = await createTestAccount(services, 'shopper');
    expect((await logout({ ...other.bearer, origin: 'https://some-app.example' })).status).toBe(204);
  });

  it('refuses a cross-site or Origin-less form post to a page (hono/csrf)', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const form = { email: shopper.account.email, password: shopper.password };
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
      if (origin) headers.origin = origin;
      const res = await app.request('/dang-nhap', { method: 'POST', headers, body: new URLSearchParams(form).toString() });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const ok = await postForm(app, '/dang-nhap', form);
    expect(ok.status).toBe(303);
  });

  it('answers a refused page post as JSON for API clients', async () => {
    const res = await app.request('/dang-xuat', { method: 'POST', headers: { accept: 'application/json', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'CROSS_SITE_REQUEST');
  });

  it('accepts the public origins from the configuration (CloudFront in front of API Gateway)', async () => {
    const behindProxy = createApp({ ...services, config: { ...services.config, publicOrigins: ['https://cho-ocop.vn'] } });
    const shopper = await createTestAccount(services, 'shopper');
    const res = await behindProxy.request('https://abc123.execute-api.ap-southeast-1.amazonaws.com/api/auth/logout', {
      method: 'POST',
      headers: { ...shopper.cookie, origin: 'https://cho-ocop.vn' },
    });
    expect(res.status).toBe(204);
  });

  it('behind CloudFront, compares the Origin with the viewer host CloudFront forwards, and only when told to trust it', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const viaEdge = (trustForwardedHost: boolean, origin: string) =>
      createApp({ ...services, config: { ...services.config, trustForwardedHost } }).request(
        'https://abc123.execute-api.ap-southeast-1.amazonaws.com/api/auth/logout',
        { method: 'POST', headers: { ...shopper.cookie, origin, 'x-forwarded-host': 'd111.cloudfront.net' } },
      );
    expect((await viaEdge(false, 'https://d111.cloudfront.net')).status).toBe(403);
    expect((await viaEdge(true, 'https://evil.example')).status).toBe(403);
    expect((await viaEdge(true, 'https://d111.cloudfront.net')).status).toBe(204);
  });
});
