import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { AccountViewSchema } from '../../shared/identity/account';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { postJson } from './http';

describe('admin: officers and disabling accounts', () => {
  let services: Services;
  let app: App;
  let admin: TestAccount;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    admin = await createTestAccount(services, 'admin');
  });

  it('creates an officer for one 2025 province, who can then sign in', async () => {
    const res = await postJson(
      app,
      '/api/admin/officers',
      { email: 'Can.Bo@AnGiang.gov.vn', password: 'mật khẩu ban đầu', displayName: 'Trần Văn Bình', phone: '+84 912 000 111', provinceCode: '91' },
      admin.bearer,
    );
    expect(res.status).toBe(201);
    const officer = AccountViewSchema.parse(await res.json());
    expect(officer).toMatchObject({ role: 'officer', provinceCode: '91', email: 'can.bo@angiang.gov.vn', phone: '+84912000111' });
    const login = await postJson(app, '/api/auth/login', { email: 'can.bo@angiang.gov.vn', password: 'mật khẩu ban đầu' });
    expect(login.status).toBe(200);
  });

  it.each([
    ['an unknown province code', { provinceCode: '63' }],
    ['a pre-2025 code as a name', { provinceCode: 'Trà Vinh' }],
    ['no province', { provinceCode: undefined }],
  ])('refuses %s', async (_name, over) => {
    const res = await postJson(app, '/api/admin/officers', { email: 'x@y.vn', password: 'mật khẩu ban đầu', displayName: 'Cán bộ', ...over }, admin.bearer);
    expect(res.status).toBe(400);
    await expectErrorShape(res, 'INVALID_INPUT');
  });

  it('refuses an email that already has an account', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const res = await postJson(app, '/api/admin/officers', { email: shopper.account.email, password: 'mật khẩu ban đầu', displayName: 'Cán bộ', provinceCode: '01' }, admin.bearer);
    expect(res.status).toBe(409);
    await expectErrorShape(res, 'EMAIL_TAKEN');
  });

  it('disables an account: its sessions end and it cannot sign in again', async () => {
    const target = await createTestAccount(services, 'producer', { producerId: 'htx-bi-khoa' });
    const res = await app.request(`/api/admin/accounts/${target.account.id}/disable`, { method: 'POST', headers: admin.bearer });
    expect(res.status).toBe(200);
    expect(AccountViewSchema.parse(await res.json()).status).toBe('disabled');
    expect((await app.request('/api/me', { headers: target.bearer })).status).toBe(401);
    const login = await postJson(app, '/api/auth/login', { email: target.account.email, password: target.password });
    expect(login.status).toBe(403);
    await expectErrorShape(login, 'ACCOUNT_DISABLED');
  });

  it('answers 404 for an unknown account, 400 for a malformed id and 409 for disabling oneself', async () => {
    const missing = await app.request('/api/admin/accounts/khong-co-tai-khoan-nay/disable', { method: 'POST', headers: admin.bearer });
    expect(missing.status).toBe(404);
    await expectErrorShape(missing, 'ACCOUNT_NOT_FOUND');
    const malformed = await app.request('/api/admin/accounts/BAD%20ID/disable', { method: 'POST', headers: admin.bearer });
    expect(malformed.status).toBe(400);
    const self = await app.request(`/api/admin/accounts/${admin.account.id}/disable`, { method: 'POST', headers: admin.bearer });
    expect(self.status).toBe(409);
    await expectErrorShape(self, 'CANNOT_DISABLE_SELF');
  });

  it('checks the role before the body: a shopper learns nothing from a bad body', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    const res = await postJson(app, '/api/admin/officers', { rac: true }, shopper.bearer);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'FORBIDDEN');
    const anonymous = await postJson(app, '/api/admin/officers', { rac: true });
    expect(anonymous.status).toBe(401);
  });
});
