import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { seedDemo } from '../../scripts/demo/seed';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { launchChromium } from '../support/chromium';

const NOW = new Date('2026-11-23T03:00:00Z');

/**
 * Issue 10 point 11: a strict CSP on every page, and /api/docs from the project's own files. Run in
 * Chromium with every request off this server refused, so a CDN script (or any outside call) fails.
 */
describe('Content-Security-Policy in Chromium, offline', () => {
  let services: Services;
  let server: TestServer;
  let browser: Browser;
  let mediaDir: string;
  let officer: TestAccount;

  beforeAll(async () => {
    await buildWeb();
    services = await createTestServices({ clock: new ManualClock(NOW) });
    mediaDir = mkdtempSync(join(tmpdir(), 'ocop-csp-media-'));
    await seedDemo(services, new LocalMediaStore(mediaDir), { now: NOW });
    officer = await createTestAccount(services, 'officer', { provinceCode: '91' });
    server = await startTestServer(services, { mediaDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  /** A page whose CSP violations and outside requests are recorded (outside requests are refused). */
  async function openPage(cookie?: TestAccount): Promise<{ page: Page; violations: string[]; outside: string[] }> {
    const context = await browser.newContext({ locale: 'vi-VN' });
    if (cookie) {
      const [name, value] = cookie.cookie.cookie!.split(';')[0]!.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
    }
    const violations: string[] = [];
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(server.url)) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    return { page, violations, outside };
  }

  it('renders Swagger UI at /api/docs from /static, with every operation, no CDN and no CSP violation', async () => {
    const { page, violations, outside } = await openPage();
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.opblock-summary', { timeout: 20_000 });
    expect(await page.locator('.opblock-summary').count()).toBeGreaterThanOrEqual(20);
    await expect(page.locator('.info .title').textContent()).resolves.toContain('Chợ OCOP API');
    // Try an operation: the UI's fetch must be allowed by connect-src.
    await page.locator('.opblock-summary', { hasText: '/api/health' }).first().click();
    await page.locator('button.try-out__btn').first().click();
    await page.locator('button.execute').first().click();
    const status = page.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toContain('200');
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['home', '/'],
    ['product list', '/san-pham'],
    ['product page', `/san-pham/${DEMO_IDS.listedFiveStar}`],
    ['search', '/tim-kiem?q=nuoc+mam'],
    ['sign-in', '/dang-nhap'],
    ['verification', 'verify'],
  ])('%s works under the CSP with no violation', async (_name, given) => {
    const path = given === 'verify' ? `/xac-minh/${encodeURIComponent((await services.catalog.getProduct(DEMO_IDS.listedFiveStar))!.certificate!.certificateNo)}` : given;
    const { page, violations, outside } = await openPage();
    const res = await page.goto(server.url + path);
    expect(res?.headers()['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    // Where the page loads the client script, it ran (it marks <html class="js">): script-src 'self' lets our file through.
    if (await page.locator('script[src$="/app.js"]').count()) await page.waitForFunction(() => document.documentElement.classList.contains('js'));
    // Images (media, QR codes) load under img-src.
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => [...document.images].filter((i) => i.loading !== 'lazy' && i.naturalWidth === 0).map((i) => i.src))).toEqual([]);
    // The inlined CSS applied (style-src): the skip link is moved off-screen by it.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('a.skip')!).position)).toBe('absolute');
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('keeps the province console working under the CSP (forms, inline CSS)', async () => {
    const { page, violations } = await openPage(officer);
    const res = await page.goto(`${server.url}/quan-ly/tinh`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('form').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('a.skip')!).position)).toBe('absolute');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
