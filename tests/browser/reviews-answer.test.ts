import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { SESSION_COOKIE } from '../../shared/identity/session-cookie';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { jpeg } from '../media/images';
import { openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, reviewRequest } from '../reviews/fixtures';
import { useTempMediaStore } from '../support/media-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/**
 * Reviews end to end through the pages only (Chromium): a buyer reviews a delivered line with a
 * photo, the producer answers from its dashboard's "Đánh giá", the product page shows the new mean;
 * another account reports the review from its card, the province officer hides it from the console
 * queue, and the mean goes back to what it was.
 */
describe('review, reply, report and hide through the pages (Chromium)', () => {
  let shop: Shop;
  let server: TestServer;
  let browser: Browser;
  let mediaDir: string;

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    shop = await openShop();
    mediaDir = await useTempMediaStore(shop.services, 'reviews-browser');
    server = await startTestServer(shop.services, { mediaDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  async function signedInPage(who: TestAccount): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addCookies([{ name: SESSION_COOKIE, value: who.token, url: server.url }]);
    return context.newPage();
  }
  const meanOn = async (page: Page) => {
    const rating = page.locator('.reviews .brate[data-rating-mean]').first();
    return { mean: await rating.getAttribute('data-rating-mean'), label: await rating.getAttribute('aria-label') };
  };

  it('reviews with a photo, the producer replies from "Đánh giá", an officer hides the reported review and the mean goes back', async () => {
    // An earlier buyer's 5 points: the mean before.
    const other = await createTestAccount(shop.services, 'shopper');
    const first = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }], other);
    expect((await reviewRequest(shop, other, first.id, `${first.subOrders[0]!.id}.0`, { stars: 5, text: 'Rất ngon' })).status).toBe(201);

    // 1. The buyer writes 2 points with a photo in the form.
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
    const lineId = `${order.subOrders[0]!.id}.0`;
    const buyer = await signedInPage(shop.shopper);
    await buyer.goto(`${server.url}/danh-gia/${order.id}/${lineId}`);
    await buyer.getByLabel('2 điểm').check();
    await buyer.fill('main [name=text]', 'Mật ong hơi loãng so với mô tả');
    await buyer.setInputFiles('input[type=file][name=photos]', { name: 'mat-ong.jpg', mimeType: 'image/jpeg', buffer: await jpeg(800, 600) });
    await Promise.all([buyer.waitForNavigation(), buyer.getByRole('button', { name: 'Gửi đánh giá' }).click()]);
    expect(new URL(buyer.url()).pathname).toBe(`/san-pham/${shop.honey.id}`);
    const card = buyer.locator(`[id="danh-gia-${lineId}"]`);
    expect(await card.innerText()).toContain('Mật ong hơi loãng so với mô tả');
    const thumb = card.locator('ul.photos img');
    expect(await thumb.count()).toBe(1);
    // Lazy thumbnails load once on screen.
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await meanOn(buyer)).toEqual({ mean: '3.5', label: 'Người mua đánh giá 3,5 trên 5, 2 đánh giá' });

    // 2. The producer answers from its dashboard.
    const producer = await signedInPage(shop.ownerA);
    await producer.goto(`${server.url}/co-so-cua-toi`);
    await Promise.all([producer.waitForNavigation(), producer.getByRole('link', { name: 'Đánh giá', exact: true }).click()]);
    expect(new URL(producer.url()).pathname).toBe('/co-so-cua-toi/danh-gia');
    const item = producer.locator(`[id="danh-gia-${lineId}"]`);
    await item.getByLabel('Phản hồi').fill('Xin lỗi anh chị, cơ sở sẽ gửi bù một hũ mới');
    await Promise.all([producer.waitForNavigation(), item.getByRole('button', { name: 'Gửi phản hồi' }).click()]);
    expect(await producer.getByRole('status').innerText()).toContain('Đã gửi phản hồi');
    expect(await producer.locator(`[id="danh-gia-${lineId}"] .reply`).innerText()).toContain('Xin lỗi anh chị');
    await producer.screenshot({ path: resolve(screenshotDir, 'reviews-answer-1-producer.png'), fullPage: true });
    await buyer.reload();
    expect(await card.innerText()).toContain('Phản hồi của HTX Mật ong A');

    // 3. Someone else reports it from the card (a disclosure, no script needed).
    const reporter = await signedInPage(await createTestAccount(shop.services, 'shopper'));
    await reporter.goto(`${server.url}/san-pham/${shop.honey.id}`);
    const reported = reporter.locator(`[id="danh-gia-${lineId}"]`);
    await reported.getByText('Báo cáo đánh giá này').click();
    await reported.getByLabel('Lý do báo cáo').fill('Đánh giá không đúng sự thật');
    await Promise.all([reporter.waitForNavigation(), reported.getByRole('button', { name: 'Gửi báo cáo' }).click()]);
    expect(await reporter.getByRole('status').innerText()).toContain('Cán bộ OCOP của tỉnh, thành phố sẽ xem xét');

    // 4. The province's officer hides it from the queue; the mean goes back to 5.
    const officer = await signedInPage(await createTestAccount(shop.services, 'officer', { provinceCode: shop.honey.provinceCode }));
    await officer.goto(`${server.url}/quan-ly/tinh/danh-gia`);
    expect(await officer.getByRole('heading', { name: 'Chờ xử lý (1)' }).count()).toBe(1);
    const queued = officer.locator(`[id="danh-gia-${lineId}"]`);
    expect(await queued.innerText()).toContain('Đang hiển thị · 1 báo cáo');
    await queued.getByLabel('Lý do ẩn').fill('Đã đối chiếu đơn hàng, nội dung sai');
    await Promise.all([officer.waitForNavigation(), queued.getByRole('button', { name: 'Ẩn đánh giá' }).click()]);
    expect(await officer.getByRole('status').innerText()).toContain('Đã ẩn đánh giá');
    expect(await officer.getByRole('heading', { name: 'Đã ẩn (1)' }).count()).toBe(1);
    await officer.screenshot({ path: resolve(screenshotDir, 'reviews-answer-2-queue.png'), fullPage: true });

    await buyer.reload();
    expect(await buyer.locator(`[id="danh-gia-${lineId}"]`).count()).toBe(0);
    expect(await meanOn(buyer)).toEqual({ mean: '5', label: 'Người mua đánh giá 5,0 trên 5, 1 đánh giá' });
    for (const p of [buyer, producer, reporter, officer]) await p.context().close();
  });
});
