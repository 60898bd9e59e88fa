import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { seedDemo } from '../../scripts/demo/seed';
import { gateReasonMessages } from '../../shared/catalog/gate';
import type { Product } from '../../shared/catalog/product';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';

const NOW = new Date('2026-11-23T03:00:00Z');
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

const viewports = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

/** What a screen reader or keyboard user needs from every page, checked in the live DOM. */
async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.lang !== 'vi') problems.push(`html lang is "${document.documentElement.lang}"`);
    if (!document.title.trim()) problems.push('empty <title>');
    for (const img of document.querySelectorAll('img')) {
      if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.getAttribute('src')}`);
    }
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
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      if (!document.querySelector(landmark)) problems.push(`no <${landmark}>`);
    }
    const skip = document.querySelector<HTMLAnchorElement>('a.skip');
    if (!skip || !document.querySelector(skip.hash)) problems.push('skip link missing or pointing nowhere');
    if (!document.querySelector('meta[name="viewport"]')) problems.push('no viewport meta');
    if (!document.querySelector('meta[name="description"]')?.getAttribute('content')) problems.push('no meta description');
    return problems;
  });
}

/** Visible text with whitespace collapsed, as a reader sees it. */
async function text(locator: Locator): Promise<string> {
  return (await locator.first().innerText()).replace(/[ \t\r\n]+/g, ' ').trim();
}

async function cardIds(page: Page): Promise<string[]> {
  return page.$$eval('.card h2 a, .card h3 a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').pop() ?? ''));
}

describe('the shop in a real browser (Chromium, demo data)', () => {
  let services: Services;
  let server: TestServer;
  let browser: Browser;
  let mediaDir: string;
  let product: (id: string) => Promise<Product>;

  beforeAll(async () => {
    // The test checks the client script as it is now, not whatever web/dist held.
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    services = await createTestServices({ clock: new ManualClock(NOW) });
    mediaDir = mkdtempSync(join(tmpdir(), 'ocop-browser-media-'));
    await seedDemo(services, new LocalMediaStore(mediaDir), { now: NOW });
    server = await startTestServer(services, { mediaDir });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    product = async (id) => {
      const p = await services.catalog.getProduct(id);
      if (!p) throw new Error(`demo product ${id} is missing`);
      return p;
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  async function open(kind: keyof typeof viewports, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: viewports[kind], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
    return { context, page: await context.newPage() };
  }

  it('home: shelves, groups and provinces, accessible on a phone', async () => {
    const { context, page } = await open('mobile');
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="noi-bat"] .card').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="/san-pham?group="]').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('a[href^="/san-pham?province="]').count()).toBe(34);
    expect(await a11yProblems(page)).toEqual([]);
    // The client script ran: the filter form would auto-submit.
    expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'mobile-home.png'), fullPage: true });
    await page.screenshot({ path: join(screenshotDir, 'mobile-home-first-screen.png') });
    await context.close();
  });

  it('list: choosing a group and a province filters the cards (script on)', async () => {
    const target = await product(DEMO_IDS.traVinhLegacy);
    const { context, page } = await open('desktop');
    await page.goto(`${server.url}/san-pham`);
    expect(await page.locator('button[data-submit]').isVisible()).toBe(false);
    await Promise.all([page.waitForURL(/group=/), page.selectOption('#loc-nhom', target.group)]);
    await Promise.all([page.waitForURL(/province=/), page.selectOption('#loc-tinh', target.provinceCode)]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/san-pham');
    expect(Object.fromEntries(url.searchParams)).toEqual({ group: target.group, province: target.provinceCode });
    // Focus comes back to the control the shopper was using.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('loc-tinh');
    const ids = await cardIds(page);
    expect(ids).toContain(target.id);
    for (const id of ids) {
      const p = await product(id);
      expect([p.group, p.provinceCode]).toEqual([target.group, target.provinceCode]);
    }
    expect(await a11yProblems(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'desktop-list-filtered.png'), fullPage: true });
    await context.close();
  });

  it('list: the same filter works with no script at all', async () => {
    const target = await product(DEMO_IDS.traVinhLegacy);
    const { context, page } = await open('mobile', { javaScriptEnabled: false });
    await page.goto(`${server.url}/san-pham`);
    await page.selectOption('#loc-nhom', target.group);
    await page.selectOption('#loc-tinh', target.provinceCode);
    await Promise.all([page.waitForURL(/province=/), page.getByRole('button', { name: 'Lọc sản phẩm' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('group')).toBe(target.group);
    expect(url.searchParams.get('province')).toBe(target.provinceCode);
    expect(await cardIds(page)).toContain(target.id);
    await page.screenshot({ path: join(screenshotDir, 'mobile-list-no-js.png'), fullPage: true });
    await context.close();
  });

  it('product: the OCOP badge, certificate, issuing level, expiry and a loaded image', async () => {
    const p = await product(DEMO_IDS.listedFiveStar);
    for (const kind of ['mobile', 'desktop'] as const) {
      const { context, page } = await open(kind);
      const res = await page.goto(`${server.url}/san-pham/${p.id}`);
      expect(res?.status()).toBe(200);
      expect(await text(page.locator('h1'))).toContain(p.name);
      const badge = page.locator('.product-info .ocop');
      expect(await badge.getAttribute('aria-label')).toBe(`OCOP ${p.certificate!.stars} sao`);
      expect(await badge.textContent()).toContain('★'.repeat(p.certificate!.stars));
      const facts = page.locator('#chung-nhan ~ dl');
      expect(await text(facts)).toContain(p.certificate!.certificateNo);
      expect(await text(facts)).toMatch(/Cấp (tỉnh|huyện|trung ương)/);
      expect(await text(facts)).toMatch(/Hiệu lực đến\s*\d{2}\/\d{2}\/\d{4}/);
      expect(await text(page.locator('.product-info .price'))).toMatch(/^\d{1,3}(\.\d{3})*\u00a0₫/);
      if (p.images[0]) {
        const img = page.locator('.product-media img');
        expect(await img.getAttribute('loading')).toBe('eager');
        await img.evaluate((el: HTMLImageElement) => el.decode());
        expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
      }
      expect(await a11yProblems(page)).toEqual([]);
      await page.screenshot({ path: join(screenshotDir, `${kind}-product.png`), fullPage: true });
      await context.close();
    }
  });

  it('the Trà Vinh product names the province its issuer belongs to today', async () => {
    const { context, page } = await open('mobile');
    await page.goto(`${server.url}/san-pham/${DEMO_IDS.traVinhLegacy}`);
    expect(await text(page.locator('#chung-nhan ~ dl'))).toContain('nay thuộc tỉnh Vĩnh Long');
    await page.screenshot({ path: join(screenshotDir, 'mobile-product-tra-vinh.png'), fullPage: true });
    await context.close();
  });

  it('2★, expired and revoked products are in no listing, and their pages are 410 with the reason', async () => {
    const gated = [
      [DEMO_IDS.twoStar, gateReasonMessages.BELOW_THREE_STARS],
      [DEMO_IDS.expired, gateReasonMessages.CERTIFICATE_EXPIRED],
      [DEMO_IDS.revoked, gateReasonMessages.CERTIFICATE_REVOKED],
    ] as const;
    const { context, page } = await open('desktop');
    // Walk the whole catalogue through the "Trang sau" links, as a shopper (or a crawler) would.
    const seen = new Set<string>();
    let url: string | null = `${server.url}/san-pham?limit=100`;
    for (let pages = 0; url && pages < 50; pages++) {
      await page.goto(url);
      for (const id of await cardIds(page)) seen.add(id);
      url = await page.locator('a[rel="next"]').getAttribute('href', { timeout: 1000 }).catch(() => null);
      if (url) url = new URL(url, server.url).href;
    }
    expect(seen.has(DEMO_IDS.listedFiveStar)).toBe(true);
    await page.goto(`${server.url}/`);
    for (const id of await cardIds(page)) seen.add(id);
    for (const [id, reason] of gated) {
      expect(seen.has(id)).toBe(false);
      const gone = await page.goto(`${server.url}/san-pham/${id}`);
      expect(gone?.status()).toBe(410);
      expect(gone?.headers()['cache-control']).toBe('no-store');
      expect(await text(page.locator('main'))).toContain(reason);
      expect(await text(page.locator('h1'))).toBe('Sản phẩm không còn được bán');
      expect(await a11yProblems(page)).toEqual([]);
    }
    await page.screenshot({ path: join(screenshotDir, 'desktop-product-gone.png'), fullPage: true });
    await context.close();
  });

  it('storefront: profile and the listed products, with links to them', async () => {
    const { context, page } = await open('mobile');
    const res = await page.goto(`${server.url}/co-so/${DEMO_IDS.someProducer}`);
    expect(res?.status()).toBe(200);
    expect(await text(page.locator('.profile'))).toMatch(/0\d{9}/);
    const ids = await cardIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect((await product(id)).producerId).toBe(DEMO_IDS.someProducer);
    expect(await a11yProblems(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'mobile-storefront.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/san-pham\//), page.locator('.card h3 a').first().click()]);
    expect(await page.locator('.product-info .ocop').isVisible()).toBe(true);
    await context.close();
  });

  it('desktop home and a 400 page look right too', async () => {
    const { context, page } = await open('desktop');
    await page.goto(`${server.url}/`);
    await page.screenshot({ path: join(screenshotDir, 'desktop-home.png'), fullPage: true });
    const bad = await page.goto(`${server.url}/san-pham?minStars=abc`);
    expect(bad?.status()).toBe(400);
    expect(await text(page.locator('h1'))).toBe('Bộ lọc không hợp lệ');
    expect(await a11yProblems(page)).toEqual([]);
    await context.close();
  });
});
