import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { createTestServices } from '../support/test-services';
import { listedIds, recordBody, seedSubject } from './registry-fixtures';

const asForm = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));

describe('province console /quan-ly/tinh', () => {
  let services: Services;
  let app: App;
  let officer: TestAccount;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-bd-1', '86');
  });

  it('sends a visitor without a session to the login page', async () => {
    const res = await app.request('/quan-ly/tinh', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fquan-ly%2Ftinh');
  });

  it('shows the form to an officer, without the 5★ choice', async () => {
    const res = await app.request('/quan-ly/tinh', { headers: { accept: 'text/html', ...officer.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('tỉnh Vĩnh Long');
    expect(html).toContain('name="certificateNo"');
    expect(html).not.toContain('value="5"');
  });

  it('records from the form, lists the product and links the verification page', async () => {
    const body = asForm(recordBody({ certificateNo: 'VL-FORM-1', subjectId: 'htx-bd-1', productId: 'htx-bd-1-sp', score: '' as unknown as number }));
    const res = await postForm(app, '/quan-ly/tinh/chung-nhan', body, officer.cookie);
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain('Đã ghi nhận chứng nhận VL-FORM-1');
    expect(html).toContain('href="/xac-minh/VL-FORM-1"');
    expect(await listedIds(services, 'htx-bd-1')).toEqual(['htx-bd-1-sp']);
  });

  it('re-renders the form with the problem on a duplicate number or a bad date', async () => {
    const dup = await postForm(app, '/quan-ly/tinh/chung-nhan', asForm(recordBody({ certificateNo: 'VL-FORM-1', subjectId: 'htx-bd-1', productId: 'htx-bd-1-sp' })), officer.cookie);
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('Số chứng nhận VL-FORM-1 đã có trong hệ thống');
    const bad = await postForm(app, '/quan-ly/tinh/chung-nhan', asForm(recordBody({ certificateNo: 'VL-FORM-2', subjectId: 'htx-bd-1', productId: 'htx-bd-1-sp', decisionDate: '01/10/2026' })), officer.cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('href="#truong-decisionDate"');
    expect(html).toContain('value="01/10/2026"');
  });
});

describe('province console CSV import /quan-ly/tinh/nhap-csv', () => {
  let services: Services;
  let app: App;
  let officer: TestAccount;
  const header = 'certificateNo,decisionNo,decisionDate,stars,score,issuingLevel,issuingAuthority,issuerProvinceLegacyName,productGroup,subgroup,subjectId,productId';
  const row = 'VL-CSV-9,9/QĐ-UBND,2026-09-01,4,72,province,UBND tỉnh Vĩnh Long,,food,food-condiment,htx-nk-1,htx-nk-1-sp';

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-nk-1', '86');
  });

  it('dry-runs pasted CSV and shows the per-row report without writing', async () => {
    const res = await postForm(app, '/quan-ly/tinh/nhap-csv', { csvText: `${header}\n${row}`, dryRun: '1' }, officer.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kết quả chạy thử');
    expect(html).toContain('data-outcome="would-record"');
    expect(await services.certificates.getCertificate('VL-CSV-9')).toBeUndefined();
  });

  it('imports an uploaded file (multipart) and lists the product', async () => {
    const form = new FormData();
    form.set('csvFile', new File([`\uFEFF${header}\r\n${row}\r\n`], 'chung-nhan.csv', { type: 'text/csv' }));
    const res = await app.request('/quan-ly/tinh/nhap-csv', { method: 'POST', body: form, headers: { accept: 'text/html', origin: 'http://localhost', ...officer.cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-outcome="recorded"');
    expect(await listedIds(services, 'htx-nk-1')).toEqual(['htx-nk-1-sp']);
  });

  it('says what is wrong with an empty submission or a wrong header', async () => {
    expect((await postForm(app, '/quan-ly/tinh/nhap-csv', { csvText: '' }, officer.cookie)).status).toBe(400);
    const bad = await postForm(app, '/quan-ly/tinh/nhap-csv', { csvText: 'so,ngay\n1,2' }, officer.cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Tiêu đề cột CSV không đúng');
  });
});
