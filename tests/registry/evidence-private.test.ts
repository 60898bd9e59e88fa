import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { useTempEvidenceStore, useTempMediaStore } from '../support/media-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

const PDF = Buffer.from('%PDF-1.4\n% private decision\n%%EOF\n', 'latin1');
const NO = 'PRIV-7/QĐ';
const route = `/quan-ly/tinh/chung-nhan/${encodeURIComponent(NO)}/minh-chung`;

/**
 * Issue 10 point 3, through the local server that serves /media from disk as CloudFront does:
 * evidence files sat under the served media root, so /media/evidence/… handed them to anyone.
 */
describe('evidence files are private: only the authorised route serves them', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let server: TestServer;
  let mediaDir: string;
  let evidenceDir: string;
  let key: string;
  let officerX: TestAccount;
  let officerY: TestAccount;
  let admin: TestAccount;
  let shopper: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock });
    mediaDir = await useTempMediaStore(services, 'evidence-private');
    evidenceDir = await useTempEvidenceStore(services, 'evidence-private');
    officerX = await createTestAccount(services, 'officer', { provinceCode: '86' });
    officerY = await createTestAccount(services, 'officer', { provinceCode: '01' });
    admin = await createTestAccount(services, 'admin');
    shopper = await createTestAccount(services, 'shopper');
    await seedSubject(services, 'htx-priv', '86');
    const app = createApp(services);
    expect((await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: NO, subjectId: 'htx-priv', productId: 'htx-priv-sp' }), officerX.bearer)).status).toBe(201);
    server = await startTestServer(services, { mediaDir });
    const form = new FormData();
    form.append('evidence', new File([new Uint8Array(PDF)], 'qd.pdf', { type: 'application/pdf' }));
    const res = await fetch(server.url + route, { method: 'POST', headers: { accept: 'application/json', origin: server.url, ...officerX.cookie }, body: form, redirect: 'manual' });
    expect(res.status).toBeLessThan(400);
    key = (await services.certificates.getCertificate(NO))!.evidence!.key;
  });
  afterAll(async () => {
    await server?.close();
    await rm(mediaDir, { recursive: true, force: true });
    await rm(evidenceDir, { recursive: true, force: true });
  });

  it('never answers an evidence file on a /media path (the old location, or a way out of the media root)', async () => {
    const escape = basename(evidenceDir);
    const paths = [
      `/media/${key}`,
      `/media/evidence/${key}`,
      `/media/%2e%2e/${escape}/${key}`,
      `/media/..%2f${escape}%2f${key.replaceAll('/', '%2f')}`,
      `/media/%2e%2e%2f${escape}/${key}`,
    ];
    for (const path of paths) {
      const res = await fetch(server.url + path, { headers: { ...admin.cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status, path).not.toBe(200);
      expect(body.includes(Buffer.from('private decision')), path).toBe(false);
    }
  });

  it('serves it through the authorised route to the province officer and admins only', async () => {
    for (const who of [officerX, admin]) {
      const res = await fetch(server.url + route, { headers: { ...who.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    }
    for (const who of [officerY, shopper]) {
      const res = await fetch(server.url + route, { headers: { accept: 'application/json', ...who.cookie } });
      expect(res.status).toBe(403);
    }
    const anonymous = await fetch(server.url + route, { headers: { accept: 'application/json' }, redirect: 'manual' });
    expect([302, 303, 401]).toContain(anonymous.status);
  });
});
