import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fairOfferKey } from '../../shared/fairs/keys';
import { keyId } from '../../shared/db/batch-get';
import { ManualClock } from '../../shared/time/clock';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { address, listed, move, placeRequest, stockOf, type OrderAnswer } from '../orders/fixtures';
import { boothFor, fairIn, ok, openFairShop, send, type FairAnswer, type FairShop } from './fixtures';

const NOW = '2026-11-23T03:00:00.000Z';

describe('checkout at the fair price', () => {
  let shop: FairShop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openFairShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  const buy = (items: unknown[], who = shop.shopper) => shop.app.request(placeRequest(who, { items, shippingAddress: address, paymentMethod: 'cod' }, randomUUID()));

  /** A live fair with booth 1 of storefront A featuring a fresh product at 120.000 ₫ (regular 150.000 ₫) and the fish sauce without a fair price. */
  async function fairWithOffer(): Promise<{ fair: FairAnswer; productId: string }> {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 1);
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 30 });
    await ok(send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/1`, { products: [{ productId: p.id, fairPriceVnd: 120_000 }, { productId: shop.fishSauce.id }] }));
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));
    return { fair, productId: p.id };
  }
  const offerOf = async (fairId: string, productId: string) => (await shop.services.fairs.offers([{ fairId, productId }])).get(keyId(fairOfferKey(fairId, productId)));

  it('inside the window the line is at the fair price and names the fair; the boundary seconds: start in, end out', async () => {
    const { fair, productId } = await fairWithOffer();
    const refused = async (reason: string) => {
      const res = await buy([{ productId, quantity: 1, fairId: fair.id }]);
      expect(res.status).toBe(409);
      expect((await expectErrorShape(res, 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toEqual({ fairId: fair.id, productId, reason, regularPriceVnd: 150_000 });
    };
    clock.set(Date.parse(fair.startsAt) - 1000);
    await refused('BEFORE_START');
    clock.set(fair.startsAt);
    const first = await ok<OrderAnswer>(buy([{ productId, quantity: 2, fairId: fair.id }]), 201);
    expect(first.subOrders[0]!.items[0]).toMatchObject({ unitPriceVnd: 120_000, lineTotalVnd: 240_000, fairId: fair.id, regularUnitPriceVnd: 150_000 });
    clock.set(Date.parse(fair.endsAt) - 1000);
    expect((await buy([{ productId, quantity: 1, fairId: fair.id }])).status).toBe(201);
    clock.set(fair.endsAt);
    await refused('AFTER_END');
    expect((await stockOf(shop.services, productId)).stock).toBe(27);
    expect(await offerOf(fair.id, productId)).toMatchObject({ orderCount: 2, soldUnits: 3, revenueVnd: 360_000 });

    // Without fairId the product is at its regular price and the fair's figures do not move.
    clock.set(fair.startsAt);
    const regular = await ok<OrderAnswer>(buy([{ productId, quantity: 1 }]), 201);
    expect(regular.subOrders[0]!.items[0]).toMatchObject({ unitPriceVnd: 150_000 });
    expect(regular.subOrders[0]!.items[0]).not.toHaveProperty('fairId');
    expect((await offerOf(fair.id, productId))!.orderCount).toBe(2);
  });

  it('not while the fair is only open, nor for a product without a fair price or of another booth; never a silent switch', async () => {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 1);
    const p = await listed(shop.services, { producerId: 'htx-a', priceVnd: 150_000, stock: 30 });
    await ok(send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/1`, { products: [{ productId: p.id, fairPriceVnd: 120_000 }, { productId: shop.fishSauce.id }] }));
    clock.set(fair.startsAt);
    expect((await expectErrorShape(await buy([{ productId: p.id, quantity: 1, fairId: fair.id }]), 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toMatchObject({ reason: 'NOT_LIVE' });
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));
    expect((await buy([{ productId: p.id, quantity: 1, fairId: fair.id }])).status).toBe(201);
    for (const line of [
      { productId: shop.fishSauce.id, quantity: 1, fairId: fair.id },
      { productId: shop.honey.id, quantity: 1, fairId: fair.id },
      { productId: shop.tea.id, variantId: 'goi-100g', quantity: 1, fairId: fair.id },
    ]) {
      expect((await expectErrorShape(await buy([line]), 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toMatchObject({ reason: 'NOT_FEATURED' });
    }
    expect((await expectErrorShape(await buy([{ productId: p.id, quantity: 1, fairId: 'fair-doesnotexist1' }]), 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toMatchObject({ reason: 'FAIR_NOT_FOUND' });
    expect((await buy([{ productId: p.id, quantity: 1, fairId: fair.id, livestreamId: 'live-0kx4m2k9p7a4f8' }])).status).toBe(400);
    expect((await buy([{ productId: p.id, quantity: 1, fairId: fair.id }, { productId: p.id, quantity: 1 }])).status).toBe(400);
  });

  it('a product the 3★ gate hides since the booth was dressed gets no fair price (409 FAIR_PRICE_NOT_AVAILABLE)', async () => {
    const { fair, productId } = await fairWithOffer();
    clock.set(fair.startsAt);
    const product = (await shop.services.catalog.getProduct(productId))!;
    await shop.services.catalog.saveProduct({ ...product, certificate: makeCertificateSnapshot({ stars: 2 }) }, product);
    const res = await buy([{ productId, quantity: 1, fairId: fair.id }]);
    expect(res.status).toBe(409);
    expect((await expectErrorShape(res, 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toMatchObject({ fairId: fair.id, productId });
  });

  it('closing the fair early stops the fair price at that second; a cancelled line leaves the figures', async () => {
    const { fair, productId } = await fairWithOffer();
    clock.set(Date.parse(fair.startsAt) + 3600_000);
    const order = await ok<OrderAnswer>(buy([{ productId, quantity: 2, fairId: fair.id }]), 201);
    expect(await offerOf(fair.id, productId)).toMatchObject({ orderCount: 1, soldUnits: 2, revenueVnd: 240_000 });
    await ok(move(shop.app, shop.shopper, order.subOrders[0]!.id, { to: 'cancelled', reason: 'Đặt nhầm' }));
    expect(await offerOf(fair.id, productId)).toMatchObject({ orderCount: 0, soldUnits: 0, revenueVnd: 0 });

    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'closed' }));
    expect((await offerOf(fair.id, productId))!.closesAt).toBe(clock.now().toISOString());
    expect((await expectErrorShape(await buy([{ productId, quantity: 1, fairId: fair.id }]), 'FAIR_PRICE_NOT_AVAILABLE')).error.details).toMatchObject({ reason: 'CLOSED' });
  });

  it('the order transaction re-checks the offer: an offer whose window the store closed refuses the line even if the fair read says live', async () => {
    const { fair, productId } = await fairWithOffer();
    clock.set(fair.startsAt);
    // As if an early close cut the offers between checkout's read and its commit.
    await shop.services.fairs.closeOffers([{ fairId: fair.id, productId }], fair.startsAt);
    const res = await buy([{ productId, quantity: 1, fairId: fair.id }]);
    expect(res.status).toBe(409);
    await expectErrorShape(res, 'FAIR_PRICE_NOT_AVAILABLE');
    expect((await stockOf(shop.services, productId)).stock).toBe(30);
  });
});
