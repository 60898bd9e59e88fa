import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { expiryBucketItem } from '../../shared/registry/expiry-bucket';
import { runExpiryJob } from '../../shared/registry/expiry-job';
import type { EdgeServices as Services } from '../../app/create-services';
import { vietQrPayment, vietQrSvg } from '../../shared/payments/vietqr';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { makeCertificateSnapshot, makeProducer, makeProduct } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { recordCertificate } from './certificates';

describe('producer dashboard pages', () => {
  let services: Services;
  let app: App;
  let owner: TestAccount;
  const id = 'htx-bang-dieu-khien';
  const clock = new ManualClock('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id, name: 'HTX Bảng điều khiển' }));
    owner = await createTestAccount(services, 'producer', { producerId: id });
    await services.catalog.saveProduct(makeProduct({ id: 'sp-bang-1', name: 'Mắm tôm chua', producerId: id, stock: 7, certificate: makeCertificateSnapshot({ decisionDate: '2025-09-01' }) }));
    await services.catalog.saveProduct(makeProduct({ id: 'sp-bang-2', name: 'Mắm nêm nháp', producerId: id, status: 'draft', certificate: undefined }));
  });

  const get = (path: string, headers: Record<string, string>) => app.request(path, { headers: { accept: 'text/html', ...headers } });

  it('lists every product with status, stock and certificate expiry', async () => {
    const res = await get('/co-so-cua-toi', owner.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Mắm tôm chua');
    expect(html).toContain('Mắm nêm nháp');
    expect(html).toContain('Bản nháp');
    expect(html).toContain('hết hạn 01/09/2028');
    expect(html).toContain('value="HTX Bảng điều khiển"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('links each product to its edit page, and offers "Thêm sản phẩm"', async () => {
    const html = await (await get('/co-so-cua-toi', owner.cookie)).text();
    expect(html).toContain('<a href="/co-so-cua-toi/san-pham/sp-bang-1">Mắm tôm chua</a>');
    expect(html).toContain('<a href="/co-so-cua-toi/san-pham/moi">Thêm sản phẩm</a>');
  });

  it('lists the certificates with stars, state and expiry, highlighting those within 180 days, with verification and QR links', async () => {
    // Expires 10/01/2027: 48 days after "now". The other: 2029, not highlighted.
    const soon = await recordCertificate(services, id, { certificateNo: 'CN-SAP-HET', decisionDate: '2024-01-10', expiresOn: '2027-01-10', expiresAt: '2027-01-10T17:00:00.000Z' });
    await recordCertificate(services, id, { certificateNo: 'CN-CON-LAU', stars: 5 });
    const html = await (await get('/co-so-cua-toi', owner.cookie)).text();
    expect(html).toMatch(/<tr class="soon"><th scope="row"><a href="\/xac-minh\/CN-SAP-HET">CN-SAP-HET<\/a><\/th><td>4★<\/td><td>Còn hiệu lực<\/td><td>hết hạn 10\/01\/2027<strong> · sắp hết hạn, còn 49 ngày/);
    expect(html).toMatch(/<tr><th scope="row"><a href="\/xac-minh\/CN-CON-LAU">CN-CON-LAU<\/a><\/th><td>5★<\/td>/);
    expect(html).toContain('href="/xac-minh/CN-SAP-HET/qr.png"');
    expect(soon.expiresOn).toBe('2027-01-10');
  });

  it('shows the notices the expiry job writes, newest first, on the dashboard and the inbox page', async () => {
    const anon = await get('/co-so-cua-toi/thong-bao', {});
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/dang-nhap?next=%2Fco-so-cua-toi%2Fthong-bao');
    expect(await (await get('/co-so-cua-toi/thong-bao', owner.cookie)).text()).toContain('Chưa có thông báo nào');

    // A watched certificate, as the registry records it: the item and its expiry bucket.
    const cert = await recordCertificate(services, id, { certificateNo: 'CN-THONG-BAO', decisionDate: '2024-01-05', expiresOn: '2027-01-05', expiresAt: '2027-01-05T17:00:00.000Z' });
    await services.db.send(new PutCommand({ TableName: services.config.tableName, Item: expiryBucketItem(cert) }));
    // The job's own clock: the pages' clock stays put so the test sessions stay valid.
    const jobClock = new ManualClock('2026-11-23T03:00:00Z');
    const deps = { db: services.db, tableName: services.config.tableName, clock: jobClock };
    expect((await runExpiryJob(deps)).noticesWritten).toBeGreaterThanOrEqual(1);
    jobClock.set('2026-12-20T03:00:00Z');
    await runExpiryJob(deps);

    const inbox = await get('/co-so-cua-toi/thong-bao', owner.cookie);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('cache-control')).toBe('no-store');
    const html = await inbox.text();
    const d30 = html.indexOf('Chứng nhận OCOP CN-THONG-BAO hết hạn ngày 2027-01-05 (còn khoảng 30 ngày)');
    const d90 = html.indexOf('Chứng nhận OCOP CN-THONG-BAO hết hạn ngày 2027-01-05 (còn khoảng 90 ngày)');
    expect(d30).toBeGreaterThan(-1);
    expect(d90).toBeGreaterThan(d30);
    expect(html).toContain('10:00 20/12/2026');

    const dashboard = await (await get('/co-so-cua-toi', owner.cookie)).text();
    expect(dashboard).toMatch(/<h2 id="thong-bao">Thông báo \(\d+\)<\/h2>/);
    expect(dashboard).toContain('CN-THONG-BAO hết hạn ngày 2027-01-05 (còn khoảng 30 ngày)');

    // Another producer's inbox is not readable here: the page only ever shows the caller's own.
    const other = await createTestAccount(services, 'producer', { producerId: 'htx-khac' });
    expect(await (await get('/co-so-cua-toi/thong-bao', other.cookie)).text()).not.toContain('CN-THONG-BAO');
  });

  it('an unbound producer is pointed to the application form', async () => {
    const fresh = await createTestAccount(services, 'producer');
    expect(await (await get('/co-so-cua-toi', fresh.cookie)).text()).toContain('/co-so-cua-toi/dang-ky');
  });

  it('the storefront form saves, and shows inline errors for non-integer money', async () => {
    const bad = await postForm(app, '/co-so-cua-toi/gian-hang', { name: 'HTX Bảng điều khiển', story: '', phone: '0912345678', shippingFeeVnd: '30.000,5' }, owner.cookie);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="truong-shippingFeeVnd"[^>]*aria-invalid="true"/);
    expect(html).toContain('Nhập số nguyên đồng');

    const ok = await postForm(app, '/co-so-cua-toi/gian-hang', { name: 'HTX Bảng điều khiển mới', story: '**Mới** <script>alert(1)</script>', phone: '0912345678', shippingFeeVnd: '30000' }, owner.cookie);
    expect(ok.status).toBe(303);
    expect(await services.producers.getProducer(id)).toMatchObject({ name: 'HTX Bảng điều khiển mới', shippingFeeVnd: 30000 });
    expect((await services.catalog.getProduct('sp-bang-1'))?.producerName).toBe('HTX Bảng điều khiển mới');
    const page = await (await get('/co-so-cua-toi', owner.cookie)).text();
    expect(page).toContain('<strong>Mới</strong>');
    expect(page).not.toContain('<script>alert(1)</script>');
  });

  describe('VietQR account section', () => {
    const base = { name: 'HTX Bảng điều khiển mới', story: '', phone: '0912345678' };
    const form = (over: Record<string, string>) => postForm(app, '/co-so-cua-toi/gian-hang', { ...base, ...over }, owner.cookie);

    it('offers the NAPAS banks as "shortName — name", with account number and holder fields; no preview before an account is saved', async () => {
      const html = await (await get('/co-so-cua-toi', owner.cookie)).text();
      expect(html).toContain('<legend>Tài khoản nhận chuyển khoản (VietQR)</legend>');
      expect(html).toMatch(/<select id="truong-bankBin" name="bankBin"/);
      expect(html).toContain('<option value="970436">Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam</option>');
      expect(html).toContain('<option value="970405">Agribank — Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam</option>');
      expect(html).toMatch(/id="truong-accountNumber" name="accountNumber"/);
      expect(html).toMatch(/id="truong-accountName" name="accountName"/);
      expect(html).not.toContain('Kiểm tra tài khoản VietQR');
    });

    it('bad BIN, number and holder name re-render the form with inline errors and nothing saved', async () => {
      const bad = await form({ bankBin: '123456', accountNumber: '12ab', accountName: 'X' });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      for (const name of ['bankBin', 'accountNumber', 'accountName']) expect(html).toMatch(new RegExp(`id="truong-${name}"[^>]*aria-invalid="true"`));
      expect(html).toContain('Ngân hàng này không nhận chuyển khoản VietQR (NAPAS)');
      expect(html).toContain('Số tài khoản gồm 6–19 chữ số');
      expect(html).toContain('<a href="#truong-accountName">Tên chủ tài khoản: Nhập tên chủ tài khoản</a>');
      expect(html).toContain('value="12ab"'); // typed values kept
      expect((await services.producers.getProducer(id))?.bank).toBeUndefined();

      // Half a form is not an account either: the missing fields are named.
      const partial = await form({ bankBin: '970436' });
      expect(partial.status).toBe(400);
      const partialHtml = await partial.text();
      expect(partialHtml).toMatch(/id="truong-accountNumber"[^>]*aria-invalid="true"/);
      expect(partialHtml).toMatch(/id="truong-accountName"[^>]*aria-invalid="true"/);
      expect(partialHtml).toMatch(/<option value="970436" selected="">Vietcombank/);
    });

    it('saves the account (holder name upper case without diacritics), shows it back and a 10.000 ₫ "OCOP KIEM TRA" test VietQR; all blank removes it', async () => {
      const ok = await form({ bankBin: '970436', accountNumber: '0011 0012 34567', accountName: 'Hợp tác xã Mật ong' });
      expect(ok.status, await ok.clone().text()).toBe(303);
      expect((await services.producers.getProducer(id))?.bank).toEqual({ bankBin: '970436', accountNumber: '0011001234567', accountName: 'HOP TAC XA MAT ONG' });

      const html = await (await get('/co-so-cua-toi', owner.cookie)).text();
      expect(html).toMatch(/<option value="970436" selected="">Vietcombank/);
      expect(html).toMatch(/id="truong-accountNumber" name="accountNumber" type="text" value="0011001234567"/);
      expect(html).toMatch(/id="truong-accountName" name="accountName" type="text" value="HOP TAC XA MAT ONG"/);
      expect(html).toContain('<h2 id="kiem-tra-vietqr">Kiểm tra tài khoản VietQR</h2>');
      expect(html).toContain('nội dung “OCOP KIEM TRA”');
      expect(html).toContain('10.000\u00a0₫');
      // The inline SVG draws the test payment's payload (decoded and CRC-checked in shared/payments/vietqr.test.ts).
      const expected = vietQrPayment({ bank: { bankBin: '970436', accountNumber: '0011001234567', accountName: 'HOP TAC XA MAT ONG' }, amountVnd: 10_000, purpose: 'OCOP KIEM TRA' });
      expect(html).toContain((await vietQrSvg(expected.payload)).trim());
      expect(html).toMatch(/<div class="qr" role="img" aria-label="Mã VietQR thử 10.000\u00a0₫ vào tài khoản 0011001234567 tại Vietcombank"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);

      // The public storefront still shows none of it.
      const publicHtml = await (await get(`/co-so/${id}`, {})).text();
      expect(publicHtml).not.toContain('0011001234567');
      expect(publicHtml).not.toContain('HOP TAC XA MAT ONG');

      // Another save keeps it; blanking all three removes it.
      expect((await form({ bankBin: '970436', accountNumber: '0011001234567', accountName: 'HOP TAC XA MAT ONG', shippingFeeVnd: '25000' })).status).toBe(303);
      expect((await services.producers.getProducer(id))?.bank?.accountNumber).toBe('0011001234567');
      expect((await form({ bankBin: '', accountNumber: '', accountName: '' })).status).toBe(303);
      expect((await services.producers.getProducer(id))?.bank).toBeUndefined();
      expect(await (await get('/co-so-cua-toi', owner.cookie)).text()).not.toContain('Kiểm tra tài khoản VietQR');
    });
  });
});
