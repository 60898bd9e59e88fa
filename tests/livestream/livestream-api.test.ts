import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount } from '../authz/accounts';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { listed, openShop, type Shop } from '../orders/fixtures';
import { getLive, liveBody, postLive, type LiveAnswer } from './fixtures';

const NOW = '2026-11-23T03:00:00.000Z';
const DAY = 24 * 3600_000;

describe('livestreams API', () => {
  let shop: Shop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  const schedule = async (body: unknown, who = shop.ownerA) => {
    const res = await postLive(shop.app, who, '', body);
    return { res, live: res.status === 201 ? ((await res.clone().json()) as LiveAnswer) : undefined };
  };

  it('schedules a live of its own product; the page shows live price, regular price and quota left, the embed derived', async () => {
    const { res, live } = await schedule(liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000, quota: 60 }]));
    expect(res.status).toBe(201);
    expect(live).toMatchObject({ status: 'scheduled', allowedActions: ['start', 'cancel'], embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    const detail = await getLive(shop.app, live!.id);
    expect(detail.products).toEqual([expect.objectContaining({ productId: shop.honey.id, livePriceVnd: 99_000, regularPriceVnd: 150_000, quota: 60, quotaLeft: 60 })]);
  });

  it('stores times in UTC whatever offset they were typed in', async () => {
    const { live } = await schedule(liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }], { startsAt: '2026-11-23T19:00:00+07:00', endsAt: '2026-11-23T21:00:00+07:00' }));
    expect(live).toMatchObject({ startsAt: '2026-11-23T12:00:00.000Z', endsAt: '2026-11-23T14:00:00.000Z' });
  });

  it('refuses a live price that is not below the lowest price of the last 30 days (422 with the price to beat)', async () => {
    // Sold at 100.000 ₫ ten days ago, raised to 180.000 ₫ yesterday: 150.000 ₫ "live" is no discount.
    const before = await listed(shop.services, { id: 'mat-ong-tang-gia', producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 100_000, stock: 30, updatedAt: new Date(Date.parse(NOW) - 10 * DAY).toISOString() });
    await shop.services.catalog.saveProduct({ ...before, priceVnd: 180_000, updatedAt: new Date(Date.parse(NOW) - DAY).toISOString() }, before);
    const { res } = await schedule(liveBody(clock.now(), [{ productId: before.id, livePriceVnd: 150_000 }]));
    expect(res.status).toBe(422);
    const body = await expectErrorShape(res, 'LIVE_PRICE_NOT_A_DISCOUNT');
    expect(body.error.details).toEqual({ priceToBeatVnd: 100_000, items: [{ productId: before.id, livePriceVnd: 150_000, priceToBeatVnd: 100_000 }] });
    expect((await schedule(liveBody(clock.now(), [{ productId: before.id, livePriceVnd: 99_999 }]))).res.status).toBe(201);
  });

  it('a price from 31 days ago no longer counts; the one in effect when the window opened does', async () => {
    const p = await listed(shop.services, { id: 'mat-ong-cu', producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 50_000, stock: 30, updatedAt: new Date(Date.parse(NOW) - 40 * DAY).toISOString() });
    const mid = { ...p, priceVnd: 120_000, updatedAt: new Date(Date.parse(NOW) - 31 * DAY).toISOString() };
    await shop.services.catalog.saveProduct(mid, p);
    await shop.services.catalog.saveProduct({ ...mid, priceVnd: 200_000, updatedAt: new Date(Date.parse(NOW) - 5 * DAY).toISOString() }, mid);
    const refused = (await schedule(liveBody(clock.now(), [{ productId: p.id, livePriceVnd: 120_000 }]))).res;
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.details.priceToBeatVnd).toBe(120_000);
    expect((await schedule(liveBody(clock.now(), [{ productId: p.id, livePriceVnd: 119_000 }]))).res.status).toBe(201);
  });

  it('variants: the variant is required and its own history counts', async () => {
    expect((await schedule(liveBody(clock.now(), [{ productId: shop.tea.id, livePriceVnd: 80_000 }]), shop.ownerB)).res.status).toBe(409);
    const ok = await schedule(liveBody(clock.now(), [{ productId: shop.tea.id, variantId: 'hop-250g', livePriceVnd: 180_000, quota: 3 }]), shop.ownerB);
    expect(ok.res.status).toBe(201);
    const detail = await getLive(shop.app, ok.live!.id);
    expect(detail.products![0]).toMatchObject({ variantId: 'hop-250g', regularPriceVnd: 200_000, quotaLeft: 3, stock: 5 });
    const tooHigh = (await schedule(liveBody(clock.now(), [{ productId: shop.tea.id, variantId: 'goi-100g', livePriceVnd: 90_000 }]), shop.ownerB)).res;
    expect(tooHigh.status).toBe(422);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)//www.youtube.com'],
    ['a lookalike host', 'https://www.youtube.com.evil.vn/watch?v=dQw4w9WgXcQ'],
    ['another platform', 'https://www.tiktok.com/@htx/live'],
    ['plain http', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ])('refuses a stream URL: %s (400 INVALID_STREAM_URL)', async (_label, streamUrl) => {
    const { res } = await schedule(liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }], { streamUrl }));
    expect(res.status).toBe(400);
    await expectErrorShape(res, 'INVALID_STREAM_URL');
  });

  it('refuses bad times, another storefront’s product, a product the 3★ gate hides, and a duplicate line', async () => {
    const at = clock.now();
    const times = (startsAt: string, endsAt: string) => schedule(liveBody(at, [{ productId: shop.honey.id, livePriceVnd: 99_000 }], { startsAt, endsAt }));
    expect((await times('2026-11-23T05:00:00Z', '2026-11-23T05:00:00Z')).res.status).toBe(400);
    expect((await times('2026-11-23T05:00:00Z', '2026-11-23T17:00:01Z')).res.status).toBe(400);
    expect((await times('2026-11-22T05:00:00Z', '2026-11-22T06:00:00Z')).res.status).toBe(400);

    const foreign = (await schedule(liveBody(at, [{ productId: shop.tea.id, variantId: 'goi-100g', livePriceVnd: 50_000 }]))).res;
    expect(foreign.status).toBe(403);
    await expectErrorShape(foreign, 'NOT_STOREFRONT_OWNER');

    const lowStars = await listed(shop.services, { id: 'mat-ong-hai-sao', producerId: 'htx-a', priceVnd: 100_000, certificate: makeCertificateSnapshot({ stars: 2 }) });
    const gated = (await schedule(liveBody(at, [{ productId: lowStars.id, livePriceVnd: 50_000 }]))).res;
    expect(gated.status).toBe(409);
    const body = await expectErrorShape(gated, 'PRODUCT_NOT_FEATURABLE');
    expect(body.error.details).toEqual({ items: [{ productId: lowStars.id, reason: 'BELOW_THREE_STARS', message: expect.any(String) }] });

    const dup = (await schedule(liveBody(at, [{ productId: shop.honey.id, livePriceVnd: 99_000 }, { productId: shop.honey.id, livePriceVnd: 98_000 }]))).res;
    expect(dup.status).toBe(400);
    await expectErrorShape(dup, 'DUPLICATE_LIVE_PRODUCT');
  });

  it('an admin schedules for a named storefront; a shopper cannot schedule at all', async () => {
    const admin = await createTestAccount(shop.services, 'admin');
    const body = liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }]);
    expect((await schedule(body, admin)).res.status).toBe(400);
    expect((await schedule({ ...body, producerId: 'htx-a' }, admin)).res.status).toBe(201);
    expect((await schedule(body, shop.shopper)).res.status).toBe(403);
    expect((await postLive(shop.app, undefined, '', body)).status).toBe(401);
  });

  it('lifecycle: start early, end early, nothing after; cancel before start; lists follow the clock', async () => {
    const { live } = await schedule(liveBody(clock.now(), [{ productId: shop.fishSauce.id, livePriceVnd: 99_000 }], { title: 'Nước mắm live' }));
    const id = live!.id;
    const ids = async (status: string) => ((await (await shop.app.request(`/api/livestreams?status=${status}`)).json()).items as LiveAnswer[]).map((l) => l.id);
    expect(await ids('upcoming')).toContain(id);
    expect(await ids('live')).not.toContain(id);

    expect((await postLive(shop.app, shop.ownerB, `/${id}/start`)).status).toBe(403);
    const started = await postLive(shop.app, shop.ownerA, `/${id}/start`);
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ status: 'live', startedAt: NOW, allowedActions: ['end'] });
    expect(await ids('live')).toContain(id);
    const again = await postLive(shop.app, shop.ownerA, `/${id}/start`);
    expect(again.status).toBe(409);
    expect((await expectErrorShape(again, 'ILLEGAL_LIVE_TRANSITION')).error.details).toEqual({ from: 'live', to: 'live', allowed: ['end'] });
    expect((await postLive(shop.app, shop.ownerA, `/${id}/cancel`, { reason: 'Đổi ý' })).status).toBe(409);

    clock.set(Date.parse(NOW) + 10 * 60_000);
    const ended = await postLive(shop.app, shop.ownerA, `/${id}/end`);
    expect(await ended.json()).toMatchObject({ status: 'ended', endedAt: clock.now().toISOString() });
    expect(await ids('ended')).toContain(id);
    expect(await ids('live')).not.toContain(id);
    expect((await postLive(shop.app, shop.ownerA, `/${id}/end`)).status).toBe(409);

    const other = (await schedule(liveBody(clock.now(), [{ productId: shop.fishSauce.id, livePriceVnd: 99_000 }]))).live!;
    expect((await postLive(shop.app, shop.ownerA, `/${other.id}/cancel`, {})).status).toBe(400);
    const cancelled = await postLive(shop.app, shop.ownerA, `/${other.id}/cancel`, { reason: 'Mất điện ở xưởng' });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Mất điện ở xưởng', allowedActions: [] });
    clock.set(Date.parse(other.startsAt) + 60_000);
    expect(await ids('live')).not.toContain(other.id);
    expect(await ids('ended')).not.toContain(other.id);
  });

  it('a scheduled live opens and closes by the clock alone; "upcoming" means the next 7 days', async () => {
    const soon = (await schedule(liveBody(clock.now(), [{ productId: shop.fishSauce.id, livePriceVnd: 99_000 }]))).live!;
    const far = (await schedule(liveBody(new Date(Date.parse(NOW) + 8 * DAY), [{ productId: shop.fishSauce.id, livePriceVnd: 99_000 }]))).live!;
    const list = async (status: string) => ((await (await shop.app.request(`/api/livestreams?status=${status}`)).json()).items as LiveAnswer[]).map((l) => l.id);
    expect(await list('upcoming')).toContain(soon.id);
    expect(await list('upcoming')).not.toContain(far.id);
    clock.set(soon.startsAt);
    expect(await list('live')).toContain(soon.id);
    expect((await getLive(shop.app, soon.id)).status).toBe('live');
    clock.set(soon.endsAt);
    expect((await getLive(shop.app, soon.id)).status).toBe('ended');
    expect(await list('ended')).toContain(soon.id);
  });

  it('filters by province and group; unknown ids are 404; a product the gate hides later leaves the live page', async () => {
    const { live } = await schedule(liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }, { productId: shop.fishSauce.id, livePriceVnd: 99_000 }]));
    const ofProvince = async (q: string) => ((await (await shop.app.request(`/api/livestreams?status=upcoming&${q}`)).json()).items as LiveAnswer[]).map((l) => l.id);
    expect(await ofProvince('province=91')).toContain(live!.id);
    expect(await ofProvince('province=01')).not.toContain(live!.id);
    expect(await ofProvince('group=food')).toContain(live!.id);
    const missing = await shop.app.request('/api/livestreams/live-khongco123');
    expect(missing.status).toBe(404);
    await expectErrorShape(missing, 'LIVESTREAM_NOT_FOUND');

    const fish = (await shop.services.catalog.getProduct(shop.fishSauce.id))!;
    await shop.services.catalog.saveProduct({ ...fish, status: 'archived', updatedAt: new Date(Date.parse(NOW) + 1000).toISOString() }, fish);
    expect((await getLive(shop.app, live!.id)).products!.map((p) => p.productId)).toEqual([shop.honey.id]);
    await shop.services.catalog.saveProduct({ ...fish, updatedAt: new Date(Date.parse(NOW) + 2000).toISOString() }, { ...fish, status: 'archived', updatedAt: new Date(Date.parse(NOW) + 1000).toISOString() });
  });

  it('figures are for the storefront (and admins) only', async () => {
    const { live } = await schedule(liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }]));
    const get = (who: typeof shop.ownerA) => shop.app.request(`/api/livestreams/${live!.id}/figures`, { headers: who.bearer });
    expect((await get(shop.ownerB)).status).toBe(403);
    const mine = await get(shop.ownerA);
    expect(await mine.json()).toMatchObject({ livestreamId: live!.id, orders: 0, units: 0, revenueVnd: 0 });
  });
});

describe('following a storefront’s lives', () => {
  it('followers get an in-app notice when the live starts; unfollowing stops them', async () => {
    const clock = new ManualClock(NOW);
    const shop = await openShop({ clock });
    const fan = await createTestAccount(shop.services, 'shopper');
    const follow = await shop.app.request('/api/livestream-follows', { method: 'POST', headers: { ...fan.bearer, 'content-type': 'application/json' }, body: JSON.stringify({ producerId: 'htx-a' }) });
    expect(follow.status).toBe(201);
    expect((await shop.app.request('/api/livestream-follows', { method: 'POST', headers: { ...fan.bearer, 'content-type': 'application/json' }, body: JSON.stringify({ producerId: 'khong-co-ai' }) })).status).toBe(404);
    const live = (await (await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }], { title: 'Mật ong tối nay' }))).json()) as LiveAnswer;
    await postLive(shop.app, shop.ownerA, `/${live.id}/start`);
    const notices = await (await shop.app.request('/api/livestream-notifications', { headers: fan.bearer })).json();
    expect(notices.items).toEqual([{ livestreamId: live.id, producerId: 'htx-a', message: 'HTX Mật ong A đang live: Mật ong tối nay', createdAt: NOW }]);
    expect((await (await shop.app.request('/api/livestream-notifications', { headers: shop.shopper.bearer })).json()).items).toEqual([]);

    expect((await shop.app.request('/api/livestream-follows/htx-a', { method: 'DELETE', headers: fan.bearer })).status).toBe(200);
    clock.set(Date.parse(NOW) + 60_000);
    const next = (await (await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }]))).json()) as LiveAnswer;
    await postLive(shop.app, shop.ownerA, `/${next.id}/start`);
    expect((await (await shop.app.request('/api/livestream-notifications', { headers: fan.bearer })).json()).items).toHaveLength(1);
  });
});
