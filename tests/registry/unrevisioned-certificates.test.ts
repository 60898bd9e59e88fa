import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { auditEntry } from '../../shared/registry/audit';
import type { Certificate } from '../../shared/registry/certificate';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { useTempMediaStore } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';
import { postAs } from './registry-fixtures';

const NOW = new Date('2026-11-23T03:00:00Z');
const TODAY = '2026-11-23';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
const ops = ['revoke', 'downgrade', 'renew', 'evidence'] as const;
type Op = (typeof ops)[number];

/**
 * The four changes an officer makes, on demo certificates as the seed writes them, and on
 * certificate items written before `revision` existed (the seed of earlier versions): each must
 * succeed, not answer 409 CERTIFICATE_CONFLICT.
 */
describe('certificates seeded by the demo, and items without a revision, can be changed', () => {
  const clock = new ManualClock(NOW);
  const catalog = demoCatalog(NOW);
  let services: Services;
  let app: App;
  let mediaDir: string;
  const officers = new Map<string, TestAccount>();
  const provinceOf = new Map(catalog.producers.map((p) => [p.id, p.provinceCode]));
  // What a province officer may change: 3–4★, not a central decision, active, unexpired, decided before today.
  const changeable = catalog.certificates.filter(
    (c) => c.status === 'active' && c.stars >= 3 && c.stars <= 4 && c.issuingLevel !== 'central' && c.decisionDate < TODAY && Date.parse(c.expiresAt) > NOW.getTime() && c.productId,
  );
  const demo = changeable.slice(0, ops.length);
  // Written exactly as the seed wrote them before it set `revision`.
  const legacy = changeable.slice(ops.length, 2 * ops.length).map(({ revision: _r, ...c }) => c as Certificate);

  beforeAll(async () => {
    services = await createTestServices({ clock });
    mediaDir = await useTempMediaStore(services, 'unrevisioned');
    app = createApp(services);
    for (const cert of [...demo, ...legacy]) {
      const provinceCode = provinceOf.get(cert.subjectId)!;
      const producer = catalog.producers.find((p) => p.id === cert.subjectId)!;
      await services.producers.createProducer(producer).catch(() => undefined); // two certificates may share a producer
      await services.certificates.createCertificate(cert, provinceCode);
      await services.catalog.saveProduct(catalog.products.find((p) => p.id === cert.productId)!);
      if (!officers.has(provinceCode)) officers.set(provinceCode, await createTestAccount(services, 'officer', { provinceCode }));
    }
    clock.advance(60_000);
  }, 60_000);
  afterAll(async () => {
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  const officerOf = (cert: Certificate) => officers.get(provinceOf.get(cert.subjectId)!)!;

  async function change(op: Op, cert: Certificate): Promise<Response> {
    const no = encodeURIComponent(cert.certificateNo);
    const officer = officerOf(cert);
    switch (op) {
      case 'revoke':
        return postAs(app, `/api/registry/certificates/${no}/revoke`, { revocationDecisionNo: '88/QĐ-UBND', revokedOn: TODAY, reason: 'Vi phạm quy định ghi nhãn' }, officer.bearer);
      case 'downgrade':
        return postAs(app, `/api/registry/certificates/${no}/downgrade`, { stars: cert.stars - 1, decisionNo: '89/QĐ-UBND', reason: 'Đánh giá lại' }, officer.bearer);
      case 'renew':
        return postAs(app, `/api/registry/certificates/${no}/renew`, { decisionNo: '90/QĐ-UBND', decisionDate: TODAY }, officer.bearer);
      case 'evidence': {
        const form = new FormData();
        form.append('evidence', new File([new Uint8Array(PDF)], 'quyet-dinh.pdf', { type: 'application/pdf' }));
        return app.request(`/quan-ly/tinh/chung-nhan/${no}/minh-chung`, { method: 'POST', headers: { accept: 'text/html', origin: 'http://localhost', ...officer.cookie }, body: form });
      }
    }
  }

  const expected: Record<Op, (cert: Certificate) => Partial<Certificate>> = {
    revoke: () => ({ status: 'revoked', revokedOn: TODAY }),
    downgrade: (cert) => ({ stars: cert.stars - 1, status: 'active' }),
    renew: () => ({ decisionDate: TODAY, status: 'active' }),
    evidence: () => ({ evidence: expect.objectContaining({ contentType: 'application/pdf', bytes: PDF.length }) }),
  };

  it('the demo seed writes every certificate at revision 1, as the registry records one', () => {
    expect(catalog.certificates.length).toBeGreaterThan(0);
    expect(catalog.certificates.filter((c) => c.revision !== 1)).toEqual([]);
    expect(demo).toHaveLength(ops.length);
    expect(legacy).toHaveLength(ops.length);
  });

  for (const [i, op] of ops.entries()) {
    it(`${op} on a seeded demo certificate succeeds (revision 1 → 2)`, async () => {
      const cert = demo[i]!;
      const res = await change(op, cert);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await services.certificates.getCertificate(cert.certificateNo)).toMatchObject({ ...expected[op](cert), revision: 2 });
    });

    it(`${op} on a certificate item written without revision succeeds (counted as 1 → 2)`, async () => {
      const cert = legacy[i]!;
      expect((await services.certificates.getCertificate(cert.certificateNo))?.revision).toBeUndefined();
      const res = await change(op, cert);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await services.certificates.getCertificate(cert.certificateNo)).toMatchObject({ ...expected[op](cert), revision: 2 });
      expect((await services.registry.listAudit(cert.certificateNo)).map((e) => e.action)).toEqual([op]);
    });
  }

  it('an item without revision still refuses a change built on a stale read', async () => {
    // The revocation above gave it revision 2: a writer that read it without one must lose.
    const cert = legacy[0]!;
    const after: Certificate = { ...cert, decisionNo: '91/QĐ-UBND', revision: 2 };
    const stale = await services.registry
      .commit({
        certificate: after,
        previous: cert,
        products: [],
        audit: auditEntry({ action: 'downgrade', at: clock.now(), actor: { accountId: 'thu-nghiem', role: 'admin' }, before: cert, after }),
        subjectProvinceCode: provinceOf.get(cert.subjectId)!,
      })
      .then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
    expect(stale).toBe('CERTIFICATE_CONFLICT');
  });
});
