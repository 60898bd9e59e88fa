import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { TEST_PASSWORD } from '../authz/accounts';
import { openShop, type Shop } from '../orders/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { clickAndWait, launchChromium } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/** Controls without a label, heading jumps, more than one h1: what the checkout pages must never have. */
async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const img of document.querySelectorAll('img')) if (!img.getAttribute('alt')) problems.push(`img without alt: ${img.getAttribute('src')}`);
    for (const control of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
      if (control.type === 'hidden') continue;
      const labelled = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
      if (!labelled) problems.push(`control without label: ${control.name || control.id}`);
    }
    const h1s = document.querySelectorAll('h1').length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements`);
    let previous = 0;
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const level = Number(h.tagName[1]);
      if (previous && level > previous + 1) problems.push(`heading jumps from h${previous} to h${level}: ${h.textContent?.trim()}`);
      previous = level;
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`duplicate id ${id}`);
    return problems;
  });
}

/**
 * Buying from two storefronts as people do it in a real browser: a guest fills a cart, signs in at
 * checkout (the cart comes along), pays on delivery and sees two parts; one storefront packs and
 * ships its part with a tracking code; the shopper sees it on the way.
 */
describe('checkout to shipped (Chromium)', () => {
  let shop: Shop;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    shop = await openShop();
    server = await startTestServer(shop.services);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    return { context, page: await context.newPage() };
  }

  /** Clicks `name` (a button or link) and waits for the page it leads to. */
  const go = clickAndWait;

  const shot = (p: Page, name: string) => p.screenshot({ path: join(screenshotDir, `checkout-${name}.png`), fullPage: true });

  it('a guest cart from two storefronts survives sign-in, is ordered COD, shipped by one storefront and seen shipped', async () => {
    const { page: s } = await person();

    // 1. A guest fills the cart from two storefronts.
    await s.goto(`${server.url}/san-pham/${shop.honey.id}`);
    await s.fill('#mua-so-luong', '2');
    expect(await go(s, 'button', 'Thêm vào giỏ')).toBe(200);
    expect(await s.locator('[role=status]').first().innerText()).toContain('Đã thêm vào giỏ hàng');
    await s.goto(`${server.url}/san-pham/${shop.tea.id}`);
    await s.selectOption('#mua-phan-loai', 'hop-250g');
    expect(await go(s, 'button', 'Thêm vào giỏ')).toBe(200);
    await s.goto(`${server.url}/gio-hang`);
    expect(await s.locator('.cart-shop').count()).toBe(2);
    await shot(s, 'cart');

    // 2. "Đặt hàng" asks a guest to sign in, and comes back to checkout with the cart merged.
    expect(await go(s, 'link', 'Đặt hàng')).toBe(200);
    expect(new URL(s.url()).pathname).toBe('/dang-nhap');
    await s.fill('main [name=email]', shop.shopper.account.email);
    await s.fill('main [name=password]', TEST_PASSWORD);
    expect(await go(s, 'button', 'Đăng nhập')).toBe(200);
    expect(new URL(s.url()).pathname).toBe('/thanh-toan');
    const main = s.locator('main');
    expect(await main.locator('section.order-shop h2').allInnerTexts()).toEqual(['1. HTX Mật ong A', '2. HTX Trà B']);
    const summary = await main.innerText();
    expect(summary).toContain('30.000\u00a0₫');
    expect(summary).toContain('25.000\u00a0₫');
    expect(summary).toContain('555.000\u00a0₫');
    expect(await s.locator('input[name=paymentMethod][value=cod]').isChecked()).toBe(true);
    expect(await s.locator('input[name=paymentMethod][value=vietqr]').isDisabled()).toBe(true);
    expect(await a11yProblems(s)).toEqual([]);
    await shot(s, 'form');

    // 3. A wrong phone number comes back with the error and the rest as typed.
    await s.fill('main [name=recipientName]', 'Trần Văn Minh');
    await s.fill('main [name=phone]', '0212 345');
    await s.selectOption('main [name=provinceCode]', '01');
    await s.fill('main [name=commune]', 'phường Hoàn Kiếm');
    await s.fill('main [name=street]', '8 Hàng Bạc');
    await s.fill('main [name=note]', 'Giao giờ hành chính');
    expect(await go(s, 'button', 'Đặt hàng')).toBe(400);
    expect(await s.locator('.error-summary').innerText()).toContain('Số điện thoại di động');
    expect(await s.inputValue('main [name=street]')).toBe('8 Hàng Bạc');
    expect(await s.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await shot(s, 'errors');
    await s.fill('main [name=phone]', '0987 654 321');
    await s.check('main [name=saveAddress]');
    expect(await go(s, 'button', 'Đặt hàng')).toBe(200);

    // 4. One order, two parts, cash on delivery.
    const orderUrl = new URL(s.url());
    expect(orderUrl.pathname).toMatch(/^\/don-hang\/dh[0-9a-z]{16}$/);
    expect(await s.locator('[role=status]').first().innerText()).toContain('Đã đặt hàng');
    expect(await s.locator('section.order-shop').count()).toBe(2);
    expect(await s.locator('section.order-shop .status').allInnerTexts()).toEqual(['Đã xác nhận', 'Đã xác nhận']);
    expect(await main.innerText()).toContain('8 Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội');
    expect(await a11yProblems(s)).toEqual([]);
    await shot(s, 'order');
    // The cart is empty now.
    await s.goto(`${server.url}/gio-hang`);
    expect(await s.locator('main').innerText()).toContain('Giỏ hàng đang trống');

    // 5. Storefront A finds its part in the queue, packs and ships it with a tracking code.
    const { page: p } = await person();
    await p.goto(`${server.url}/dang-nhap?next=%2Fco-so-cua-toi`);
    await p.fill('main [name=email]', shop.ownerA.account.email);
    await p.fill('main [name=password]', TEST_PASSWORD);
    expect(await go(p, 'button', 'Đăng nhập')).toBe(200);
    expect(await go(p, 'link', 'Đơn hàng', 'nav.dash-nav')).toBe(200);
    expect(await p.locator('.tabs [aria-current=page]').innerText()).toBe('Cần chuẩn bị');
    const row = p.locator('table.order-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Trần Văn Minh');
    await shot(p, 'producer-queue');
    expect(await go(p, 'link', /^dh[0-9a-z]{16}-1$/, 'table.order-table')).toBe(200);
    expect(await p.locator('a[href^="tel:"]').innerText()).toBe('0987654321');
    expect(await p.locator('main').innerText()).toContain('Giao giờ hành chính');
    expect(await go(p, 'button', 'Đóng gói')).toBe(200);
    expect(await p.locator('[role=status]').innerText()).toContain('đã đóng gói');
    await p.selectOption('main [name=carrier]', 'Viettel Post');
    await p.fill('main [name=trackingCode]', 'VTP-2026112301');
    expect(await a11yProblems(p)).toEqual([]);
    expect(await go(p, 'button', 'Giao cho vận chuyển')).toBe(200);
    expect(await p.locator('main').innerText()).toContain('mã vận đơn VTP-2026112301');
    await shot(p, 'producer-shipped');

    // 6. The shopper sees that part on the way, the other still with its storefront.
    await s.goto(orderUrl.href.replace(orderUrl.search, ''));
    expect(await s.locator('section.order-shop .status').allInnerTexts()).toEqual(['Đang giao', 'Đã xác nhận']);
    expect(await s.locator('section.order-shop').first().innerText()).toContain('Viettel Post, mã vận đơn VTP-2026112301');
    await shot(s, 'shipped');
    await s.goto(`${server.url}/don-hang`);
    expect(await s.locator('table.order-table tbody tr').count()).toBe(1);
    expect(await s.locator('main').innerText()).toContain('HTX Mật ong A: Đang giao');
    await shot(s, 'orders');
  });
});
