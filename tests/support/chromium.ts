import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * What every browser test shares: Debian's Chromium, headless, without the sandbox (containers) and
 * without anything that would reach the network on its own; a mid-range phone in Vietnam.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/** A fresh person: their own cookies, a 390 × 844 phone screen, Vietnamese, Vietnam time. */
export const phonePage = async (browser: Browser): Promise<Page> => (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();

/** Clicks a button or link by its accessible name (within a selector) and waits for the page it leads to; its HTTP status. */
export async function clickAndWait(page: Page, role: 'button' | 'link', name: string | RegExp, within?: string): Promise<number> {
  const scope = within ? page.locator(within) : page;
  const [response] = await Promise.all([page.waitForNavigation(), scope.getByRole(role, { name, exact: typeof name === 'string' }).first().click()]);
  return response?.status() ?? 0;
}

/** Signs in through the real form and lands on `next`. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.fill('main [name=email]', email);
  await page.fill('main [name=password]', password);
  expect(await clickAndWait(page, 'button', 'Đăng nhập')).toBe(200);
}
