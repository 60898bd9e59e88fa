import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { address, listed, openShop, placeRequest, stockOf, type OrderAnswer, type Shop } from './fixtures';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';

describe('POST /api/orders on DynamoDB Local', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
  });

  it('splits one checkout into a sub-order per storefront, priced on the server with each storefront\'s shipping', async () => {
    const { app, shopper, honey, fishSauce, tea, services } = shop;
    const res = await app.request(
      placeRequest(shopper, {
        items: [
          { productId: honey.id, quantity: 2 },
          { productId: fishSauce.id, quantity: 1 },
          { productId: tea.id, variantId: 'hop-250g', quantity: 1 },
        ],
        shippingAddress: address,
        paymentMethod: 'cod',
      }),
    );
    expect(res.status).toBe(201);
    const order = (await res.json()) as OrderAnswer;
    expect(order.subOrders.map((s) => s.producerId)).toEqual(['htx-a', 'htx-b']);
    const [a, b] = order.subOrders;
    // A: 2 × 150.000 + 120.000 = 420.000 < 500.000 → 30.000 shipping; B: 200.000 + 25.000 flat.
    expect(a!.items.map((i) => [i.productId, i.quantity, i.unitPriceVnd, i.lineTotalVnd])).toEqual([
      [honey.id, 2, 150_000, 300_000],
      [fishSauce.id, 1, 120_000, 120_000],
    ]);
    expect([a!.shippingFeeVnd, a!.totalVnd]).toEqual([30_000, 450_000]);
    expect(b!.items[0]).toMatchObject({ productId: tea.id, variantId: 'hop-250g', unitPriceVnd: 200_000 });
    expect([b!.shippingFeeVnd, b!.totalVnd]).toEqual([25_000, 225_000]);
    expect(order.totalVnd).toBe(675_000);
    // Cash on delivery is confirmed at placement, paid when delivered.
    expect(order.subOrders.map((s) => [s.status, s.payment.method, s.payment.status])).toEqual([
      ['confirmed', 'cod', 'unpaid'],
      ['confirmed', 'cod', 'unpaid'],
    ]);
    expect(await stockOf(services, honey.id)).toMatchObject({ stock: 48 });
    expect(await stockOf(services, tea.id)).toEqual({ stock: 14, variants: { 'goi-100g': 10, 'hop-250g': 4 } });
  });

  it('ships free from the storefront\'s threshold', async () => {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 4 }], shippingAddress: address, paymentMethod: 'cod' }));
    const order = (await res.json()) as OrderAnswer;
    expect([order.subOrders[0]!.shippingFeeVnd, order.totalVnd]).toEqual([0, 600_000]);
  });

  it('refuses a price, or any unknown field, in the body (400) and reserves nothing', async () => {
    const before = await stockOf(shop.services, shop.honey.id);
    const res = await shop.app.request(
      placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1, unitPriceVnd: 1 }], shippingAddress: address, paymentMethod: 'cod' }),
    );
    await expectErrorShape(res, 'INVALID_INPUT');
    expect(res.status).toBe(400);
    const res2 = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], totalVnd: 1, shippingAddress: address, paymentMethod: 'cod' }));
    expect(res2.status).toBe(400);
    expect(await stockOf(shop.services, shop.honey.id)).toEqual(before);
  });

  it('requires an Idempotency-Key (400 IDEMPOTENCY_KEY_REQUIRED)', async () => {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }, null));
    expect(res.status).toBe(400);
    await expectErrorShape(res, 'IDEMPOTENCY_KEY_REQUIRED');
  });

  it('answers a retry with the same key and body with the same order, reserving once; another body with that key is 422', async () => {
    const key = randomUUID();
    const body = { items: [{ productId: shop.fishSauce.id, quantity: 2 }], shippingAddress: address, paymentMethod: 'cod' };
    const before = (await stockOf(shop.services, shop.fishSauce.id)).stock!;
    const first = await shop.app.request(placeRequest(shop.shopper, body, key));
    // Concurrent retries too: the network dropped the answer and the phone sent it three more times.
    const retries = await Promise.all([1, 2, 3].map(() => shop.app.request(placeRequest(shop.shopper, body, key))));
    const ids = [first, ...retries].map(async (r) => ((await r.json()) as OrderAnswer).id);
    expect(new Set(await Promise.all(ids)).size).toBe(1);
    expect(retries.map((r) => [r.status, r.headers.get('idempotent-replayed')])).toEqual([
      [201, 'true'],
      [201, 'true'],
      [201, 'true'],
    ]);
    expect((await stockOf(shop.services, shop.fishSauce.id)).stock).toBe(before - 2);
    const other = await shop.app.request(placeRequest(shop.shopper, { ...body, items: [{ productId: shop.fishSauce.id, quantity: 3 }] }, key));
    expect(other.status).toBe(422);
    await expectErrorShape(other, 'IDEMPOTENCY_KEY_REUSED');
    // Keys belong to the account: another shopper's "same" key is a new order.
    const stranger = await createTestAccount(shop.services, 'shopper');
    const theirs = await shop.app.request(placeRequest(stranger, body, key));
    expect(theirs.status).toBe(201);
    expect(((await theirs.json()) as OrderAnswer).id).not.toBe(await ids[0]);
  });

  it('409 OUT_OF_STOCK names the item and what is left, and nothing of the order is reserved', async () => {
    const before = await Promise.all([stockOf(shop.services, shop.honey.id), stockOf(shop.services, shop.tea.id)]);
    const res = await shop.app.request(
      placeRequest(shop.shopper, {
        items: [
          { productId: shop.honey.id, quantity: 1 },
          { productId: shop.tea.id, variantId: 'hop-250g', quantity: 50 },
        ],
        shippingAddress: address,
        paymentMethod: 'cod',
      }),
    );
    expect(res.status).toBe(409);
    const body = await expectErrorShape(res, 'OUT_OF_STOCK');
    expect(body.error.details).toEqual({ items: [{ productId: shop.tea.id, variantId: 'hop-250g', name: `${shop.tea.name} (hộp 250 g)`, requested: 50, available: 4 }] });
    expect(await Promise.all([stockOf(shop.services, shop.honey.id), stockOf(shop.services, shop.tea.id)])).toEqual(before);
  });

  it('counts two lines of the same variant together', async () => {
    const res = await shop.app.request(
      placeRequest(shop.shopper, {
        items: [
          { productId: shop.tea.id, variantId: 'hop-250g', quantity: 3 },
          { productId: shop.tea.id, variantId: 'hop-250g', quantity: 3 },
        ],
        shippingAddress: address,
        paymentMethod: 'cod',
      }),
    );
    expect(res.status).toBe(409);
    expect((await expectErrorShape(res, 'OUT_OF_STOCK')).error.details).toMatchObject({ items: [{ requested: 6, available: 4 }] });
  });

  it('409 PRODUCT_NOT_LISTED with the gate\'s reason for a revoked, expired or below-3★ product', async () => {
    const revoked = await listed(shop.services, { producerId: 'htx-a', certificate: makeCertificateSnapshot({ status: 'revoked' }) });
    const expired = await listed(shop.services, { producerId: 'htx-a', certificate: makeCertificateSnapshot({ decisionDate: '2023-01-01' }) });
    const low = await listed(shop.services, { producerId: 'htx-a', certificate: makeCertificateSnapshot({ stars: 2 }) });
    const reasons: unknown[] = [];
    for (const p of [revoked, expired, low]) {
      const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: p.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }));
      expect(res.status).toBe(409);
      reasons.push(((await expectErrorShape(res, 'PRODUCT_NOT_LISTED')).error.details as { items: { reason: string }[] }).items[0]!.reason);
    }
    expect(reasons).toEqual(['CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED', 'BELOW_THREE_STARS']);
    expect((await stockOf(shop.services, revoked.id)).stock).toBe(10);
  });

  it('validates the Vietnamese address (mobile phone, one of the 34 provinces)', async () => {
    const res = await shop.app.request(
      placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: { ...address, phone: '024 1234 567', provinceCode: '99' }, paymentMethod: 'cod' }),
    );
    expect(res.status).toBe(400);
    const body = await expectErrorShape(res, 'INVALID_INPUT');
    expect(JSON.stringify(body.error.details)).toContain('phone');
    expect(JSON.stringify(body.error.details)).toContain('provinceCode');
  });

  it('refuses VietQR when a storefront has no bank account, and card when no Stripe key is set (409 PAYMENT_METHOD_UNAVAILABLE)', async () => {
    const viaQr = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'vietqr' }));
    expect(viaQr.status).toBe(409);
    expect((await expectErrorShape(viaQr, 'PAYMENT_METHOD_UNAVAILABLE')).error.details).toMatchObject({ paymentMethod: 'vietqr', producerIds: ['htx-a'] });
    const byCard = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'card' }));
    expect(byCard.status).toBe(409);
  });

  it('gives each VietQR sub-order a NAPAS payload for its total with the sub-order code as the transfer content', async () => {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.tea.id, variantId: 'goi-100g', quantity: 2 }], shippingAddress: address, paymentMethod: 'vietqr' }));
    expect(res.status).toBe(201);
    const sub = ((await res.json()) as OrderAnswer).subOrders[0]!;
    expect(sub.status).toBe('pending_payment');
    expect(sub.payment).toMatchObject({ method: 'vietqr', status: 'awaiting', amountVnd: 205_000 });
    expect(sub.payment.vietqr).toMatchObject({ amountVnd: 205_000, accountNumber: '0123456789', imageUrl: `/api/sub-orders/${sub.id}/vietqr.svg` });
    expect(sub.payment.vietqr!.purpose).toBe(`OCOP ${sub.id.replace('-', ' ').toUpperCase()}`);
    expect(sub.payment.vietqr!.payload).toContain('205000');
    const svg = await shop.app.request(sub.payment.vietqr!.imageUrl, { headers: shop.shopper.bearer });
    expect([svg.status, svg.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await svg.text()).toContain('<svg');
    // Another shopper learns nothing.
    const stranger = await createTestAccount(shop.services, 'shopper');
    expect((await shop.app.request(sub.payment.vietqr!.imageUrl, { headers: stranger.bearer })).status).toBe(404);
  });

  it('checks out the account cart (fromCart) and empties the lines it bought; an empty cart is 400 CART_EMPTY', async () => {
    const buyer = await createTestAccount(shop.services, 'shopper');
    const add = (json: unknown) => shop.app.request('/api/cart/items', { method: 'POST', headers: { ...buyer.bearer, 'content-type': 'application/json' }, body: JSON.stringify(json) });
    expect((await add({ productId: shop.honey.id, quantity: 1 })).status).toBeLessThan(300);
    expect((await add({ productId: shop.tea.id, variantId: 'goi-100g', quantity: 2 })).status).toBeLessThan(300);
    const res = await shop.app.request(placeRequest(buyer, { fromCart: true, shippingAddress: address, paymentMethod: 'cod', saveAddress: true }));
    expect(res.status).toBe(201);
    const order = (await res.json()) as OrderAnswer;
    expect(order.subOrders.map((s) => s.items.map((i) => [i.productId, i.quantity]))).toEqual([[[shop.honey.id, 1]], [[shop.tea.id, 2]]]);
    const cart = (await (await shop.app.request('/api/cart', { headers: buyer.bearer })).json()) as { lineCount?: number; groups?: unknown[] };
    expect(JSON.stringify(cart)).not.toContain(shop.honey.id);
    const empty = await shop.app.request(placeRequest(buyer, { fromCart: true, shippingAddress: address, paymentMethod: 'cod' }));
    expect(empty.status).toBe(400);
    await expectErrorShape(empty, 'CART_EMPTY');
    // The address was saved for next time, phone as E.164.
    const book = (await (await shop.app.request('/api/account/addresses', { headers: buyer.bearer })).json()) as { items: { phone: string }[] };
    expect(book.items).toEqual([{ ...address, phone: '+84912345678' }]);
  });

  it('lets only the buyer (and admins) read the order: another shopper gets 404', async () => {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }));
    const { id } = (await res.json()) as OrderAnswer;
    expect((await shop.app.request(`/api/orders/${id}`, { headers: shop.shopper.bearer })).status).toBe(200);
    const stranger = await createTestAccount(shop.services, 'shopper');
    const other = await shop.app.request(`/api/orders/${id}`, { headers: stranger.bearer });
    expect(other.status).toBe(404);
    await expectErrorShape(other, 'ORDER_NOT_FOUND');
    const list = (await (await shop.app.request('/api/orders', { headers: shop.shopper.bearer })).json()) as { items: { id: string }[] };
    expect(list.items.map((o) => o.id)).toContain(id);
    const theirs = (await (await shop.app.request('/api/orders', { headers: stranger.bearer })).json()) as { items: unknown[] };
    expect(theirs.items).toEqual([]);
  });
});
