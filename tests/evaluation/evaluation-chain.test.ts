import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { listedIds, seedSubject } from '../registry/registry-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { call, preAssessmentBody, roundBody, sheetChoices } from './eval-fixtures';

describe('evaluation: dossier → council scores → decision → certificate → listed product', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let officer: TestAccount;
  let officerY: TestAccount;
  let admin: TestAccount;
  let producer: TestAccount;
  let otherProducer: TestAccount;
  let m1: TestAccount;
  let m2: TestAccount;
  let outsider: TestAccount;
  let roundId: string;
  let dossierId: string;
  const X = '86';

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: X });
    officerY = await createTestAccount(services, 'officer', { provinceCode: '01' });
    admin = await createTestAccount(services, 'admin');
    await seedSubject(services, 'htx-nuoc-mam', X);
    await seedSubject(services, 'htx-khac', X);
    producer = await createTestAccount(services, 'producer', { producerId: 'htx-nuoc-mam' });
    otherProducer = await createTestAccount(services, 'producer', { producerId: 'htx-khac' });
    m1 = await createTestAccount(services, 'officer', { provinceCode: X, email: 'hoi-dong-1@thu-nghiem.vn' });
    m2 = await createTestAccount(services, 'shopper', { email: 'chuyen-gia-2@thu-nghiem.vn' });
    outsider = await createTestAccount(services, 'shopper', { email: 'hoi-dong-khac@thu-nghiem.vn' });
  });

  it('opens a round in draft and enforces draft → open → scoring → decided → closed', async () => {
    const res = await call(app, 'POST', '/api/evaluation-rounds', officer.bearer, roundBody());
    expect(res.status).toBe(201);
    const round = (await res.json()) as { id: string; state: string; provinceCode: string };
    expect(round).toMatchObject({ state: 'draft', provinceCode: X });
    roundId = round.id;
    const skip = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'scoring' });
    expect(skip.status).toBe(409);
    await expectErrorShape(skip, 'ILLEGAL_TRANSITION');
    const foreign = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officerY.bearer, { to: 'open' });
    expect(foreign.status).toBe(403);
    const open = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'open' });
    expect(open.status).toBe(200);
    expect(((await open.json()) as { state: string }).state).toBe('open');
  });

  it('takes a dossier from the producer for their own product only, with a complete self-assessment', async () => {
    const notMine = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/dossiers`, otherProducer.bearer, { productId: 'htx-nuoc-mam-sp', selfAssessment: sheetChoices() });
    expect(notMine.status).toBe(403);
    const partial = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/dossiers`, producer.bearer, { productId: 'htx-nuoc-mam-sp', selfAssessment: { 'A1.nguyen-lieu': '2' } });
    expect(partial.status).toBe(400);
    await expectErrorShape(partial, 'INVALID_SELF_ASSESSMENT');
    const res = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/dossiers`, producer.bearer, { productId: 'htx-nuoc-mam-sp', selfAssessment: sheetChoices() });
    expect(res.status).toBe(201);
    const dossier = (await res.json()) as { id: string; state: string; sheetId: string; version: number };
    expect(dossier).toMatchObject({ state: 'submitted', sheetId: 'qd148-thuc-pham-gia-vi', version: 1 });
    dossierId = dossier.id;
  });

  it('lets the officer send it back with a comment and the producer correct it; every change is a version', async () => {
    const back = await call(app, 'POST', `/api/dossiers/${dossierId}/send-back`, officer.bearer, { comment: 'Bổ sung giấy chứng nhận an toàn thực phẩm' });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ state: 'returned', version: 2, comments: [{ text: 'Bổ sung giấy chứng nhận an toàn thực phẩm' }] });
    const fix = await call(app, 'POST', `/api/dossiers/${dossierId}/corrections`, producer.bearer, { note: 'Đã bổ sung' });
    expect(fix.status).toBe(200);
    expect(await fix.json()).toMatchObject({ state: 'submitted', version: 3 });
    const again = await call(app, 'POST', `/api/dossiers/${dossierId}/corrections`, producer.bearer, { note: 'Lần nữa' });
    expect(again.status).toBe(409);
    const viewRes = await call(app, 'GET', `/api/dossiers/${dossierId}`, officer.bearer);
    const view = (await viewRes.json()) as { versions: { version: number; action: string; state: string }[] };
    expect(viewRes.status, JSON.stringify(view)).toBe(200);
    expect(view.versions.map((v) => [v.version, v.action, v.state])).toEqual([
      [1, 'submit', 'submitted'],
      [2, 'send-back', 'returned'],
      [3, 'correct', 'submitted'],
    ]);
  });

  it('records the commune pre-assessment, names the council, and keeps other rounds out', async () => {
    const pre = await call(app, 'POST', `/api/dossiers/${dossierId}/pre-assessment`, officer.bearer, preAssessmentBody);
    expect(pre.status).toBe(200);
    expect(await pre.json()).toMatchObject({ state: 'preassessed', preAssessment: { commune: 'UBND xã Long Hồ', items: { rawMaterials: { met: true } } } });
    for (const m of [m1, m2]) {
      const res = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/council`, officer.bearer, { email: m.account.email });
      expect(res.status).toBe(201);
    }
    const dup = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/council`, officer.bearer, { email: m1.account.email });
    expect(dup.status).toBe(409);
    const producerMember = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/council`, officer.bearer, { email: producer.account.email });
    expect(producerMember.status).toBe(400);
    // Another round, with `outsider` on its council: they see nothing of this one.
    const other = (await (await call(app, 'POST', '/api/evaluation-rounds', officer.bearer, roundBody({ name: 'Đợt 2' }))).json()) as { id: string };
    expect((await call(app, 'POST', `/api/evaluation-rounds/${other.id}/council`, officer.bearer, { email: outsider.account.email })).status).toBe(201);
    expect((await call(app, 'GET', `/api/evaluation-rounds/${other.id}`, outsider.bearer)).status).toBe(200);
    for (const path of [`/api/evaluation-rounds/${roundId}`, `/api/evaluation-rounds/${roundId}/dossiers`, `/api/dossiers/${dossierId}`, `/api/dossiers/${dossierId}/result`, `/api/dossiers/${dossierId}/scores`]) {
      const res = await call(app, 'GET', path, outsider.bearer);
      expect(res.status, path).toBe(403);
    }
    expect((await call(app, 'POST', `/api/dossiers/${dossierId}/scores`, outsider.bearer, { choices: sheetChoices() })).status).toBe(403);
  });

  it('takes each member\'s sheet once, and hides the others\' sheets until a member has submitted', async () => {
    const early = await call(app, 'POST', `/api/dossiers/${dossierId}/scores`, m1.bearer, { choices: sheetChoices() });
    expect(early.status).toBe(409);
    await expectErrorShape(early, 'ROUND_NOT_SCORING');
    expect((await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'scoring' })).status).toBe(200);
    // m1 is also an officer of the province: as a member they are blind until their own sheet is in.
    const officerPeek = await call(app, 'GET', `/api/dossiers/${dossierId}/result`, m1.bearer);
    expect(officerPeek.status).toBe(403);
    await expectErrorShape(officerPeek, 'SCORES_HIDDEN_UNTIL_SUBMITTED');
    // m1 scores: B1 half (10), A1.to-chuc half (4), C3 zero: 100 − 10 − 4 − 5 = 81.
    const s1 = await call(app, 'POST', `/api/dossiers/${dossierId}/scores`, m1.bearer, { choices: sheetChoices({ 'B1.tiep-thi': '1', 'A1.to-chuc': '1', 'C3.xuat-khau': '0' }) });
    expect(s1.status).toBe(201);
    const twice = await call(app, 'POST', `/api/dossiers/${dossierId}/scores`, m1.bearer, { choices: sheetChoices() });
    expect(twice.status).toBe(409);
    await expectErrorShape(twice, 'SCORES_ALREADY_SUBMITTED');
    // m2 has not submitted: the others' sheets and the result are refused.
    const peek = await call(app, 'GET', `/api/dossiers/${dossierId}/scores`, m2.bearer);
    expect(peek.status).toBe(403);
    await expectErrorShape(peek, 'SCORES_HIDDEN_UNTIL_SUBMITTED');
    expect((await call(app, 'GET', `/api/dossiers/${dossierId}/result`, m2.bearer)).status).toBe(403);
    expect((await call(app, 'GET', `/api/dossiers/${dossierId}/scores`, producer.bearer)).status).toBe(403);
    expect((await call(app, 'GET', `/api/dossiers/${dossierId}/result`, producer.bearer)).status).toBe(403);
    // m2: B1 half, C3 zero: 100 − 10 − 5 = 85. Mean 83 → 4★.
    expect((await call(app, 'POST', `/api/dossiers/${dossierId}/scores`, m2.bearer, { choices: sheetChoices({ 'B1.tiep-thi': '1', 'C3.xuat-khau': '0' }) })).status).toBe(201);
    const seen = (await (await call(app, 'GET', `/api/dossiers/${dossierId}/scores`, m2.bearer)).json()) as { items: unknown[] };
    expect(seen.items).toHaveLength(2);
    const result = await call(app, 'GET', `/api/dossiers/${dossierId}/result`, officer.bearer);
    expect(await result.json()).toMatchObject({ members: 2, total: 83, band: 4, stars: 4, findings: [], final: false, parts: { A: 38, B: 15, C: 30 } });
  });

  it('records the province decision: the registry creates the certificate and the product is listed', async () => {
    expect(await listedIds(services, 'htx-nuoc-mam')).toEqual([]);
    const decision = { level: 'province', decisionNo: '512/QĐ-UBND', decisionDate: '2026-11-30', signer: 'Phó Chủ tịch UBND tỉnh Nguyễn Văn A', issuingAuthority: 'UBND tỉnh Vĩnh Long', items: [{ dossierId, certificateNo: 'VL-OCOP-2026-001' }] };
    const early = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officer.bearer, decision);
    expect(early.status).toBe(409);
    await expectErrorShape(early, 'ROUND_NOT_DECIDED');
    expect((await call(app, 'POST', `/api/evaluation-rounds/${roundId}/transitions`, officer.bearer, { to: 'decided' })).status).toBe(200);
    expect((await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officerY.bearer, decision)).status).toBe(403);
    const res = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officer.bearer, decision);
    expect(res.status).toBe(201);
    const out = (await res.json()) as { items: { state: string; stars: number; certificate: { certificateNo: string; expiresOn: string; score: number }; productListed: boolean }[] };
    expect(out.items[0]).toMatchObject({ state: 'recognised', stars: 4, productListed: true, certificate: { certificateNo: 'VL-OCOP-2026-001', expiresOn: '2029-11-30', score: 83, stars: 4, issuingLevel: 'province' } });
    // The registry's own path: its audit trail has the record, the product carries the certificate and is listed.
    const audit = await services.registry.listAudit('VL-OCOP-2026-001');
    expect(audit.map((a) => a.action)).toEqual(['record']);
    expect(await listedIds(services, 'htx-nuoc-mam')).toEqual(['htx-nuoc-mam-sp']);
    const again = await call(app, 'POST', `/api/evaluation-rounds/${roundId}/decisions`, officer.bearer, decision);
    expect(again.status).toBe(409);
    await expectErrorShape(again, 'DOSSIER_NOT_AWAITING_DECISION');
  });

  it('shows the producer the state, result and comments; the public product shows the certificate, never council scores', async () => {
    const view = (await (await call(app, 'GET', `/api/dossiers/${dossierId}`, producer.bearer)).json()) as { dossier: { state: string; decision: { certificateNo: string } }; versions?: unknown };
    expect(view.dossier).toMatchObject({ state: 'recognised', decision: { certificateNo: 'VL-OCOP-2026-001', stars: 4 } });
    expect(view.versions).toBeUndefined();
    const result = await call(app, 'GET', `/api/dossiers/${dossierId}/result`, producer.bearer);
    expect(await result.json()).toMatchObject({ total: 83, stars: 4, final: true });
    const product = await app.request('/api/products/htx-nuoc-mam-sp', { headers: { accept: 'application/json' } });
    expect(product.status).toBe(200);
    const text = await product.text();
    expect(text).toContain('VL-OCOP-2026-001');
    expect(text).not.toContain('choices');
    expect(text).not.toContain(m1.account.email);
    const page = await (await app.request('/san-pham/htx-nuoc-mam-sp')).text();
    expect(page).not.toContain('B1.tiep-thi');
  });
});
