import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { seedSubject } from '../registry/registry-fixtures';
import { useTempEvidenceStore } from '../support/media-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { call, preAssessmentBody, roundBody, sheetChoices } from './eval-fixtures';

const PDF = Buffer.from('%PDF-1.4\n% giấy chứng nhận ATTP\n%%EOF\n', 'latin1');

describe('dossier documents (private, sniffed, size-limited), one sheet per member under a race, and the 5★ path', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let evidenceDir: string;
  let officer: TestAccount;
  let admin: TestAccount;
  let producer: TestAccount;
  let shopper: TestAccount;
  let member: TestAccount;
  let roundId: string;
  let dossierId: string;

  const upload = (dossier: string, file: File, kind = 'food-safety') => {
    const form = new FormData();
    form.append('dossierId', dossier);
    form.append('kind', kind);
    form.append('file', file);
    return app.request('/api/dossier-documents', { method: 'POST', headers: { accept: 'application/json', ...producer.bearer }, body: form });
  };

  beforeAll(async () => {
    services = await createTestServices({ clock });
    evidenceDir = await useTempEvidenceStore(services, 'evaluation-docs');
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    admin = await createTestAccount(services, 'admin');
    shopper = await createTestAccount(services, 'shopper');
    member = await createTestAccount(services, 'shopper');
    await seedSubject(services, 'htx-mat-ong', '86');
    await services.catalog.saveProduct({ ...(await services.catalog.getProduct('htx-mat-ong-sp'))!, id: 'htx-mat-ong-sp2', slug: 'htx-mat-ong-sp2' });
    producer = await createTestAccount(services, 'producer', { producerId: 'htx-mat-ong' });
    roundId = ((await (await call(app, 'POST', '/api/evaluation-rounds', officer.bearer, roundBody())).json()) as { id: string }).id;
    await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'open' });
    dossierId = ((await (await call(app, 'POST', `/api/evaluation-rounds/${roundId}/dossiers`, producer.bearer, { productId: 'htx-mat-ong-sp', selfAssessment: sheetChoices() })).json()) as { id: string }).id;
  });
  afterAll(() => rm(evidenceDir, { recursive: true, force: true }));

  it('stores a PDF privately under evidence/dossier-<id>/ and serves it only to the dossier\'s readers, uncached', async () => {
    const res = await upload(dossierId, new File([new Uint8Array(PDF)], 'attp.pdf', { type: 'application/pdf' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { documents: { id: string; contentType: string; key?: string }[]; version: number };
    expect(body.documents).toEqual([expect.objectContaining({ contentType: 'application/pdf', kind: 'food-safety', fileName: 'attp.pdf' })]);
    expect(body.documents[0]!.key).toBeUndefined();
    const stored = (await services.evaluation.getDossier(dossierId))!.documents[0]!;
    expect(stored.key).toMatch(new RegExp(`^evidence/dossier-${dossierId}/[0-9a-f-]{36}\\.pdf$`));
    const path = `/api/dossiers/${dossierId}/documents/${stored.id}`;
    const mine = await call(app, 'GET', path, producer.bearer);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(PDF);
    expect((await call(app, 'GET', path, officer.bearer)).status).toBe(200);
    expect((await call(app, 'GET', path, shopper.bearer)).status).toBe(403);
    expect((await app.request(`/media/${stored.key}`)).status).toBe(404);
  });

  it('sniffs the type from the bytes and limits the size', async () => {
    const fake = await upload(dossierId, new File(['<html>not a pdf</html>'], 'giay-to.pdf', { type: 'application/pdf' }));
    expect(fake.status).toBe(400);
    await expectErrorShape(fake, 'DOCUMENT_TYPE_UNSUPPORTED');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF.subarray(0, 5));
    const tooBig = await upload(dossierId, new File([big], 'lon.pdf', { type: 'application/pdf' }));
    expect(tooBig.status).toBe(400);
    await expectErrorShape(tooBig, 'DOCUMENT_TOO_LARGE');
    const kind = await upload(dossierId, new File([new Uint8Array(PDF)], 'x.pdf'), 'passport');
    expect(kind.status).toBe(400);
  });

  it('takes exactly one sheet from a member who submits twice at once', async () => {
    await call(app, 'POST', `/api/dossiers/${dossierId}/pre-assessment`, officer.bearer, preAssessmentBody);
    await call(app, 'POST', `/api/evaluation-rounds/${roundId}/council`, officer.bearer, { email: member.account.email });
    await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'scoring' });
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () => Promise.resolve(call(app, 'POST', `/api/dossiers/${dossierId}/scores`, member.bearer, { choices: sheetChoices() })).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    expect(await services.evaluation.scores(dossierId)).toHaveLength(1);
  });

  it('forwards a ≥ 90 dossier to the ministry; only an admin records the national 5★, through the registry', async () => {
    await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'decided' });
    const province = { level: 'province', decisionNo: '600/QĐ-UBND', decisionDate: '2026-12-01', signer: 'Nguyễn Văn A', issuingAuthority: 'UBND tỉnh Vĩnh Long', items: [{ dossierId }] };
    const res = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officer.bearer, province);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ items: [{ dossierId, state: 'forwarded', stars: 5, total: 100 }] });
    expect(await services.certificates.getCertificate(`OCOP-86-2026-${dossierId.slice(3).toUpperCase()}`)).toBeUndefined();
    const central = { ...province, level: 'central', decisionNo: '2361/QĐ-BNNMT', issuingAuthority: 'Bộ Nông nghiệp và Môi trường', items: [{ dossierId, certificateNo: 'TW-5S-2026-01' }] };
    const byOfficer = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officer.bearer, central);
    expect(byOfficer.status).toBe(403);
    await expectErrorShape(byOfficer, 'CENTRAL_DECISION_ADMIN_ONLY');
    const byAdmin = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, admin.bearer, central);
    expect(byAdmin.status).toBe(201);
    expect(await byAdmin.json()).toMatchObject({ items: [{ state: 'recognised', stars: 5, certificate: { certificateNo: 'TW-5S-2026-01', issuingLevel: 'central', stars: 5, expiresOn: '2029-12-01' } }] });
    expect((await services.registry.listAudit('TW-5S-2026-01')).map((a) => a.action)).toEqual(['record']);
  });

  it('closes the round, after which nothing moves', async () => {
    expect((await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'closed' })).status).toBe(200);
    const back = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'open' });
    expect(back.status).toBe(409);
    await expectErrorShape(back, 'ILLEGAL_TRANSITION');
  });
});

describe('one dossier per product per round', () => {
  it('takes exactly one of two simultaneous submissions for the same product', async () => {
    const services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    const app = createApp(services);
    const officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-dua', '86');
    const producer = await createTestAccount(services, 'producer', { producerId: 'htx-dua' });
    const roundId = ((await (await call(app, 'POST', '/api/evaluation-rounds', officer.bearer, roundBody())).json()) as { id: string }).id;
    await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'open' });
    const body = { productId: 'htx-dua-sp', selfAssessment: sheetChoices() };
    const results = await Promise.all([0, 1, 2].map(() => Promise.resolve(call(app, 'POST', `/api/evaluation-rounds/${roundId}/dossiers`, producer.bearer, body))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    await expectErrorShape(results.find((r) => r.status === 409)!, 'DOSSIER_EXISTS');
    expect(await services.evaluation.roundDossiers(roundId)).toHaveLength(1);
    expect(await services.evaluation.producerDossiers('htx-dua')).toHaveLength(1);
  });
});
