import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { SESSION_COOKIE } from '../../shared/identity/session-cookie';
import type { TestAccount } from '../authz/accounts';
import { openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, postJson } from '../reviews/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/** A shopper with a delivered order reviews it in the browser; the producer answers; the product page shows the new mean. */
describe('a buyer reviews a delivered product (Chromium)', () => {
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

  async function signedInPage(who: TestAccount): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addCookies([{ name: SESSION_COOKIE, value: who.token, url: server.url }]);
    return context.newPage();
  }

  it('writes a 4-point review through the form, the producer replies, and the product page shows the mean', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
    const lineId = `${order.subOrders[0]!.id}.0`;
    const page = await signedInPage(shop.shopper);
    await page.goto(`${server.url}/danh-gia/${order.id}/${lineId}`);
    await page.screenshot({ path: resolve(screenshotDir, 'reviews-1-form.png'), fullPage: true });
    await page.getByLabel('4 điểm').check();
    await page.fill('main [name=text]', 'Mật ong thơm, <b>đặc</b>, giao nhanh');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gửi đánh giá' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/san-pham/${shop.honey.id}`);
    const review = page.locator(`[id="danh-gia-${lineId}"]`);
    await expect.poll(() => review.innerText()).toContain('Mật ong thơm, <b>đặc</b>, giao nhanh');

    expect((await postJson(shop, shop.ownerA, `/api/reviews/${lineId}/reply`, { text: 'Cảm ơn anh chị đã tin dùng' })).status).toBe(201);
    await page.reload();
    expect(await review.innerText()).toContain('Phản hồi của HTX Mật ong A');
    const rating = page.locator('.reviews .brate[data-rating-mean]').first();
    expect(await rating.getAttribute('data-rating-mean')).toBe('4');
    expect(await rating.getAttribute('aria-label')).toBe('Người mua đánh giá 4,0 trên 5, 1 đánh giá');
    // The OCOP badge is still the certificate's, apart from the buyers' rating.
    expect(await page.locator('.ocop-lg').getAttribute('aria-label')).toMatch(/^OCOP \d sao$/);
    await page.locator('#danh-gia').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshotDir, 'reviews-2-product-page.png'), fullPage: true });
    await page.context().close();
  });
});
