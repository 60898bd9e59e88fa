import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Application } from '../../shared/onboarding/application';
import type { Services } from '../../shared/services';
import { createTestAccount, withSession } from '../authz/accounts';
import { makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { postJson } from '../identity/http';

export const validApplication = (over: Record<string, unknown> = {}) => ({
  subjectType: 'cooperative',
  legalName: 'HTX Mật ong Bạc Hà',
  taxCode: '0101234567',
  provinceCode: '01',
  commune: 'phường Hoàn Kiếm',
  addressLine: '12 Hàng Bạc',
  phone: '0912 345 678',
  email: 'htx@mat-ong.vn',
  story: 'Mật ong **bạc hà** từ cao nguyên.',
  ...over,
});

describe('onboarding API', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  async function apply(over: Record<string, unknown> = {}) {
    const applicant = await createTestAccount(services, 'producer');
    const res = await postJson(app, '/api/onboarding/applications', validApplication(over), applicant.bearer);
    expect(res.status, await res.clone().text()).toBe(201);
    return { applicant, application: (await res.json()) as Application };
  }

  it('a storefront approved a moment ago is found by search at once (no restart, no rebuild)', async () => {
    // Warm the index first, so the new storefront can only come from the approval's own hook.
    expect((await app.request('/api/search?q=tra+shan+tuyet+ta+xua')).status).toBe(200);
    const { application } = await apply({ legalName: 'HTX Trà Shan Tuyết Tà Xùa', taxCode: '0107654321' });
    const officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    const res = await postJson(app, `/api/onboarding/applications/${application.id}/approve`, {}, officer.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    const { producerId } = (await res.json()) as Application;
    // A storefront shows in search once it sells something; its first listed product is saved the
    // normal way. Without the approval hook the index would still not know the storefront's name.
    await services.catalog.saveProduct(makeProduct({ id: `che-${producerId}`, producerId: producerId!, producerName: 'HTX Trà Shan Tuyết Tà Xùa', provinceCode: '01' }));

    const search = await app.request('/api/search?q=tra+shan+tuyet+ta+xua');
    expect(search.status).toBe(200);
    const { producers } = (await search.json()) as { producers: { id: string; name: string }[] };
    expect(producers.map((p) => p.id)).toContain(producerId);
  });

  it('application → officer of the same province approves → producer bound → storefront exists', async () => {
    const { applicant, application } = await apply();
    expect(application.status).toBe('pending');
    expect(application.phone).toBe('+84912345678');
    const officer = await createTestAccount(services, 'officer', { provinceCode: '01' });

    const queue = await app.request('/api/onboarding/applications?status=pending', { headers: officer.bearer });
    expect(queue.status).toBe(200);
    const { items } = (await queue.json()) as { items: Application[] };
    expect(items.map((a) => a.id)).toContain(application.id);

    const res = await postJson(app, `/api/onboarding/applications/${application.id}/approve`, {}, officer.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    const approved = (await res.json()) as Application;
    expect(approved.status).toBe('approved');
    expect(approved.producerId).toMatch(/^htx-mat-ong-bac-ha-[0-9a-f]{6}$/);

    const account = await services.identity.accounts.getAccount(applicant.account.id);
    expect(account?.producerId).toBe(approved.producerId);
    const producer = await services.producers.getProducer(approved.producerId!);
    expect(producer).toMatchObject({ name: 'HTX Mật ong Bạc Hà', legalForm: 'cooperative', provinceCode: '01', taxCode: '0101234567' });

    const trail = await services.applications.audit(application.id);
    expect(trail.map((a) => a.decision)).toEqual(['approved', 'submitted'].sort());
    expect(trail.find((a) => a.decision === 'approved')?.by).toBe(officer.account.id);

    // Decided once: a second approval is a conflict, not a second storefront.
    const again = await postJson(app, `/api/onboarding/applications/${application.id}/approve`, {}, officer.bearer);
    expect(again.status).toBe(409);
    await expectErrorShape(again, 'APPLICATION_ALREADY_DECIDED');

    // The pending queue no longer shows it.
    const after = (await (await app.request('/api/onboarding/applications', { headers: officer.bearer })).json()) as { items: Application[] };
    expect(after.items.map((a) => a.id)).not.toContain(application.id);

    // A fresh session of the bound account can now apply no more.
    const bound = await withSession(services, applicant.account);
    const dup = await postJson(app, '/api/onboarding/applications', validApplication(), bound.bearer);
    expect(dup.status).toBe(409);
    await expectErrorShape(dup, 'PRODUCER_ALREADY_BOUND');

    // …and can now create a product in the new storefront.
    const created = await postJson(
      app,
      `/api/producers/${approved.producerId}/products`,
      { name: 'Mật ong bạc hà', group: 'food', subgroup: 'food-condiment', priceVnd: 150000, unit: 'hũ 500 g' },
      bound.bearer,
    );
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ producerId: approved.producerId, producerName: 'HTX Mật ong Bạc Hà', status: 'draft', provinceCode: '01' });
  });

  it('an officer of another province gets 403 and cannot see the application in their queue', async () => {
    const { application } = await apply({ provinceCode: '01' });
    const other = await createTestAccount(services, 'officer', { provinceCode: '79' });
    const res = await postJson(app, `/api/onboarding/applications/${application.id}/approve`, {}, other.bearer);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'NOT_PROVINCE_OFFICER');
    const reject = await postJson(app, `/api/onboarding/applications/${application.id}/reject`, { reason: 'Không thuộc tỉnh' }, other.bearer);
    expect(reject.status).toBe(403);
    const queue = (await (await app.request('/api/onboarding/applications', { headers: other.bearer })).json()) as { items: Application[] };
    expect(queue.items.map((a) => a.id)).not.toContain(application.id);
    expect((await services.applications.get(application.id))?.status).toBe('pending');
  });

  it('reject needs a reason, is audited, and lets the applicant apply again', async () => {
    const { applicant, application } = await apply();
    const officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    const noReason = await postJson(app, `/api/onboarding/applications/${application.id}/reject`, {}, officer.bearer);
    expect(noReason.status).toBe(400);
    await expectErrorShape(noReason, 'INVALID_INPUT');

    const res = await postJson(app, `/api/onboarding/applications/${application.id}/reject`, { reason: 'Mã số thuế không khớp giấy phép' }, officer.bearer);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', decisionReason: 'Mã số thuế không khớp giấy phép' });
    const trail = await services.applications.audit(application.id);
    expect(trail.find((a) => a.decision === 'rejected')).toMatchObject({ by: officer.account.id, reason: 'Mã số thuế không khớp giấy phép' });
    expect((await services.identity.accounts.getAccount(applicant.account.id))?.producerId).toBeUndefined();

    const retry = await postJson(app, '/api/onboarding/applications', validApplication({ taxCode: '0101234567-001' }), applicant.bearer);
    expect(retry.status).toBe(201);
  });

  it('approve takes an optional note, and no body at all', async () => {
    const officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    const { application: withNote } = await apply();
    const noted = await postJson(app, `/api/onboarding/applications/${withNote.id}/approve`, { note: 'Đủ hồ sơ' }, officer.bearer);
    expect(noted.status).toBe(200);
    expect(await noted.json()).toMatchObject({ status: 'approved', decisionReason: 'Đủ hồ sơ' });
    const { application: bare } = await apply();
    const res = await app.request(`/api/onboarding/applications/${bare.id}/approve`, { method: 'POST', headers: { accept: 'application/json', ...officer.bearer } });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('refuses a duplicate open application', async () => {
    const { applicant } = await apply();
    const dup = await postJson(app, '/api/onboarding/applications', validApplication(), applicant.bearer);
    expect(dup.status).toBe(409);
    await expectErrorShape(dup, 'APPLICATION_EXISTS');
  });

  it('validates input in the shared error shape (tax code, phone, 2025 province, no district)', async () => {
    const applicant = await createTestAccount(services, 'producer');
    const res = await postJson(app, '/api/onboarding/applications', validApplication({ taxCode: '12345', phone: '02838123456', provinceCode: '99', email: 'x' }), applicant.bearer);
    expect(res.status).toBe(400);
    const body = await expectErrorShape(res, 'INVALID_INPUT');
    const paths = (body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['email', 'phone', 'provinceCode', 'taxCode']);
  });

  it('only producers apply; only officers decide', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    expect((await postJson(app, '/api/onboarding/applications', validApplication(), shopper.bearer)).status).toBe(403);
    expect((await postJson(app, '/api/onboarding/applications', validApplication())).status).toBe(401);
    const { application } = await apply();
    const admin = await createTestAccount(services, 'admin');
    expect((await postJson(app, `/api/onboarding/applications/${application.id}/approve`, {}, admin.bearer)).status).toBe(403);
    const unknown = await postJson(app, '/api/onboarding/applications/00000000-0000-4000-8000-000000000000/approve', {}, (await createTestAccount(services, 'officer')).bearer);
    expect(unknown.status).toBe(404);
    await expectErrorShape(unknown, 'APPLICATION_NOT_FOUND');
  });
});
