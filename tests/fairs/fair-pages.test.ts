import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock';
import { listed } from '../orders/fixtures';
import { boothFor, fairIn, ok, openFairShop, send, type FairShop } from './fixtures';
import { inquiryBody } from './matrix-support';

const NOW = '2026-11-23T03:00:00.000Z';

describe('fair pages (server-rendered, Vietnamese)', () => {
  let shop: FairShop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openFairShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await shop.app.request(path, { headers });
    return { status: res.status, html: await res.text() };
  };

  it('lobby → fair → hall → booth, with the fair-price buy form only inside the window; the visits are counted', async () => {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 2);
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', name: 'Mật ong hoa nhãn', priceVnd: 150_000, stock: 30 });
    await ok(send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/2`, { intro: 'Mật ong Phú Quốc', products: [{ productId: p.id, fairPriceVnd: 120_000 }] }));
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));

    const lobby = await page('/hoi-cho');
    expect(lobby.status).toBe(200);
    expect(lobby.html).toContain(`href="/hoi-cho/${fair.id}"`);
    expect(lobby.html).toContain('Hội chợ OCOP trực tuyến');
    const fairPage = await page(`/hoi-cho/${fair.id}`);
    expect(fairPage.html).toContain(`href="/hoi-cho/${fair.id}/khu/h1"`);
    const hall = await page(`/hoi-cho/${fair.id}/khu/h1?tinh=91`);
    expect(hall.html).toContain(`href="/hoi-cho/${fair.id}/gian/2"`);
    expect((await page(`/hoi-cho/${fair.id}/khu/h1?tinh=01`)).html).not.toContain(`/gian/2"`);

    const before = await page(`/hoi-cho/${fair.id}/gian/2`);
    expect(before.html).toContain('Giá hội chợ chỉ áp dụng khi hội chợ đang diễn ra');
    expect(before.html).not.toContain('name="fair"');
    clock.set(fair.startsAt);
    const during = await page(`/hoi-cho/${fair.id}/gian/2`);
    expect(during.html).toContain(`name="fair" value="${fair.id}"`);
    expect(during.html).toContain('120.000');
    expect(during.html).toContain('Mua giá hội chợ');
    expect(during.html).toContain('name="website"');

    const d = await ok<{ totals: { views: number; uniques: number } }>(send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}/dashboard`));
    // The fair page, 2 hall pages and 2 booth pages: every view of the fair counted once (the lobby is not a fair's).
    expect(d.totals.views).toBe(5);

    const checkout = await page(`/thanh-toan?product=${p.id}&qty=1&fair=${fair.id}`, shop.shopper.cookie);
    expect(checkout.status).toBe(200);
    expect(checkout.html).toContain('120.000');
    expect(checkout.html).toContain(`|${fair.id}`);
  });

  it('the inquiry form posts, redirects with a notice, and lands in the exhibitor inbox page; a draft fair page is 404', async () => {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 3);
    const res = await shop.app.request(`/hoi-cho/${fair.id}/gian/3/lien-he`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ ...inquiryBody, website: '' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/hoi-cho/${fair.id}/gian/3?da-gui=1`);
    const inbox = await page('/co-so-cua-toi/hoi-cho', shop.ownerA.cookie);
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain('Sakura Foods');
    const bad = await shop.app.request(`/hoi-cho/${fair.id}/gian/3/lien-he`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: 'company=x' });
    expect(bad.status).toBe(400);
    expect((await bad.text()).includes('role="alert"')).toBe(true);
    const draft = await fairIn(shop, 'draft');
    expect((await page(`/hoi-cho/${draft.id}`)).status).toBe(404);
    expect((await page(`/hoi-cho/${draft.id}`, shop.officer91.cookie)).status).toBe(200);
  });

  it("the organisers' console lists, shows the chart and applications; others are refused", async () => {
    const fair = await fairIn(shop, 'open');
    await ok(send(shop.app, shop.ownerB, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201);
    const list = await page('/quan-ly/hoi-cho', shop.officer91.cookie);
    expect(list.html).toContain(`/quan-ly/hoi-cho/${fair.id}`);
    const one = await page(`/quan-ly/hoi-cho/${fair.id}`, shop.officer91.cookie);
    expect(one.status).toBe(200);
    expect(one.html).toContain('<svg');
    expect(one.html).toContain('HTX Trà B');
    expect(one.html).toContain('Tải CSV');
    expect((await page(`/quan-ly/hoi-cho/${fair.id}`, shop.officer01.cookie)).status).toBe(403);
    expect((await page('/quan-ly/hoi-cho', shop.ownerA.cookie)).status).toBe(403);
  });
});
