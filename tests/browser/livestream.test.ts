import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import { sendStartNotices } from '../../shared/livestream/start-notices';
import { ManualClock } from '../../shared/time/clock';
import { TEST_PASSWORD } from '../authz/accounts';
import { openShop, type Shop } from '../orders/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { clickAndWait, launchChromium, phonePage, signInThroughForm } from '../support/chromium';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');

/**
 * A live as people use it in a real browser: the producer schedules it in the dashboard form (Vietnam
 * time), starts it early; a shopper finds it under "Đang live", buys at the live price and sees the
 * quota go down.
 */
describe('livestream: schedule, go live, buy at the live price (Chromium)', () => {
  let shop: Shop;
  let server: TestServer;
  let browser: Browser;
  const clock = new ManualClock('2026-11-23T03:00:00.000Z');

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    shop = await openShop({ clock });
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
  const shot = (p: Page, name: string) => p.screenshot({ path: join(screenshotDir, `livestream-${name}.png`), fullPage: true });

  it('the producer schedules and starts a live; a shopper buys at 99.000 ₫ and the quota goes from 5 to 4', async () => {
    // 1. The producer schedules tonight 19:00–21:00 Vietnam time (12:00–14:00 UTC) and starts early.
    const p = await person();
    await signIn(p, shop.ownerA.account.email, '/co-so-cua-toi/livestream');
    expect(new URL(p.url()).pathname).toBe('/co-so-cua-toi/livestream');
    await p.fill('#truong-title', 'Mật ong rừng giá live');
    await p.selectOption('#truong-platform', 'youtube');
    await p.fill('#truong-streamUrl', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await p.fill('#truong-startsAt', '2026-11-23T19:00');
    await p.fill('#truong-endsAt', '2026-11-23T21:00');
    await p.selectOption('#truong-productId', shop.honey.id);
    await p.fill('#truong-livePriceVnd', '150000');
    await p.fill('#truong-quota', '5');
    // Not a discount: refused in the form with the price to beat.
    expect(await go(p, 'button', 'Lên lịch')).toBe(422);
    expect(await p.locator('main').innerText()).toContain('150.000');
    await p.fill('#truong-livePriceVnd', '99000');
    expect(await go(p, 'button', 'Lên lịch')).toBe(200);
    const card = p.locator('.live-card').first();
    expect(await card.innerText()).toContain('19:00 23/11/2026');
    await shot(p, 'scheduled');
    expect(await go(p, 'button', 'Bắt đầu live')).toBe(200);
    expect(await p.locator('.live-card').first().innerText()).toContain('Đang live');

    // 2. A shopper finds it under "Đang live" on the home page, opens it, buys at the live price.
    const s = await person();
    await signIn(s, shop.shopper.account.email, '/');
    expect(await s.locator('.live-strip').innerText()).toContain('Mật ong rừng giá live');
    expect(await go(s, 'link', 'Mật ong rừng giá live', '.live-strip')).toBe(200);
    expect(await s.locator('iframe.live-player').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const row = s.locator(`tr[data-product="${shop.honey.id}"]`);
    expect(await row.locator('.live-price').innerText()).toBe('99.000\u00a0₫');
    expect(await row.locator('.regular-price').innerText()).toBe('150.000\u00a0₫');
    expect(await row.locator('.quota-left').innerText()).toBe('Còn 5/5');
    await shot(s, 'live-page');
    expect(await go(s, 'button', 'Mua giá live')).toBe(200);
    expect(new URL(s.url()).pathname).toBe('/thanh-toan');
    const summary = await s.locator('main').innerText();
    expect(summary).toContain('99.000\u00a0₫');
    await s.fill('main [name=recipientName]', 'Trần Văn Minh');
    await s.fill('main [name=phone]', '0987 654 321');
    await s.selectOption('main [name=provinceCode]', '01');
    await s.fill('main [name=commune]', 'phường Hoàn Kiếm');
    await s.fill('main [name=street]', '8 Hàng Bạc');
    expect(await go(s, 'button', 'Đặt hàng')).toBe(200);
    expect(new URL(s.url()).pathname).toMatch(/^\/don-hang\//);
    expect(await s.locator('main').innerText()).toContain('99.000\u00a0₫');

    // 3. Back on the live's page the quota went down; the producer's figures count the order.
    const live = (await shop.services.livestreams.ofProducer('htx-a', 1))[0]!;
    await s.goto(`${server.url}/livestream/${live.id}`);
    expect(await s.locator(`tr[data-product="${shop.honey.id}"] .quota-left`).innerText()).toBe('Còn 4/5');
    await p.reload();
    expect(await p.locator('.live-figures').first().innerText()).toContain('1 đơn');
    await shot(p, 'figures');

    // 4. After the end the checkout shows the regular price and why, before paying.
    clock.set('2026-11-23T14:00:00.000Z');
    await s.goto(`${server.url}/thanh-toan?product=${shop.honey.id}&qty=1&live=${live.id}`);
    expect(await s.locator('[role=alert]').first().innerText()).toContain('buổi live đã kết thúc: tính giá thường 150.000');
  }, 120_000);

  it('the producer edits a scheduled live, a shopper follows it from its page, the clock opens it and a replay is attached after the end', async () => {
    clock.set('2026-11-24T03:00:00.000Z');
    const p = await person();
    await signIn(p, shop.ownerA.account.email, '/co-so-cua-toi/livestream');
    await p.fill('#truong-title', 'Nước mắm tối thứ Ba');
    await p.fill('#truong-streamUrl', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await p.fill('#truong-startsAt', '2026-11-24T19:00');
    await p.fill('#truong-endsAt', '2026-11-24T21:00');
    await p.selectOption('#truong-productId', shop.fishSauce.id);
    await p.fill('#truong-livePriceVnd', '99000');
    expect(await go(p, 'button', 'Lên lịch')).toBe(200);
    const live = (await shop.services.livestreams.ofProducer('htx-a', 5)).find((l) => l.title === 'Nước mắm tối thứ Ba')!;
    const card = p.locator(`.live-card[data-live="${live.id}"]`);

    // Edit: one hour later, a lower live price; a price that is no discount is refused in Vietnamese.
    await card.getByText('Sửa buổi live').click();
    await card.locator('[name=startsAt]').fill('2026-11-24T20:00');
    await card.locator('[name=endsAt]').fill('2026-11-24T22:00');
    await card.locator('[name=livePriceVnd]').fill('500000');
    expect(await go(p, 'button', 'Lưu thay đổi', `.live-card[data-live="${live.id}"]`)).toBe(422);
    expect(await p.locator('[role=alert]').first().innerText()).toContain('Sửa buổi live: Giá live phải thấp hơn');
    await card.getByText('Sửa buổi live').click();
    await card.locator('[name=startsAt]').fill('2026-11-24T20:00');
    await card.locator('[name=endsAt]').fill('2026-11-24T22:00');
    await card.locator('[name=livePriceVnd]').fill('89000');
    expect(await go(p, 'button', 'Lưu thay đổi', `.live-card[data-live="${live.id}"]`)).toBe(200);
    expect(await p.locator('[role=status]').first().innerText()).toContain('Đã lưu thay đổi');
    expect(await card.innerText()).toContain('20:00 24/11/2026');
    await shot(p, 'edited');

    // A shopper follows the storefront from the live's page.
    const s = await person();
    await signIn(s, shop.shopper.account.email, `/livestream/${live.id}`);
    expect(await s.locator(`tr[data-product="${shop.fishSauce.id}"] .live-price`).innerText()).toBe('89.000\u00a0₫');
    expect(await go(s, 'button', /^Theo dõi/)).toBe(200);
    expect(await s.locator('.follow-form [role=status]').innerText()).toContain('Đã theo dõi');
    await shot(s, 'followed');

    // 20:00 Vietnam time: nobody presses start; the job tells the follower once.
    clock.set('2026-11-24T13:00:00.000Z');
    expect((await sendStartNotices(shop.services)).announced).toBe(1);
    const notices = await shop.services.liveFollows.notices(shop.shopper.account.id);
    expect(notices.map((n) => n.livestreamId)).toContain(live.id);

    // After the end the producer attaches the replay; the page plays it under "Xem lại".
    clock.set('2026-11-24T15:00:00.000Z');
    // Twelve hours on, the morning's session has lapsed: the producer signs in again.
    await signIn(p, shop.ownerA.account.email, '/co-so-cua-toi/livestream');
    await card.locator('[name=replayUrl]').fill('https://youtu.be/aqz-KE-bpKQ');
    expect(await go(p, 'button', 'Lưu', `.live-card[data-live="${live.id}"]`)).toBe(200);
    await s.goto(`${server.url}/livestream/${live.id}`);
    expect(await s.getByRole('heading', { name: 'Xem lại' }).count()).toBe(1);
    expect(await s.locator('iframe.live-player').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    await shot(s, 'replay');
  }, 120_000);
});
