import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeServices } from '../../app/create-services';
import { buildWeb } from '../../scripts/build-web';
import { PointInputSchema } from '../../shared/locator/point-of-sale';
import { listedProduct } from '../cart/fixtures';
import { pointBody } from '../locator/fixtures';
import { makeProducer } from '../support/catalog-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { launchChromium } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/** A visitor in Hoàn Kiếm finds the nearest OCOP point of sale on a phone, then what it sells. */
describe('store locator (Chromium)', () => {
  let services: EdgeServices;
  let server: TestServer;
  let browser: Browser;
  let productName: string;
  let productId: string;

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    // 2026-11-23T03:00Z = Monday 10:00 in Vietnam (test-services' clock).
    services = await createTestServices();
    await services.producers.createProducer(makeProducer({ id: 'htx-ban-do', provinceCode: '01' }));
    const product = await listedProduct(services, { producerId: 'htx-ban-do' });
    productName = product.name;
    productId = product.id;
    const at = new Date().toISOString();
    const add = (id: string, over: Parameters<typeof pointBody>[0]) =>
      services.points.create({ ...PointInputSchema.parse(pointBody(over)), id, createdAt: at, updatedAt: at, version: 1 });
    await add('diem-trang-tien', { name: 'Showroom Tràng Tiền', type: 'showroom', lat: 21.0249, lng: 105.8555, productIds: [product.id] });
    await add('diem-cau-giay', { name: 'Góc OCOP Cầu Giấy', type: 'supermarket_corner', lat: 21.0068, lng: 105.7985 });
    await add('diem-noi-bai', { name: 'Ki-ốt Nội Bài', type: 'airport', lat: 21.2187, lng: 105.8042 });
    server = await startTestServer(services);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists Hà Nội, uses the phone’s location to sort by distance, filters, and opens a point and its products', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      geolocation: { latitude: 21.0245, longitude: 105.8553 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/diem-ban`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Đang hiển thị Hà Nội');
    // Leaflet drew the three points (no tiles configured: no outside request).
    await expect.poll(() => page.locator('#ban-do').getAttribute('data-ready')).toBe('3');
    await page.screenshot({ path: resolve(screenshotDir, 'locator-1-province.png'), fullPage: true });

    await Promise.all([page.waitForURL(/lat=21\.0245/), page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click()]);
    const names = await page.locator('.pos-list h3').allInnerTexts();
    expect(names[0]).toBe('Showroom Tràng Tiền');
    expect(names).toContain('Góc OCOP Cầu Giấy');
    expect(await page.locator('.pos-list li').first().innerText()).toMatch(/cách \d+ m/);
    await page.screenshot({ path: resolve(screenshotDir, 'locator-2-nearest.png'), fullPage: true });

    await page.selectOption('select[name=type]', 'airport');
    await page.selectOption('select[name=radiusKm]', '30');
    await Promise.all([page.waitForURL(/type=airport/), page.locator('form.pos-find button[type=submit]').click()]);
    expect(await page.locator('.pos-list h3').allInnerTexts()).toEqual(['Ki-ốt Nội Bài']);

    await page.goto(`${server.url}/diem-ban/diem-trang-tien`);
    expect(await page.locator('main').innerText()).toContain(productName);
    expect(await page.locator('table.pos-hours').innerText()).toContain('07:30–11:30, 13:30–17:00');
    await page.screenshot({ path: resolve(screenshotDir, 'locator-3-point.png'), fullPage: true });

    await page.goto(`${server.url}/san-pham/${productId}`);
    const section = page.locator('section[aria-labelledby="mua-truc-tiep"]');
    expect(await section.innerText()).toContain('Showroom Tràng Tiền');
    expect(errors).toEqual([]);
    await context.close();
  });
});
