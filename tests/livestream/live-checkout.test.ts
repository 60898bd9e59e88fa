import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseUnpaid } from '../../shared/orders/payment-expiry';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { address, listed, openShop, placeRequest, stockOf, type OrderAnswer, type Shop } from '../orders/fixtures';
import { getLive, liveBody, postLive, type LiveAnswer } from './fixtures';

const NOW = '2026-11-23T03:00:00.000Z';

describe('checkout at the live price', () => {
  let shop: Shop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  async function liveOf(products: { productId: string; variantId?: string; livePriceVnd: number; quota?: number }[], who = shop.ownerA): Promise<LiveAnswer> {
    const res = await postLive(shop.app, who, '', liveBody(clock.now(), products));
    if (res.status !== 201) throw new Error(`schedule: ${res.status} ${await res.text()}`);
    return (await res.json()) as LiveAnswer;
  }
  const buy = (items: unknown[], key = randomUUID(), who = shop.shopper, paymentMethod = 'cod') => shop.app.request(placeRequest(who, { items, shippingAddress: address, paymentMethod }, key));

  it('inside the window: the line is priced at the live price, says its live, takes the quota; figures follow', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000, quota: 5 }]);
    clock.set(live.startsAt);
    const res = await buy([{ productId: p.id, quantity: 2, livestreamId: live.id }]);
    expect(res.status).toBe(201);
    const order = (await res.json()) as OrderAnswer;
    expect(order.subOrders[0]!.items[0]).toMatchObject({ unitPriceVnd: 99_000, lineTotalVnd: 198_000, livestreamId: live.id, regularUnitPriceVnd: 150_000 });
    expect((await getLive(shop.app, live.id)).products![0]).toMatchObject({ quotaLeft: 3, stock: 18, regularPriceVnd: 150_000 });
    const figures = await (await shop.app.request(`/api/livestreams/${live.id}/figures`, { headers: shop.ownerA.bearer })).json();
    expect(figures).toMatchObject({ orders: 1, units: 2, revenueVnd: 198_000 });

    // Without livestreamId the same product is at its regular price, and the quota is untouched.
    const regular = (await (await buy([{ productId: p.id, quantity: 1 }])).json()) as OrderAnswer;
    expect(regular.subOrders[0]!.items[0]).toMatchObject({ unitPriceVnd: 150_000 });
    expect(regular.subOrders[0]!.items[0]!).not.toHaveProperty('livestreamId');
    expect((await getLive(shop.app, live.id)).products![0]!.quotaLeft).toBe(3);
  });

  it('outside the window, for a cancelled live, or a product it does not feature: 409 LIVE_PRICE_UNAVAILABLE with the regular price', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000 }]);
    const refused = async (status: string) => {
      const res = await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }]);
      expect(res.status).toBe(409);
      expect((await expectErrorShape(res, 'LIVE_PRICE_UNAVAILABLE')).error.details).toEqual({ livestreamId: live.id, productId: p.id, status, regularPriceVnd: 150_000 });
    };
    clock.set(Date.parse(live.startsAt) - 1);
    await refused('scheduled');
    clock.set(Date.parse(live.endsAt) - 1);
    expect((await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }])).status).toBe(201);
    clock.set(live.endsAt);
    await refused('ended');
    expect((await stockOf(shop.services, p.id)).stock).toBe(19);

    clock.set(NOW);
    const cancelled = await liveOf([{ productId: p.id, livePriceVnd: 99_000 }]);
    await postLive(shop.app, shop.ownerA, `/${cancelled.id}/cancel`, { reason: 'Mất điện' });
    clock.set(cancelled.startsAt);
    const res = await buy([{ productId: p.id, quantity: 1, livestreamId: cancelled.id }]);
    expect((await expectErrorShape(res, 'LIVE_PRICE_UNAVAILABLE')).error.details).toMatchObject({ status: 'cancelled' });

    const other = await buy([{ productId: shop.fishSauce.id, quantity: 1, livestreamId: cancelled.id }]);
    expect((await expectErrorShape(other, 'LIVE_PRICE_UNAVAILABLE')).error.details).toMatchObject({ status: 'not_featured', regularPriceVnd: 120_000 });
  });

  it('an early end stops the live price at that second', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000 }]);
    await postLive(shop.app, shop.ownerA, `/${live.id}/start`);
    expect((await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }])).status).toBe(201);
    await postLive(shop.app, shop.ownerA, `/${live.id}/end`);
    expect((await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }])).status).toBe(409);
  });

  it('an exhausted quota is 409 LIVE_QUOTA_EXHAUSTED, never the regular price; a cancelled order gives its units back', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000, quota: 2 }]);
    clock.set(live.startsAt);
    const first = (await (await buy([{ productId: p.id, quantity: 2, livestreamId: live.id }])).json()) as OrderAnswer;
    const more = await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }]);
    expect(more.status).toBe(409);
    expect((await expectErrorShape(more, 'LIVE_QUOTA_EXHAUSTED')).error.details).toEqual({ livestreamId: live.id, productId: p.id, quotaLeft: 0, requested: 1 });
    expect((await stockOf(shop.services, p.id)).stock).toBe(18);

    const cancel = await shop.app.request(`/api/orders/${first.id}/cancel`, { method: 'POST', headers: { ...shop.shopper.bearer, 'content-type': 'application/json' }, body: '{}' });
    expect(cancel.status).toBe(200);
    expect((await getLive(shop.app, live.id)).products![0]).toMatchObject({ quotaLeft: 2, stock: 20 });
    const figures = await (await shop.app.request(`/api/livestreams/${live.id}/figures`, { headers: shop.ownerA.bearer })).json();
    expect(figures).toMatchObject({ orders: 0, units: 0, revenueVnd: 0 });
  });

  it('an unpaid transfer order released by the timer returns its live quota', async () => {
    const live = await liveOf([{ productId: shop.tea.id, variantId: 'hop-250g', livePriceVnd: 150_000, quota: 2 }], shop.ownerB);
    clock.set(live.startsAt);
    const res = await buy([{ productId: shop.tea.id, variantId: 'hop-250g', quantity: 2, livestreamId: live.id }], randomUUID(), shop.shopper, 'vietqr');
    expect(res.status).toBe(201);
    expect((await getLive(shop.app, live.id)).products![0]!.quotaLeft).toBe(0);
    clock.set(Date.parse(live.startsAt) + 31 * 60_000);
    expect((await releaseUnpaid(shop.services)).released).toBeGreaterThanOrEqual(1);
    expect((await getLive(shop.app, live.id)).products![0]!.quotaLeft).toBe(2);
  });

  it('a retried POST with the same key answers the same order and takes the quota once', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000, quota: 10 }]);
    clock.set(live.startsAt);
    const key = randomUUID();
    const items = [{ productId: p.id, quantity: 3, livestreamId: live.id }];
    const [a, b] = await Promise.all([buy(items, key), buy(items, key)]);
    const ids = [((await a.json()) as OrderAnswer).id, ((await b.json()) as OrderAnswer).id];
    expect(ids[0]).toBe(ids[1]);
    const again = await buy(items, key);
    expect(((await again.json()) as OrderAnswer).id).toBe(ids[0]);
    expect((await getLive(shop.app, live.id)).products![0]).toMatchObject({ quotaLeft: 7, stock: 17 });
  });

  it('a live line and a regular line of the same product in one order are refused (one price per item)', async () => {
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const live = await liveOf([{ productId: p.id, livePriceVnd: 99_000 }]);
    clock.set(live.startsAt);
    const res = await buy([{ productId: p.id, quantity: 1, livestreamId: live.id }, { productId: p.id, quantity: 1 }]);
    expect(res.status).toBe(400);
    await expectErrorShape(res, 'MIXED_LIVE_LINES');
  });
});

describe('live rush on DynamoDB Local: 300 concurrent buyers, quota 60', () => {
  it('exactly 60 buy at the live price, every other gets 409 LIVE_QUOTA_EXHAUSTED; stock and quota agree', async () => {
    const clock = new ManualClock(NOW);
    const shop = await openShop({ clock });
    const buyers = await Promise.all(Array.from({ length: 300 }, () => createTestAccount(shop.services, 'shopper')));
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 100 });
    const res = await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), [{ productId: p.id, livePriceVnd: 99_000, quota: 60 }]));
    const live = (await res.json()) as LiveAnswer;
    clock.set(live.startsAt);

    const answers = await Promise.all(
      buyers.map(async (b) => {
        const r = await shop.app.request(placeRequest(b, { items: [{ productId: p.id, quantity: 1, livestreamId: live.id }], shippingAddress: address, paymentMethod: 'cod' }, randomUUID()));
        return { status: r.status, body: (await r.json()) as OrderAnswer & { error?: { code: string } } };
      }),
    );
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    expect(statuses).toEqual({ 201: 60, 409: 240 });
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error?.code === 'LIVE_QUOTA_EXHAUSTED')).toBe(true);
    expect(answers.filter((a) => a.status === 201).every((a) => a.body.subOrders[0]!.items[0]!.unitPriceVnd === 99_000)).toBe(true);

    expect((await stockOf(shop.services, p.id)).stock).toBe(40);
    const detail = await getLive(shop.app, live.id);
    expect(detail.products![0]).toMatchObject({ quotaLeft: 0, stock: 40 });
    const figures = await (await shop.app.request(`/api/livestreams/${live.id}/figures`, { headers: shop.ownerA.bearer })).json();
    expect(figures).toMatchObject({ orders: 60, units: 60, revenueVnd: 60 * 99_000 });
    const placed = await Promise.all(buyers.map(async (b) => (await shop.services.orders.listBuyerOrders(b.account.id, 10)).items.length));
    expect(placed.reduce((s, n) => s + n, 0)).toBe(60);
  }, 180_000);
});
