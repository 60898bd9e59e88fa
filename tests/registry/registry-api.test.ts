import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { snapshotOf } from '../../shared/registry/certificate';
import { AuditTrailSchema, RegistryResultSchema } from '../../shared/registry/schemas';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { listedIds, postAs, recordBody, seedSubject } from './registry-fixtures';

describe('registry API: officers record, revoke, downgrade and renew certificates', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let officerX: TestAccount;
  let officerY: TestAccount;
  let admin: TestAccount;
  const X = '86';
  const Y = '01';

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    officerX = await createTestAccount(services, 'officer', { provinceCode: X });
    officerY = await createTestAccount(services, 'officer', { provinceCode: Y });
    admin = await createTestAccount(services, 'admin');
    for (let i = 1; i <= 6; i++) await seedSubject(services, `htx-vl-${i}`, X);
    await seedSubject(services, 'htx-hn-1', Y);
  });

  const record = (who: TestAccount, body: Record<string, unknown> & { certificateNo: string; subjectId: string; productId: string }) =>
    postAs(app, '/api/registry/certificates', recordBody(body), who.bearer);

  it('lets the officer of the subject\'s province record a 4★ and lists the product at once', async () => {
    expect(await listedIds(services, 'htx-vl-1')).toEqual([]);
    const res = await record(officerX, { certificateNo: 'VL-2026-001', subjectId: 'htx-vl-1', productId: 'htx-vl-1-sp' });
    expect(res.status).toBe(201);
    const out = RegistryResultSchema.parse(await res.json());
    expect(out).toMatchObject({ warnings: [], productListed: true });
    expect(out.certificate).toMatchObject({ status: 'active', expiresOn: '2029-10-01', expiresAt: '2029-10-01T17:00:00.000Z', issuerProvinceCode2025: X, revision: 1 });
    expect(await listedIds(services, 'htx-vl-1')).toEqual(['htx-vl-1-sp']);
    expect((await services.catalog.getProduct('htx-vl-1-sp'))?.certificate).toMatchObject({ certificateNo: 'VL-2026-001', stars: 4 });
  });

  it('refuses an officer of another province with 403 (object-level, in the service)', async () => {
    const res = await record(officerY, { certificateNo: 'VL-2026-002', subjectId: 'htx-vl-2', productId: 'htx-vl-2-sp' });
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'NOT_PROVINCE_OFFICER');
    expect(await services.certificates.getCertificate('VL-2026-002')).toBeUndefined();
  });

  it('refuses a duplicate certificate number with 409 and writes nothing', async () => {
    const res = await record(officerX, { certificateNo: 'VL-2026-001', subjectId: 'htx-vl-2', productId: 'htx-vl-2-sp' });
    expect(res.status).toBe(409);
    await expectErrorShape(res, 'CERTIFICATE_EXISTS');
    expect(await listedIds(services, 'htx-vl-2')).toEqual([]);
    expect((await services.certificates.getCertificate('VL-2026-001'))?.subjectId).toBe('htx-vl-1');
  });

  it('blocks a district issuer after 01/07/2025 with 400 and the findings', async () => {
    const res = await record(officerX, { certificateNo: 'VL-2026-003', subjectId: 'htx-vl-2', productId: 'htx-vl-2-sp', stars: 3, score: 60, issuingLevel: 'district', issuingAuthority: 'UBND huyện Càng Long' });
    expect(res.status).toBe(400);
    const body = await expectErrorShape(res, 'ISSUER_INCONSISTENT');
    expect(body.error.details).toMatchObject({ findings: expect.arrayContaining([expect.objectContaining({ severity: 'error', code: 'DISTRICT_AFTER_ABOLITION' })]) });
  });

  it('returns warnings without blocking (score does not fit the star)', async () => {
    const res = await record(officerX, { certificateNo: 'VL-2026-004', subjectId: 'htx-vl-2', productId: 'htx-vl-2-sp', score: 65 });
    expect(res.status).toBe(201);
    const out = RegistryResultSchema.parse(await res.json());
    expect(out.warnings.map((w) => w.code)).toEqual(['SCORE_STAR_MISMATCH']);
  });

  it('keeps 5★ and central decisions for admins; refuses a typed-in expiry', async () => {
    const five = { certificateNo: 'BNN-2026-5', subjectId: 'htx-vl-3', productId: 'htx-vl-3-sp', stars: 5, score: 92, issuingLevel: 'central', issuingAuthority: 'Bộ Nông nghiệp và Môi trường' };
    const byOfficer = await record(officerX, five);
    expect(byOfficer.status).toBe(403);
    await expectErrorShape(byOfficer, 'CENTRAL_DECISION_ADMIN_ONLY');
    const typed = await record(officerX, { certificateNo: 'VL-2026-005', subjectId: 'htx-vl-3', productId: 'htx-vl-3-sp', expiresOn: '2040-01-01' });
    expect(typed.status).toBe(400);
    await expectErrorShape(typed, 'INVALID_INPUT');
    const byAdmin = await record(admin, five);
    expect(byAdmin.status).toBe(201);
    expect(RegistryResultSchema.parse(await byAdmin.json()).certificate.issuerProvinceCode2025).toBeUndefined();
  });

  it('hides the product immediately on revoke, and keeps the revocation final', async () => {
    await record(officerX, { certificateNo: 'VL-2026-010', subjectId: 'htx-vl-4', productId: 'htx-vl-4-sp' });
    expect(await listedIds(services, 'htx-vl-4')).toEqual(['htx-vl-4-sp']);
    const res = await postAs(app, '/api/registry/certificates/VL-2026-010/revoke', { revocationDecisionNo: '77/QĐ-UBND', revokedOn: '2026-11-20', reason: 'Vi phạm an toàn thực phẩm' }, officerX.bearer);
    expect(res.status).toBe(200);
    const out = RegistryResultSchema.parse(await res.json());
    expect(out).toMatchObject({ productListed: false, certificate: { status: 'revoked', revocationDecisionNo: '77/QĐ-UBND', revokedOn: '2026-11-20' } });
    expect(await listedIds(services, 'htx-vl-4')).toEqual([]);
    expect((await app.request('/api/products/htx-vl-4-sp')).status).toBe(410);
    const again = await postAs(app, '/api/registry/certificates/VL-2026-010/renew', { decisionNo: '90/QĐ-UBND', decisionDate: '2026-11-21' }, officerX.bearer);
    expect(again.status).toBe(409);
    await expectErrorShape(again, 'CERTIFICATE_REVOKED');
  });

  it('hides on a downgrade to 2★, shows again on renew, and audits each step in order', async () => {
    const no = 'VL-2026-020';
    await record(officerX, { certificateNo: no, subjectId: 'htx-vl-5', productId: 'htx-vl-5-sp' });
    clock.advance(60_000);
    const down = await postAs(app, `/api/registry/certificates/${no}/downgrade`, { stars: 2, decisionNo: '101/QĐ-UBND', score: 45, reason: 'Đánh giá lại không đạt' }, officerX.bearer);
    expect(down.status).toBe(200);
    expect(RegistryResultSchema.parse(await down.json())).toMatchObject({ productListed: false, certificate: { stars: 2, score: 45, revision: 2 } });
    expect(await listedIds(services, 'htx-vl-5')).toEqual([]);

    const notDown = await postAs(app, `/api/registry/certificates/${no}/downgrade`, { stars: 3, decisionNo: '102/QĐ-UBND', reason: 'không phải hạ hạng' }, officerX.bearer);
    expect(notDown.status).toBe(400);
    await expectErrorShape(notDown, 'NOT_A_DOWNGRADE');

    clock.advance(60_000);
    const renew = await postAs(app, `/api/registry/certificates/${no}/renew`, { decisionNo: '150/QĐ-UBND', decisionDate: '2026-11-22', stars: 4, score: 80 }, officerX.bearer);
    expect(renew.status).toBe(200);
    expect(RegistryResultSchema.parse(await renew.json())).toMatchObject({ productListed: true, certificate: { stars: 4, status: 'active', expiresOn: '2029-11-22', revision: 3 } });
    expect(await listedIds(services, 'htx-vl-5')).toEqual(['htx-vl-5-sp']);

    const trail = await app.request(`/api/registry/certificates/${no}/audit`, { headers: admin.bearer });
    expect(trail.status).toBe(200);
    const { items } = AuditTrailSchema.parse(await trail.json());
    expect(items.map((e) => e.action)).toEqual(['record', 'downgrade', 'renew']);
    expect(items.map((e) => e.at)).toEqual(['2026-11-23T03:00:00.000Z', '2026-11-23T03:01:00.000Z', '2026-11-23T03:02:00.000Z']);
    expect(items[0]).toMatchObject({ before: null, after: { stars: 4 }, actor: { accountId: officerX.account.id, role: 'officer', provinceCode: X } });
    expect(items[1]).toMatchObject({ before: { stars: 4 }, after: { stars: 2 }, reason: 'Đánh giá lại không đạt' });
    expect(items[2]).toMatchObject({ before: { stars: 2, decisionDate: '2026-10-01' }, after: { stars: 4, decisionDate: '2026-11-22' } });
  });

  it('shows the audit trail to the province officer but not to another province or a shopper', async () => {
    const path = '/api/registry/certificates/VL-2026-001/audit';
    expect((await app.request(path, { headers: officerX.bearer })).status).toBe(200);
    const other = await app.request(path, { headers: officerY.bearer });
    expect(other.status).toBe(403);
    await expectErrorShape(other, 'NOT_PROVINCE_OFFICER');
    const shopper = await createTestAccount(services, 'shopper');
    expect((await app.request(path, { headers: shopper.bearer })).status).toBe(403);
    expect((await app.request(path)).status).toBe(401);
  });

  it('answers 404 in the shared shape for an unknown certificate', async () => {
    const res = await postAs(app, '/api/registry/certificates/KHONG-CO/revoke', { revocationDecisionNo: '1/QĐ', revokedOn: '2026-11-20', reason: 'không có' }, admin.bearer);
    expect(res.status).toBe(404);
    await expectErrorShape(res, 'CERTIFICATE_NOT_FOUND');
  });
});

describe('a certificate linked to several products', () => {
  it('hides every product carrying it when it is revoked', async () => {
    const services = await createTestServices();
    const app = createApp(services);
    const officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    const first = await seedSubject(services, 'htx-nhieu-sp', '86');
    expect((await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: 'VL-MULTI', subjectId: 'htx-nhieu-sp', productId: first.id }), officer.bearer)).status).toBe(201);
    // The owner links the same certificate to a second product (what storefront product management does).
    const cert = (await services.certificates.getCertificate('VL-MULTI'))!;
    const second = makeProduct({ id: 'htx-nhieu-sp-2', producerId: 'htx-nhieu-sp', provinceCode: '86', certificate: snapshotOf(cert) });
    await services.catalog.saveProduct(second);
    expect((await listedIds(services, 'htx-nhieu-sp')).sort()).toEqual(['htx-nhieu-sp-2', 'htx-nhieu-sp-sp']);
    const res = await postAs(app, '/api/registry/certificates/VL-MULTI/revoke', { revocationDecisionNo: '5/QĐ', revokedOn: '2026-11-20', reason: 'Thu hồi' }, officer.bearer);
    expect(res.status).toBe(200);
    expect(await listedIds(services, 'htx-nhieu-sp')).toEqual([]);
    expect((await services.catalog.getProduct('htx-nhieu-sp-2'))?.certificate?.status).toBe('revoked');
  });
});
