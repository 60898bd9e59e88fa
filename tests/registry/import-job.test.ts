import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Principal } from '../../shared/identity/principal';
import { MAX_IMPORT_ROWS, readCertificateCsv } from '../../shared/registry/csv-import';
import { advanceImportJob, IMPORT_SLICE_BUDGET_MS, importJobRows, startImportJob } from '../../shared/registry/import-job';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { createTestServices } from '../support/test-services';
import { seedSubject } from './registry-fixtures';

const header = 'certificateNo,decisionNo,decisionDate,stars,score,issuingLevel,issuingAuthority,issuerProvinceLegacyName,productGroup,subgroup,subjectId,productId';
const line = (no: string, subject: string) => `${no},9/QĐ-UBND,2026-09-01,4,72,province,UBND tỉnh Vĩnh Long,,food,food-condiment,${subject},${subject}-sp`;
const ROW_DELAY_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CSV import as a job: stored rows, progress and report in DynamoDB, a bounded slice per request', () => {
  let services: Services;
  let app: App;
  let officer: TestAccount;
  let principal: Principal;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    principal = { role: 'officer', provinceCode: '86', accountId: officer.account.id, email: officer.account.email, displayName: 'Cán bộ', session: { jti: 'x', expiresAt: 0, via: 'bearer' } };
    await seedSubject(services, 'htx-job-1', '86');
  });

  it('records slice by slice across chunks, committing each slice\'s report and progress together (and measures rows/s on DynamoDB Local)', async () => {
    const rows = 5;
    const csv = [header, ...Array.from({ length: rows }, (_, i) => line(`JOB-R-${i}`, 'htx-job-1'))].join('\n');
    const job = await startImportJob(services, principal, readCertificateCsv(csv), { dryRun: false, rowsPerChunk: 2 });
    expect(job).toMatchObject({ status: 'running', totalRows: rows, chunkCount: 3, doneRows: 0 });
    expect(await services.certificates.getCertificate('JOB-R-0')).toBeUndefined();
    // A zero budget still runs one row: progress on every refresh, and a deterministic test.
    for (let i = 1; i < rows; i++) {
      expect(await advanceImportJob(services, principal, job.id, 0)).toMatchObject({ status: 'running', doneRows: i, counts: { recorded: i, error: 0 } });
      expect(await services.certificates.getCertificate(`JOB-R-${i - 1}`)).toBeDefined();
      expect(await services.certificates.getCertificate(`JOB-R-${i}`)).toBeUndefined();
    }
    const done = await advanceImportJob(services, principal, job.id, 0);
    expect(done).toMatchObject({ status: 'done', doneRows: rows, counts: { recorded: rows, error: 0 } });
    expect((await importJobRows(services, done)).map((r) => [r.line, r.outcome])).toEqual(Array.from({ length: rows }, (_, i) => [i + 2, 'recorded']));
    // A done job is not run again: a refresh of the report page writes nothing.
    expect(await advanceImportJob(services, principal, job.id, 0)).toMatchObject({ doneRows: rows, counts: { recorded: rows } });

    const measured = 40;
    const big = await startImportJob(services, principal, readCertificateCsv([header, ...Array.from({ length: measured }, (_, i) => line(`JOB-M-${i}`, 'htx-job-1'))].join('\n')), { dryRun: false });
    const started = performance.now();
    expect(await advanceImportJob(services, principal, big.id, Number.POSITIVE_INFINITY)).toMatchObject({ status: 'done', counts: { recorded: measured } });
    const ms = performance.now() - started;
    console.info(`[import-job] recording on DynamoDB Local: ${((measured / ms) * 1000).toFixed(1)} rows/s (${(ms / measured).toFixed(1)} ms a row)`);
  });

  it('the upload answers within the slice budget, the page refreshes itself until the job is done; a duplicate in a later slice is still found', async () => {
    // Fault injection: every row is slow (a throttled table), so a short file already needs several slices.
    const slow = { ...services, certificates: { getCertificate: async (no: string) => (await sleep(ROW_DELAY_MS), services.certificates.getCertificate(no)), createCertificate: services.certificates.createCertificate.bind(services.certificates) } };
    const slowApp = createApp(slow);
    const rows = 30;
    const body = Array.from({ length: rows }, (_, i) => line(i === rows - 2 ? 'JOB-D-3' : `JOB-D-${i}`, 'htx-job-1'));
    const timed = async (run: () => Response | Promise<Response>) => {
      const t = performance.now();
      const res = await run();
      // Budget + one row + the page's reads, far under the Lambda timeout.
      expect(performance.now() - t).toBeLessThan(IMPORT_SLICE_BUDGET_MS + ROW_DELAY_MS + 3_000);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      return res;
    };
    const res = await timed(() => postForm(slowApp, '/quan-ly/tinh/nhap-csv', { csvText: [header, ...body].join('\n'), dryRun: '1' }, officer.cookie));
    // Old behaviour: all 30 slow rows in this one request (≥ 9 s), no job to come back to.
    const refresh = res.headers.get('refresh');
    expect(refresh).toMatch(/^2; url=\/quan-ly\/tinh\/nhap-csv\/[0-9a-f-]{36}$/);
    const jobPath = refresh!.replace(/^2; url=/, '');
    expect(await res.text()).toMatch(/Đang xử lý: \d+ \/ 30 dòng/);

    let page: Response | undefined;
    let views = 0;
    while (views < 20 && (!page || page.headers.get('refresh'))) {
      page = await timed(() => slowApp.request(jobPath, { headers: { accept: 'text/html', ...officer.cookie } }));
      views++;
    }
    expect(views).toBeGreaterThan(1);
    expect(page!.headers.get('refresh')).toBeNull();
    const html = await page!.text();
    expect(html).toContain('Kết quả chạy thử (chưa ghi gì)');
    expect(html.match(/data-outcome="would-record"/g)).toHaveLength(rows - 1);
    expect(html).toMatch(/<td>30<\/td><td>JOB-D-3<\/td><td>Lỗi<\/td><td>[^<]*DUPLICATE_IN_FILE/);
    expect(await services.certificates.getCertificate('JOB-D-0')).toBeUndefined();
  });

  it('shows a job only to whoever uploaded it; anonymous visitors sign in first', async () => {
    const csv = [header, line('JOB-P-1', 'htx-job-1')].join('\n');
    const job = await startImportJob(services, principal, readCertificateCsv(csv), { dryRun: true });
    const other = await createTestAccount(services, 'officer', { provinceCode: '86' });
    const admin = await createTestAccount(services, 'admin');
    for (const caller of [other, admin]) {
      expect((await app.request(`/quan-ly/tinh/nhap-csv/${job.id}`, { headers: { accept: 'text/html', ...caller.cookie } })).status).toBe(403);
    }
    const anonymous = await app.request(`/quan-ly/tinh/nhap-csv/${job.id}`, { headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/dang-nhap?next=');
    expect((await app.request('/quan-ly/tinh/nhap-csv/khong-co', { headers: { accept: 'text/html', ...officer.cookie } })).status).toBe(404);
    // The job was not advanced by the refused views.
    expect(await importJobRows(services, job)).toEqual([]);
  });

  it('states the limit on the upload page and refuses a longer file with the numbers', async () => {
    const page = await app.request('/quan-ly/tinh/nhap-csv', { headers: { accept: 'text/html', ...officer.cookie } });
    expect(await page.text()).toContain('Tối đa 5.000 dòng (1 MB) mỗi tệp');
    expect(() => readCertificateCsv([header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => line(`X-${i}`, 'a'))].join('\n'))).toThrow(
      expect.objectContaining({ status: 400, code: 'CSV_TOO_LARGE', details: { rows: MAX_IMPORT_ROWS + 1 } }),
    );
  });
});
