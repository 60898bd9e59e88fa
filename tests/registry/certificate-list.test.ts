import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { CallCounter } from '../../shared/db/call-counter';
import type { Principal } from '../../shared/identity/principal';
import type { Certificate } from '../../shared/registry/certificate';
import { provinceCertificatesPartition } from '../../shared/registry/certificate-index';
import { listProvinceCertificates } from '../../shared/registry/province-certificates';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

const html = { accept: 'text/html' };

/** A certificate written straight through the store (as the demo seed does), in a province of the caller's choice. */
function bareCertificate(no: string, decisionDate: string, subjectId: string): Certificate {
  return { ...makeCertificateSnapshot({ certificateNo: no, decisionDate }), productGroup: 'food', subgroup: 'food-condiment', subjectId };
}

/** Certificate numbers in the order the page lists them. */
const rowsOf = (page: string) => [...page.matchAll(/<tr data-certificate="([^"]+)"/g)].map((m) => m[1]);
const nextHrefOf = (page: string) => /<a class="btn" href="([^"]+)" rel="next"/.exec(page)?.[1]?.replaceAll('&amp;', '&');

describe('province console: certificate list /quan-ly/tinh/chung-nhan', () => {
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
    await seedSubject(services, 'htx-ds-vl', X);
    await seedSubject(services, 'htx-ds-hn', Y);
    const vl = recordBody({ certificateNo: 'DS-VL-1', subjectId: 'htx-ds-vl', productId: 'htx-ds-vl-sp' });
    expect((await postAs(app, '/api/registry/certificates', vl, officerX.bearer)).status).toBe(201);
    const hn = recordBody({ certificateNo: 'DS-HN-1', subjectId: 'htx-ds-hn', productId: 'htx-ds-hn-sp', issuingAuthority: 'UBND thành phố Hà Nội' });
    expect((await postAs(app, '/api/registry/certificates', hn, officerY.bearer)).status).toBe(201);
  });

  const get = (path: string, who?: TestAccount) => app.request(path, { headers: { ...html, ...(who?.cookie ?? {}) } });

  it('sends a visitor without a session to the login page, coming back to the same list', async () => {
    const res = await get('/quan-ly/tinh/chung-nhan?sap-het-han=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fquan-ly%2Ftinh%2Fchung-nhan%3Fsap-het-han%3D1');
  });

  it("shows an officer only their own province's certificates, with producer, product, stars, state and expiry", async () => {
    const res = await get('/quan-ly/tinh/chung-nhan', officerX);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(rowsOf(page)).toEqual(['DS-VL-1']);
    expect(page).toContain('href="/quan-ly/tinh/chung-nhan/DS-VL-1"');
    expect(page).toContain('HTX htx-ds-vl');
    expect(page).toContain('4 sao');
    expect(page).toContain('Còn hiệu lực');
    expect(page).toContain('01/10/2029');
    // The officer of Y sees Y's, never X's.
    const other = await (await get('/quan-ly/tinh/chung-nhan', officerY)).text();
    expect(rowsOf(other)).toEqual(['DS-HN-1']);
  });

  it('refuses an officer who asks for another province with the API 403', async () => {
    const res = await app.request(`/quan-ly/tinh/chung-nhan?tinh=${X}`, { headers: { accept: 'application/json', ...officerY.cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_PROVINCE_OFFICER');
    expect((await get(`/quan-ly/tinh/chung-nhan?tinh=${X}`, officerY)).status).toBe(403);
  });

  it('lets an admin pick any province; without one it only offers the choice', async () => {
    const picker = await (await get('/quan-ly/tinh/chung-nhan', admin)).text();
    expect(picker).toContain('name="tinh"');
    expect(rowsOf(picker)).toEqual([]);
    expect(rowsOf(await (await get(`/quan-ly/tinh/chung-nhan?tinh=${X}`, admin)).text())).toEqual(['DS-VL-1']);
    expect(rowsOf(await (await get(`/quan-ly/tinh/chung-nhan?tinh=${Y}`, admin)).text())).toEqual(['DS-HN-1']);
    expect((await get('/quan-ly/tinh/chung-nhan?tinh=99', admin)).status).toBe(400);
  });

  it('refuses shoppers and producers', async () => {
    const shopper = await createTestAccount(services, 'shopper');
    expect((await get('/quan-ly/tinh/chung-nhan', shopper)).status).toBe(403);
  });

  it('pages newest decision first with a cursor, one Query and one BatchGetItem per page, no Scan', async () => {
    const P = '92';
    for (let d = 1; d <= 27; d++) {
      await services.certificates.createCertificate(bareCertificate(`CT-${String(d).padStart(2, '0')}`, `2026-01-${String(d).padStart(2, '0')}`, 'htx-ct'), P);
    }
    const first = await (await get(`/quan-ly/tinh/chung-nhan?tinh=${P}`, admin)).text();
    const expected = Array.from({ length: 27 }, (_, i) => `CT-${String(27 - i).padStart(2, '0')}`);
    expect(rowsOf(first)).toEqual(expected.slice(0, 25));
    const next = nextHrefOf(first);
    expect(next).toMatch(/^\/quan-ly\/tinh\/chung-nhan\?tinh=92&cursor=/);
    const second = await (await get(next!, admin)).text();
    expect(rowsOf(second)).toEqual(expected.slice(25));
    expect(nextHrefOf(second)).toBeUndefined();
    expect(second).toContain('Về trang đầu');

    const counter = new CallCounter().attach(services.dynamo);
    const principal: Principal = { role: 'admin', accountId: 'a', email: 'a@thu-nghiem.vn', displayName: 'A', session: { jti: 'j', expiresAt: 0, via: 'bearer' } };
    await listProvinceCertificates(services, principal, { provinceCode: P });
    expect(counter.snapshot()).toEqual({ Query: 1, BatchGetItem: 1 });
  });

  it('refuses a cursor of another province or a forged one with 400', async () => {
    const first = await (await get('/quan-ly/tinh/chung-nhan?tinh=92', admin)).text();
    const cursor = new URL(nextHrefOf(first)!, 'http://x').searchParams.get('cursor')!;
    expect((await get(`/quan-ly/tinh/chung-nhan?tinh=${X}&cursor=${encodeURIComponent(cursor)}`, admin)).status).toBe(400);
    expect((await get('/quan-ly/tinh/chung-nhan?tinh=92&cursor=bad', admin)).status).toBe(400);
  });

  it('filters certificates expiring within 180 days (active, ≥ 3★, not yet lapsed)', async () => {
    const P = '96';
    // Expires 2027-01-15 (53 days), 2029-10-01 (years), 2026-11-10 (already lapsed), and one soon but revoked.
    await services.certificates.createCertificate(bareCertificate('CM-SOON', '2024-01-15', 'htx-cm'), P);
    await services.certificates.createCertificate(bareCertificate('CM-LATER', '2026-10-01', 'htx-cm'), P);
    await services.certificates.createCertificate(bareCertificate('CM-LAPSED', '2023-11-10', 'htx-cm'), P);
    await services.certificates.createCertificate({ ...bareCertificate('CM-REVOKED', '2024-02-01', 'htx-cm'), status: 'revoked' }, P);
    const all = await (await get(`/quan-ly/tinh/chung-nhan?tinh=${P}`, admin)).text();
    expect(rowsOf(all)).toEqual(['CM-LATER', 'CM-REVOKED', 'CM-SOON', 'CM-LAPSED']);
    expect(all).toContain('Hết hạn');
    expect(all).toContain('Đã thu hồi');
    const soon = await (await get(`/quan-ly/tinh/chung-nhan?tinh=${P}&sap-het-han=1`, admin)).text();
    expect(rowsOf(soon)).toEqual(['CM-SOON']);
    expect(soon).toContain('còn 53 ngày');
  });
});

describe('province index item: written with the certificate, on every path', () => {
  let services: Services;
  let app: App;
  let officer: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-idx', '86');
  });

  const indexItems = async (province: string) =>
    (
      await services.db.send(
        new QueryCommand({ TableName: services.config.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': provinceCertificatesPartition(province) } }),
      )
    ).Items ?? [];

  it("createCertificate reads the subject's province when not told, and refuses an unknown subject", async () => {
    await services.certificates.createCertificate(bareCertificate('IDX-1', '2026-02-01', 'htx-idx'));
    expect((await indexItems('86')).map((i) => i.SK)).toEqual(['2026-02-01#IDX-1']);
    await expect(services.certificates.createCertificate(bareCertificate('IDX-2', '2026-02-01', 'khong-co'))).rejects.toMatchObject({ status: 404 });
    const orphan = await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: { PK: 'CERT#IDX-2', SK: 'CERT' } }));
    expect(orphan.Item).toBeUndefined();
  });

  it('a duplicate number writes neither the certificate nor a second index item', async () => {
    await expect(services.certificates.createCertificate(bareCertificate('IDX-1', '2026-03-01', 'htx-idx'), '86')).rejects.toMatchObject({ status: 409 });
    expect((await indexItems('86')).map((i) => i.SK)).toEqual(['2026-02-01#IDX-1']);
  });

  it('record, revoke and renew keep exactly one index item per certificate, moved when the decision date changes', async () => {
    const body = recordBody({ certificateNo: 'IDX-API', subjectId: 'htx-idx', productId: 'htx-idx-sp' });
    expect((await postAs(app, '/api/registry/certificates', body, officer.bearer)).status).toBe(201);
    const renew = await postAs(app, '/api/registry/certificates/IDX-API/renew', { decisionNo: '7/QĐ-UBND', decisionDate: '2026-11-01' }, officer.bearer);
    expect(renew.status).toBe(200);
    const items = (await indexItems('86')).filter((i) => i.certificateNo === 'IDX-API');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ SK: '2026-11-01#IDX-API', lastAction: 'renew', expiresOn: '2029-11-01', productId: 'htx-idx-sp', status: 'active' });
  });

  it('the CSV import writes it too (through the same service)', async () => {
    await seedSubject(services, 'htx-idx-csv', '86');
    const header = 'certificateNo,decisionNo,decisionDate,stars,score,issuingLevel,issuingAuthority,issuerProvinceLegacyName,productGroup,subgroup,subjectId,productId';
    const row = 'IDX-CSV,9/QĐ-UBND,2026-09-01,4,72,province,UBND tỉnh Vĩnh Long,,food,food-condiment,htx-idx-csv,htx-idx-csv-sp';
    const res = await app.request('/quan-ly/tinh/nhap-csv', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: 'http://localhost', ...officer.cookie },
      body: new URLSearchParams({ csvText: `${header}\n${row}` }).toString(),
    });
    expect(res.status).toBe(200);
    expect((await indexItems('86')).find((i) => i.certificateNo === 'IDX-CSV')).toMatchObject({ SK: '2026-09-01#IDX-CSV', lastAction: 'record' });
  });

  it('the demo catalogue gives every certificate its product and a known subject, so the seed can write the same items', () => {
    const catalog = demoCatalog(new Date('2026-11-23T03:00:00Z'));
    const producers = new Set(catalog.producers.map((p) => p.id));
    const products = new Map(catalog.products.map((p) => [p.id, p]));
    for (const cert of catalog.certificates) {
      expect(producers.has(cert.subjectId)).toBe(true);
      expect(products.get(cert.productId!)?.certificate?.certificateNo).toBe(cert.certificateNo);
    }
  });
});
