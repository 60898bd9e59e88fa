import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { ManualClock } from '../../shared/time/clock';
import { TEST_PASSWORD } from '../authz/accounts';
import { openFairShop, type FairShop } from '../fairs/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { clickAndWait, launchChromium, phonePage, signInThroughForm } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/**
 * A fair as people use it in a real browser: the province's officer creates and opens it, a producer
 * applies and gets a booth, dresses it with a fair price; a visitor walks lobby → hall → booth, buys at
 * the fair price and sends a trade inquiry; the producer answers it.
 */
describe('fairs: organise, exhibit, visit, buy at the fair price, inquire (Chromium)', () => {
  let shop: FairShop;
  let server: TestServer;
  let browser: Browser;
  const clock = new ManualClock('2026-11-23T03:00:00.000Z');

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    shop = await openFairShop({ clock });
    server = await startTestServer(shop.services);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const person = () => phonePage(browser);
  const go = clickAndWait;
  const signIn = (page: Page, email: string, next: string) => signInThroughForm(page, server.url, email, TEST_PASSWORD, next);
  const shot = (p: Page, name: string) => p.screenshot({ path: join(screenshotDir, `fairs-${name}.png`), fullPage: true });

  it('officer → producer → visitor → producer', async () => {
    // 1. The officer of province 91 creates the fair (Vietnam time) and opens it for applications.
    const o = await person();
    await signIn(o, shop.officer91.account.email, '/quan-ly/hoi-cho');
    await o.fill('#hc-name', 'Hội chợ OCOP Phú Quốc');
    await o.fill('#hc-theme', 'Hương vị biển đảo');
    await o.fill('#hc-start', '2026-11-23T11:00');
    await o.fill('#hc-end', '2026-11-23T17:00');
    await o.fill('#hc-hall1-name', 'Khu thực phẩm');
    await o.selectOption('#hc-hall1-kind', 'group');
    await o.fill('#hc-hall1-code', 'food');
    await o.fill('#hc-hall1-count', '10');
    expect(await go(o, 'button', 'Tạo bản nháp')).toBe(200);
    expect(await o.locator('main').innerText()).toContain('11:00 23/11/2026');
    expect(await go(o, 'button', 'Mở đăng ký gian')).toBe(200);

    // 2. The producer applies; the officer gives it booth 2 and opens the fair.
    const p = await person();
    await signIn(p, shop.ownerA.account.email, '/co-so-cua-toi/hoi-cho');
    expect(await go(p, 'button', 'Đăng ký gian')).toBe(200);
    await o.reload();
    await o.locator('main input[name=boothNo]').first().fill('2');
    expect(await go(o, 'button', 'Nhận')).toBe(200);
    expect(await o.locator('main').innerText()).toContain('Đã nhận, gian 2');
    expect(await go(o, 'button', 'Khai mạc (bắt đầu diễn ra)')).toBe(200);
    await shot(o, 'console');

    // 3. The producer dresses booth 2: honey at 120.000 ₫ (regular 150.000 ₫).
    await p.reload();
    await p.locator('main textarea[name=intro]').fill('Mật ong rừng Phú Quốc');
    await p.locator('main select[name=product0]').selectOption(shop.honey.id);
    await p.locator('main input[name=fairPrice0]').fill('120000');
    expect(await go(p, 'button', 'Lưu gian hàng')).toBe(200);

    // 4. At the opening a visitor walks lobby → fair → hall → booth and buys at the fair price.
    clock.set('2026-11-23T04:00:00.000Z');
    const s = await person();
    await signIn(s, shop.shopper.account.email, '/hoi-cho');
    expect(await go(s, 'link', 'Hội chợ OCOP Phú Quốc')).toBe(200);
    expect(await go(s, 'link', 'Khu thực phẩm')).toBe(200);
    expect(await go(s, 'link', 'Gian 2: HTX Mật ong A')).toBe(200);
    const row = s.locator(`tr[data-product="${shop.honey.id}"]`);
    expect(await row.locator('.fair-price').innerText()).toBe('120.000\u00a0₫');
    await shot(s, 'booth');
    expect(await go(s, 'button', 'Mua giá hội chợ')).toBe(200);
    expect(new URL(s.url()).pathname).toBe('/thanh-toan');
    expect(await s.locator('main').innerText()).toContain('120.000\u00a0₫');
    await s.fill('main [name=recipientName]', 'Trần Văn Minh');
    await s.fill('main [name=phone]', '0987 654 321');
    await s.selectOption('main [name=provinceCode]', '01');
    await s.fill('main [name=commune]', 'phường Hoàn Kiếm');
    await s.fill('main [name=street]', '8 Hàng Bạc');
    expect(await go(s, 'button', 'Đặt hàng')).toBe(200);
    expect(new URL(s.url()).pathname).toMatch(/^\/don-hang\//);
    expect(await s.locator('main').innerText()).toContain('120.000\u00a0₫');

    // 5. A business buyer sends an inquiry from the booth page.
    await s.goBack();
    await s.goBack();
    await s.reload();
    await s.fill('#gt-company', 'Sakura Foods');
    await s.fill('#gt-country', 'Nhật Bản');
    await s.fill('#gt-contactName', 'Tanaka');
    await s.fill('#gt-contactEmail', 'buyer@sakura.example');
    await s.fill('#gt-product', 'Mật ong rừng');
    await s.fill('#gt-quantity', '1 tấn/năm');
    await s.fill('#gt-message', 'Chúng tôi muốn nhập khẩu thường xuyên.');
    expect(await go(s, 'button', 'Gửi yêu cầu')).toBe(200);
    expect(await s.locator('[role=status]').last().innerText()).toContain('Đã gửi yêu cầu');

    // 6. The producer answers in the thread.
    await p.reload();
    const inquiry = p.locator('article[data-inquiry]').first();
    expect(await inquiry.innerText()).toContain('Sakura Foods');
    await inquiry.locator('textarea[name=text]').fill('Xin gửi báo giá FOB');
    expect(await go(p, 'button', 'Gửi', 'article[data-inquiry]')).toBe(200);
    expect(await p.locator('article[data-inquiry]').first().innerText()).toContain('Xin gửi báo giá FOB');
    expect(await p.locator('article[data-inquiry]').first().innerText()).toContain('Đã trả lời');
    await shot(p, 'inbox');

    // 7. The organiser's figures count the order at the fair price.
    await o.reload();
    expect(await o.locator('main').innerText()).toContain('1 đơn giá hội chợ');
  }, 180_000);
});
