import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

const html = { accept: 'text/html' };
const base = '/quan-ly/tinh/chung-nhan';

/** What the page says about one product's visibility: data-listed on its line. */
const listedOnPage = (page: string, productId: string) => new RegExp(`data-product="${productId}" data-listed="(true|false)"`).exec(page)?.[1];
const auditActions = (page: string) => [...page.matchAll(/<tr data-action="([a-z]+)"/g)].map((m) => m[1]);

describe('province console: certificate page and its revoke / downgrade / renew forms', () => {
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
    officerX = await createTestAccount(services, 'officer', { provinceCode: X, displayName: 'Cán bộ Vĩnh Long' });
    officerY = await createTestAccount(services, 'officer', { provinceCode: Y });
    admin = await createTestAccount(services, 'admin', { displayName: 'Quản trị Trung ương' });
    for (const [i, no] of ['CT-VIEW', 'CT-REVOKE', 'CT-DOWN', 'CT-RENEW', 'CT-BAD'].entries()) {
      await seedSubject(services, `htx-ct-${i}`, X);
      const res = await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: no, subjectId: `htx-ct-${i}`, productId: `htx-ct-${i}-sp` }), officerX.bearer);
      expect(res.status).toBe(201);
    }
    clock.advance(60_000);
  });

  const get = (path: string, who?: TestAccount) => app.request(path, { headers: { ...html, ...(who?.cookie ?? {}) } });
  const productStatus = async (id: string) => (await app.request(`/api/products/${id}`, { headers: { accept: 'application/json' } })).status;

  it('sends a visitor without a session to the login page', async () => {
    const res = await get(`${base}/CT-VIEW`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fquan-ly%2Ftinh%2Fchung-nhan%2FCT-VIEW');
  });

  it('shows the officer the certificate, its product, the verification links and the audit trail', async () => {
    const res = await get(`${base}/CT-VIEW`, officerX);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<h1>Chứng nhận CT-VIEW</h1>');
    expect(page).toContain('Còn hiệu lực');
    expect(page).toContain('512/QĐ-UBND, ngày 01/10/2026');
    expect(page).toContain('01/10/2029');
    expect(page).toContain('UBND tỉnh Vĩnh Long — Cấp tỉnh');
    expect(listedOnPage(page, 'htx-ct-0-sp')).toBe('true');
    expect(page).toContain('href="/xac-minh/CT-VIEW"');
    expect(page).toContain('src="/xac-minh/CT-VIEW/qr.svg"');
    expect(page).toContain('href="/xac-minh/CT-VIEW/qr.png"');
    expect(auditActions(page)).toEqual(['record']);
    expect(page).toContain('Cán bộ Vĩnh Long (cán bộ tỉnh Vĩnh Long)');
    for (const action of ['thu-hoi', 'ha-hang', 'cong-nhan-lai']) expect(page).toContain(`action="${base}/CT-VIEW/${action}"`);
    // 5★ is the Ministry's: an officer is not offered it when renewing.
    expect(page).not.toContain('id="truong-renewStars-4"');
  });

  it('answers 404 for an unknown certificate', async () => {
    expect((await get(`${base}/KHONG-CO`, officerX)).status).toBe(404);
  });

  it("refuses an officer of another province with 403 on the page and on every form, changing nothing", async () => {
    expect((await get(`${base}/CT-VIEW`, officerY)).status).toBe(403);
    const json = await app.request(`${base}/CT-VIEW`, { headers: { accept: 'application/json', ...officerY.cookie } });
    expect(json.status).toBe(403);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('NOT_PROVINCE_OFFICER');
    const forms = {
      'thu-hoi': { revokeDecisionNo: '88/QĐ-UBND', revokedOn: '20/11/2026', revokeReason: 'Vi phạm tiêu chí' },
      'ha-hang': { downgradeStars: '2', downgradeDecisionNo: '89/QĐ-UBND', downgradeReason: 'Đánh giá lại không đạt' },
      'cong-nhan-lai': { renewDecisionNo: '90/QĐ-UBND', renewDecisionDate: '01/11/2026' },
    };
    for (const [action, form] of Object.entries(forms)) {
      expect((await postForm(app, `${base}/CT-VIEW/${action}`, form, officerY.cookie)).status).toBe(403);
      // Bad input from a stranger is still a 403, not a form telling them what is wrong.
      expect((await postForm(app, `${base}/CT-VIEW/${action}`, {}, officerY.cookie)).status).toBe(403);
    }
    expect((await services.certificates.getCertificate('CT-VIEW'))?.revision).toBe(1);
    expect(await productStatus('htx-ct-0-sp')).toBe(200);
  });

  it('revokes through the form: the product is hidden at once and the change is in the trail', async () => {
    expect(await productStatus('htx-ct-1-sp')).toBe(200);
    const res = await postForm(app, `${base}/CT-REVOKE/thu-hoi`, { revokeDecisionNo: '88/QĐ-UBND', revokedOn: '20/11/2026', revokeReason: 'Vi phạm tiêu chí bắt buộc' }, officerX.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('Đã thu hồi chứng nhận CT-REVOKE');
    expect(page).toContain('Sản phẩm đã bị ẩn khỏi chợ.');
    expect(await productStatus('htx-ct-1-sp')).toBe(410);
    expect(auditActions(page)).toEqual(['record', 'revoke']);
    expect(page).toContain('Vi phạm tiêu chí bắt buộc');
    expect(page).toContain('Tình trạng: đang hoạt động → đã thu hồi');
    expect(page).toContain('Quyết định thu hồi: — → 88/QĐ-UBND, ngày 20/11/2026');
    // Revoked is final: no forms any more, and a second revocation is a 409 said on the page.
    const after = await (await get(`${base}/CT-REVOKE`, officerX)).text();
    expect(after).toContain('Đã thu hồi');
    expect(after).not.toContain(`action="${base}/CT-REVOKE/ha-hang"`);
    expect(listedOnPage(after, 'htx-ct-1-sp')).toBe('false');
    const again = await postForm(app, `${base}/CT-REVOKE/thu-hoi`, { revokeDecisionNo: '89/QĐ-UBND', revokedOn: '21/11/2026', revokeReason: 'Lần nữa' }, officerX.cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Chứng nhận CT-REVOKE đã bị thu hồi');
    const list = await (await get(base, officerX)).text();
    expect(list).toMatch(/data-certificate="CT-REVOKE" data-state="revoked"/);
  });

  it('downgrades to 2★ through the form: the product is hidden and the list says "đã hạ hạng"', async () => {
    const res = await postForm(app, `${base}/CT-DOWN/ha-hang`, { downgradeStars: '2', downgradeDecisionNo: '101/QĐ-UBND', downgradeScore: '45,5', downgradeReason: 'Đánh giá lại không đạt' }, officerX.cookie);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Đã hạ hạng chứng nhận CT-DOWN');
    expect(page).toContain('Sản phẩm đã bị ẩn khỏi chợ.');
    expect(page).toContain('Hạng: 4 sao → 2 sao');
    expect(page).toContain('Điểm: 76 → 45,5');
    expect(await productStatus('htx-ct-2-sp')).toBe(410);
    expect(await (await get(base, officerX)).text()).toMatch(/data-certificate="CT-DOWN" data-state="downgraded"/);
  });

  it('renews through the form with a dd/mm/yyyy date: new decision, new expiry, product on sale', async () => {
    const res = await postForm(app, `${base}/CT-RENEW/cong-nhan-lai`, { renewDecisionNo: '150/QĐ-UBND', renewDecisionDate: '01/11/2026', renewStars: '', renewScore: '', renewReason: '' }, officerX.cookie);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Đã công nhận lại chứng nhận CT-RENEW');
    expect(page).toContain('Hiệu lực mới đến hết ngày 01/11/2029.');
    expect(page).toContain('Sản phẩm đang được bày bán trên chợ.');
    expect(page).toContain('Hiệu lực đến hết ngày: 01/10/2029 → 01/11/2029');
    expect(await services.certificates.getCertificate('CT-RENEW')).toMatchObject({ decisionNo: '150/QĐ-UBND', decisionDate: '2026-11-01', expiresOn: '2029-11-01', stars: 4, revision: 2 });
    expect(await productStatus('htx-ct-3-sp')).toBe(200);
  });

  it('re-renders with inline errors and 400 on bad input, keeping what was typed and changing nothing', async () => {
    const bad = await postForm(app, `${base}/CT-BAD/thu-hoi`, { revokeDecisionNo: '88/QĐ-UBND', revokedOn: '31/02/2026', revokeReason: '' }, officerX.cookie);
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('href="#truong-revokedOn"');
    expect(page).toContain('href="#truong-revokeReason"');
    expect(page).toContain('Nhập ngày thu hồi dạng ngày/tháng/năm');
    expect(page).toContain('value="31/02/2026"');
    expect(page).toContain('value="88/QĐ-UBND"');

    // Domain refusals land on their field: not lower than the current star, not after the current decision.
    const notDown = await postForm(app, `${base}/CT-BAD/ha-hang`, { downgradeStars: '4', downgradeDecisionNo: '5/QĐ-UBND', downgradeReason: 'Thử hạ hạng' }, officerX.cookie);
    expect(notDown.status).toBe(400);
    const notDownPage = await notDown.text();
    expect(notDownPage).toContain('href="#truong-downgradeStars"');
    expect(notDownPage).toContain('Hạ hạng phải thấp hơn 4★');
    const early = await postForm(app, `${base}/CT-BAD/cong-nhan-lai`, { renewDecisionNo: '6/QĐ-UBND', renewDecisionDate: '2026-09-01' }, officerX.cookie);
    expect(early.status).toBe(400);
    const earlyPage = await early.text();
    expect(earlyPage).toContain('href="#truong-renewDecisionDate"');
    expect(earlyPage).toContain('Quyết định công nhận lại phải sau quyết định hiện tại');
    const noStars = await postForm(app, `${base}/CT-BAD/ha-hang`, { downgradeDecisionNo: '', downgradeReason: 'ab' }, officerX.cookie);
    expect(noStars.status).toBe(400);
    const noStarsPage = await noStars.text();
    for (const field of ['downgradeStars', 'downgradeDecisionNo', 'downgradeReason']) expect(noStarsPage).toContain(`href="#truong-${field}"`);

    expect((await services.certificates.getCertificate('CT-BAD'))?.revision).toBe(1);
    expect(await productStatus('htx-ct-4-sp')).toBe(200);
  });

  it("lets an admin read any province's certificate and its audit trail, and change it", async () => {
    const res = await get(`${base}/CT-DOWN`, admin);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(auditActions(page)).toEqual(['record', 'downgrade']);
    expect(page).toContain('Đánh giá lại không đạt');
    // Admins may renew into 5★ (the Ministry's decision).
    expect(page).toContain('5 sao');
    const renew = await postForm(app, `${base}/CT-DOWN/cong-nhan-lai`, { renewDecisionNo: '9/QĐ-BNNMT', renewDecisionDate: '15/11/2026', renewStars: '4' }, admin.cookie);
    expect(renew.status).toBe(200);
    const renewed = await renew.text();
    expect(renewed).toContain('Quản trị Trung ương (quản trị viên)');
    expect(auditActions(renewed)).toEqual(['record', 'downgrade', 'renew']);
    expect(await productStatus('htx-ct-2-sp')).toBe(200);
  });

  it('keeps the trail in order, and the state right, for two changes in the same millisecond', async () => {
    await seedSubject(services, 'htx-ct-same', X);
    expect((await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: 'CT-SAME', subjectId: 'htx-ct-same', productId: 'htx-ct-same-sp' }), officerX.bearer)).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const stars = String(3 - i);
      const res = await postForm(app, `${base}/CT-SAME/ha-hang`, { downgradeStars: stars, downgradeDecisionNo: `${stars}/QĐ-UBND`, downgradeReason: 'Đánh giá lại' }, officerX.cookie);
      expect(res.status).toBe(200);
    }
    const page = await (await get(`${base}/CT-SAME`, officerX)).text();
    expect(auditActions(page)).toEqual(['record', 'downgrade', 'downgrade', 'downgrade']);
    expect(page).toContain('data-state="downgraded"');
    expect(page.indexOf('Hạng: 4 sao → 3 sao')).toBeLessThan(page.indexOf('Hạng: 2 sao → 1 sao'));
  });

  it('links the console pages from the console home', async () => {
    const page = await (await get('/quan-ly/tinh', officerX)).text();
    for (const href of ['/quan-ly/tinh/ho-so', '/quan-ly/tinh/chung-nhan', '/quan-ly/tinh#ghi-nhan', '/quan-ly/tinh/nhap-csv']) expect(page).toContain(`href="${href}"`);
    expect(page).toContain('id="ghi-nhan"');
  });
});
