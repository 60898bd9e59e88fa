import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, TEST_PASSWORD } from '../authz/accounts';
import { png } from '../media/images';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { launchChromium } from '../support/chromium';

const NOW = new Date('2026-11-23T03:00:00Z');
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');
const PROVINCE = '19'; // Thái Nguyên (2025)

/**
 * The whole life of a listing, as the people involved do it in a real browser: a producer signs up and
 * applies, the province officer approves, the producer creates a product and uploads a photo, the
 * officer records a 4★ certificate for it, shoppers see it; the officer revokes it and it is gone.
 */
describe('producer onboarding to public listing and back (Chromium)', () => {
  let services: Services;
  let server: TestServer;
  let browser: Browser;
  let mediaDir: string;
  let scratch: string;

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    services = await createTestServices({ clock: new ManualClock(NOW) });
    mediaDir = mkdtempSync(join(tmpdir(), 'ocop-journey-media-'));
    scratch = mkdtempSync(join(tmpdir(), 'ocop-journey-files-'));
    // Uploads land where the local server serves /media from, as with `npm start`.
    services.media = { store: new LocalMediaStore(mediaDir), uploads: services.media!.uploads };
    server = await startTestServer(services, { mediaDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [mediaDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    return { context, page: await context.newPage() };
  }

  /** Submits the form holding `button` and waits for the page it leads to. */
  async function submit(page: Page, button: string, within?: string): Promise<number> {
    const scope = within ? page.locator(within) : page;
    const [response] = await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name: button }).click()]);
    return response?.status() ?? 0;
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/dang-nhap`);
    await page.fill('main [name=email]', email);
    await page.fill('main [name=password]', TEST_PASSWORD);
    await submit(page, 'Đăng nhập');
  }

  it('signs up, is approved, lists a product with a photo once certified 4★, and loses it on revocation', async () => {
    const producer = await person();
    const officer = await person();
    const shopper = await person();
    const shot = (p: Page, name: string) => p.screenshot({ path: join(screenshotDir, `journey-${name}.png`), fullPage: true });

    // 1. The producer registers and applies for a storefront.
    const p = producer.page;
    await p.goto(`${server.url}/dang-ky`);
    await p.fill('main [name=displayName]', 'Nguyễn Thị Hoa');
    await p.fill('main [name=email]', 'hoa.htx@vi-du.vn');
    await p.fill('main [name=phone]', '0912 345 678');
    await p.fill('main [name=password]', 'mật ong rừng Thái Nguyên 2026');
    await p.check('main [name=accountType][value=producer]');
    // No session yet (the answer is the same for a taken email): the sign-in form, email filled in.
    expect(await submit(p, 'Tạo tài khoản')).toBe(200);
    expect(await p.inputValue('main [name=email]')).toBe('hoa.htx@vi-du.vn');
    await p.fill('main [name=password]', 'mật ong rừng Thái Nguyên 2026');
    // Signing in leads a new producer straight to the storefront application.
    expect(await submit(p, 'Đăng nhập')).toBe(200);
    expect(new URL(p.url()).pathname).toBe('/co-so-cua-toi/dang-ky');
    await p.selectOption('main [name=subjectType]', 'cooperative');
    await p.fill('main [name=legalName]', 'HTX Mật ong Võ Nhai');
    await p.fill('main [name=taxCode]', '4601234567');
    await p.selectOption('main [name=provinceCode]', PROVINCE);
    await p.fill('main [name=commune]', 'xã Võ Nhai');
    await p.fill('main [name=addressLine]', 'Xóm Đồng Chuối');
    await p.fill('main [name=phone]', '0912345678');
    await p.fill('main [name=email]', 'hoa.htx@vi-du.vn');
    await p.fill('main [name=story]', 'Nuôi ong lấy **mật hoa rừng** trên núi đá vôi.');
    expect(await submit(p, 'Gửi hồ sơ')).toBe(200);
    expect(await p.locator('main').innerText()).toMatch(/đã gửi|Đã gửi/);

    // 2. The officer of that province approves it.
    const officerAccount = await createTestAccount(services, 'officer', { provinceCode: PROVINCE, email: 'can-bo.thai-nguyen@vi-du.vn' });
    const o = officer.page;
    await signIn(o, officerAccount.account.email);
    await o.goto(`${server.url}/quan-ly/tinh/ho-so`);
    const card = o.locator('section.application').filter({ hasText: 'HTX Mật ong Võ Nhai' });
    await shot(o, 'officer-queue');
    await Promise.all([o.waitForNavigation(), card.getByRole('button', { name: /Duyệt/ }).click()]);

    // 3. The producer, now with a storefront, creates a product and uploads its photo.
    await p.goto(`${server.url}/co-so-cua-toi`);
    expect(await p.locator('h1').innerText()).toContain('HTX Mật ong Võ Nhai');
    await Promise.all([p.waitForNavigation(), p.getByRole('link', { name: /Thêm sản phẩm/ }).click()]);
    await p.fill('main [name=name]', 'Mật ong rừng Võ Nhai');
    await p.fill('main [name=description]', 'Mật ong hoa rừng khai thác thủ công, không pha đường.');
    await p.selectOption('main [name=group]', 'food');
    await p.selectOption('main [name=subgroup]', 'food-honey');
    await p.fill('main [name=priceVnd]', '320.000');
    await p.fill('main [name=unit]', 'chai 500 ml');
    await p.fill('main [name=tags]', 'mật ong, quà biếu');
    expect(await submit(p, 'Tạo bản nháp')).toBe(200);
    const productId = decodeURIComponent(new URL(p.url()).pathname.split('/').pop()!);
    expect(productId).toMatch(/^mat-ong-rung-vo-nhai-/);

    const photo = join(scratch, 'mat-ong.png');
    writeFileSync(photo, await png(900, 700));
    await p.setInputFiles('input[type=file][name=file]', photo);
    expect(await submit(p, 'Tải ảnh lên')).toBe(200);
    expect(await p.locator('main img').count()).toBeGreaterThan(0);
    await p.fill('main [name=stock]', '40');
    expect(await submit(p, 'Cập nhật tồn kho')).toBe(200);
    expect(await submit(p, 'Đăng bán')).toBe(200);
    // Published, yet not on the market: no certificate yet.
    expect((await shopper.page.goto(`${server.url}/san-pham/${productId}`))?.status()).toBe(410);
    await shot(p, 'producer-product');

    // 4. The officer records the province's 4★ decision for this product.
    const producerId = (await services.catalog.getProduct(productId))!.producerId;
    await o.goto(`${server.url}/quan-ly/tinh`);
    await o.fill('main [name=subjectId]', producerId);
    await o.fill('main [name=productId]', productId);
    await o.fill('main [name=certificateNo]', '19-2026-0042');
    await o.fill('main [name=decisionNo]', '2345/QĐ-UBND');
    await o.fill('main [name=decisionDate]', '2026-10-15');
    await o.check('main [name=stars][value="4"]');
    await o.check('main [name=issuingLevel][value=province]');
    await o.fill('main [name=issuingAuthority]', 'UBND tỉnh Thái Nguyên');
    await o.fill('main [name=productGroup]', 'food');
    await o.fill('main [name=subgroup]', 'food-honey');
    expect(await submit(o, 'Ghi nhận')).toBe(201);
    expect(await o.locator('[role=status]').innerText()).toContain('Sản phẩm đang được bày bán');

    // 5. Shoppers find it: its page with the 4★ badge and the photo, and in the list of its province.
    const s = shopper.page;
    expect((await s.goto(`${server.url}/san-pham/${productId}`))?.status()).toBe(200);
    expect(await s.locator('.product-info .ocop').getAttribute('aria-label')).toBe('OCOP 4 sao');
    expect(await s.locator('#chung-nhan ~ dl').innerText()).toContain('19-2026-0042');
    expect(await s.locator('main').innerText()).not.toContain('Tạm hết hàng');
    const img = s.locator('.product-media img');
    await img.evaluate((el: HTMLImageElement) => el.decode());
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await shot(s, 'public-product');
    await s.goto(`${server.url}/san-pham?province=${PROVINCE}`);
    expect(await s.locator(`.card a[href="/san-pham/${productId}"]`).count()).toBeGreaterThan(0);

    // 6. The officer revokes the certificate from its page: the product is gone at once.
    await o.goto(`${server.url}/quan-ly/tinh/chung-nhan/19-2026-0042`);
    await o.fill('main [name=revokeDecisionNo]', '88/QĐ-UBND');
    await o.fill('main [name=revokedOn]', '2026-11-23');
    await o.fill('main [name=revokeReason]', 'Sản phẩm không còn đạt tiêu chí sau kiểm tra');
    const revoked = await submit(o, 'Thu hồi chứng nhận');
    expect([200, 303]).toContain(revoked);
    expect(await o.locator('main').innerText()).toMatch(/thu hồi/i);
    await shot(o, 'officer-revoked');

    const gone = await s.goto(`${server.url}/san-pham/${productId}`);
    expect(gone?.status()).toBe(410);
    await s.goto(`${server.url}/san-pham?province=${PROVINCE}`);
    expect(await s.locator(`.card a[href="/san-pham/${productId}"]`).count()).toBe(0);
    await s.goto(`${server.url}/xac-minh/19-2026-0042`);
    expect(await s.locator('main').innerText()).toContain('Không còn hiệu lực: Đã thu hồi');
    await shot(s, 'public-verify-revoked');

    for (const who of [producer, officer, shopper]) await who.context.close();
  }, 180_000);
});
