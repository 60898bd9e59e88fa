import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { useTempEvidenceStore, useTempMediaStore, withOfflinePresigner } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

const base = '/quan-ly/tinh/chung-nhan';
const ORIGIN = 'http://localhost';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

describe('certificate evidence file (console)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let mediaDir: string;
  let evidenceDir: string;
  let officerX: TestAccount;
  let officerY: TestAccount;
  let admin: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock });
    mediaDir = await useTempMediaStore(services, 'evidence');
    evidenceDir = await useTempEvidenceStore(services, 'evidence');
    app = createApp(services);
    officerX = await createTestAccount(services, 'officer', { provinceCode: '86' });
    officerY = await createTestAccount(services, 'officer', { provinceCode: '01' });
    admin = await createTestAccount(services, 'admin');
    for (const [i, no] of ['EV/1-QĐ', 'EV-BAD', 'EV-ADM', 'EV-AWS'].entries()) {
      await seedSubject(services, `htx-ev-${i}`, '86');
      const res = await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: no, subjectId: `htx-ev-${i}`, productId: `htx-ev-${i}-sp` }), officerX.bearer);
      expect(res.status).toBe(201);
    }
    clock.advance(60_000);
  });
  afterAll(async () => {
    await rm(mediaDir, { recursive: true, force: true });
    await rm(evidenceDir, { recursive: true, force: true });
  });

  const upload = (no: string, who: TestAccount, bytes: Buffer, name: string, type = 'application/pdf') => {
    const form = new FormData();
    form.append('evidence', new File([new Uint8Array(bytes)], name, { type }));
    return app.request(`${base}/${encodeURIComponent(no)}/minh-chung`, { method: 'POST', headers: { accept: 'text/html', origin: ORIGIN, ...who.cookie }, body: form });
  };
  const download = (no: string, who: TestAccount) => app.request(`${base}/${encodeURIComponent(no)}/minh-chung`, { headers: { ...who.cookie } });

  it('stores a PDF, records it on the certificate and in the audit trail, and streams it back', async () => {
    const res = await upload('EV/1-QĐ', officerX, PDF, 'Quyết định 512.pdf');
    const page = await res.text();
    expect(res.status, page).toBe(200);
    expect(page).toContain('Đã lưu tệp minh chứng');
    expect(page).toContain('Quyết định 512.pdf');
    expect(page).toContain('<td>Đính kèm minh chứng</td>');

    const cert = await services.certificates.getCertificate('EV/1-QĐ');
    expect(cert?.evidence).toMatchObject({ contentType: 'application/pdf', bytes: PDF.length, fileName: 'Quyết định 512.pdf', uploadedAt: '2026-11-23T03:01:00.000Z' });
    expect(cert?.evidence?.key).toMatch(/^evidence\/ev-1-qd\/[0-9a-f-]{36}\.pdf$/);
    expect(cert?.revision).toBe(2);
    const audit = await services.registry.listAudit('EV/1-QĐ');
    expect(audit.map((a) => a.action)).toEqual(['record', 'evidence']);
    expect(audit[1]?.after.evidence?.key).toBe(cert?.evidence?.key);
    expect(await filesUnder(join(evidenceDir, 'evidence'))).toHaveLength(1);
    // Never in the served media folder (/media is public).
    expect(await filesUnder(mediaDir)).toEqual([]);

    const got = await download('EV/1-QĐ', officerX);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Quyết định 512.pdf')}`);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a text file named .pdf with an inline error and stores nothing', async () => {
    const res = await upload('EV-BAD', officerX, Buffer.from('not a pdf at all'), 'fake.pdf');
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Tệp minh chứng phải là PDF, JPEG hoặc PNG');
    expect(page).toContain('aria-invalid="true"');
    const cert = await services.certificates.getCertificate('EV-BAD');
    expect(cert?.evidence).toBeUndefined();
    expect(cert?.revision).toBe(1);
    expect((await services.registry.listAudit('EV-BAD')).map((a) => a.action)).toEqual(['record']);
    expect((await filesUnder(join(evidenceDir, 'evidence'))).filter((f) => f.includes('ev-bad'))).toEqual([]);
    expect((await download('EV-BAD', officerX)).status).toBe(404);
  });

  it('gives an officer of another province 403 on both routes, and stores nothing', async () => {
    const before = await filesUnder(join(evidenceDir, 'evidence'));
    expect((await upload('EV-ADM', officerY, PDF, 'x.pdf')).status).toBe(403);
    expect(await filesUnder(join(evidenceDir, 'evidence'))).toEqual(before);
    expect((await download('EV/1-QĐ', officerY)).status).toBe(403);
  });

  it('works as in AWS (a media bucket and presigned uploads): evidence goes to the private store, not refused with 503', async () => {
    const aws = createApp(withOfflinePresigner(services, 'ocop-media-test'));
    const form = new FormData();
    form.append('evidence', new File([new Uint8Array(PDF)], 'qd.pdf', { type: 'application/pdf' }));
    const res = await aws.request(`${base}/EV-AWS/minh-chung`, { method: 'POST', headers: { accept: 'text/html', origin: ORIGIN, ...officerX.cookie }, body: form });
    expect(res.status, await res.text()).toBe(200);
    const key = (await services.certificates.getCertificate('EV-AWS'))?.evidence?.key;
    expect(key).toMatch(/^evidence\/ev-aws\/.+\.pdf$/);
    expect(await filesUnder(join(evidenceDir, 'evidence', 'ev-aws'))).toHaveLength(1);
    const got = await aws.request(`${base}/EV-AWS/minh-chung`, { headers: { ...officerX.cookie } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('says plainly, and stores nothing, where no private store is configured (never the public media store)', async () => {
    const bare = createApp({ ...services, media: { ...services.media!, evidence: undefined } });
    const form = new FormData();
    form.append('evidence', new File([new Uint8Array(PDF)], 'qd.pdf', { type: 'application/pdf' }));
    const res = await bare.request(`${base}/EV-ADM/minh-chung`, { method: 'POST', headers: { accept: 'application/json', origin: ORIGIN, ...officerX.cookie }, body: form });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('EVIDENCE_STORE_UNAVAILABLE');
    expect((await services.certificates.getCertificate('EV-ADM'))?.evidence).toBeUndefined();
    expect(await filesUnder(mediaDir)).toEqual([]);
  });

  it('lets an admin attach a PNG and read it', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(32)]);
    const res = await upload('EV-ADM', admin, png, 'scan.png', 'image/png');
    expect(res.status).toBe(200);
    expect((await services.certificates.getCertificate('EV-ADM'))?.evidence?.key).toMatch(/^evidence\/ev-adm\/.+\.png$/);
    const got = await download('EV-ADM', admin);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect((await download('EV/1-QĐ', admin)).status).toBe(200);
  });
});
