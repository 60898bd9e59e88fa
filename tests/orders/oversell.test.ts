import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { address, listed, openShop, placeRequest, stockOf, type Shop } from './fixtures';

/**
 * "Exactly N" under a rush, on DynamoDB Local: every checkout is a real HTTP request through the app,
 * all in flight at once, each from its own account with its own key.
 */
describe('no oversell: 200 concurrent checkouts', () => {
  let shop: Shop;
  let buyers: TestAccount[];
  beforeAll(async () => {
    shop = await openShop();
    buyers = await Promise.all(Array.from({ length: 200 }, () => createTestAccount(shop.services, 'shopper')));
  }, 120_000);

  async function rush(items: unknown[], count = buyers.length) {
    const answers = await Promise.all(
      buyers.slice(0, count).map(async (b) => {
        const res = await shop.app.request(placeRequest(b, { items, shippingAddress: address, paymentMethod: 'cod' }, randomUUID()));
        return { status: res.status, body: (await res.json()) as { error?: { code: string; details?: { items: { available: number }[] } } } };
      }),
    );
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    return { answers, statuses };
  }

  it('sells exactly 50 units of a product with 50, and every loser gets 409 OUT_OF_STOCK', async () => {
    const product = await listed(shop.services, { producerId: 'htx-a', stock: 50 });
    const { answers, statuses } = await rush([{ productId: product.id, quantity: 1 }]);
    expect(Object.fromEntries(statuses)).toEqual({ 201: 50, 409: 150 });
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error?.code === 'OUT_OF_STOCK')).toBe(true);
    expect((await stockOf(shop.services, product.id)).stock).toBe(0);
    // Sold = the quantities on the accepted orders, counted from the orders themselves.
    const sold = await Promise.all(buyers.map(async (b) => (await shop.services.orders.listBuyerOrders(b.account.id, 10)).items.length));
    expect(sold.reduce((a, n) => a + n, 0)).toBe(50);
  }, 120_000);

  it('the same with a variant: its stock and the product sum end at exactly zero sold beyond it', async () => {
    const product = await listed(shop.services, {
      producerId: 'htx-b',
      producerName: 'HTX Trà B',
      stock: 55,
      variants: [
        { id: 'nho', label: 'gói nhỏ', priceVnd: 50_000, stock: 50 },
        { id: 'lon', label: 'gói lớn', priceVnd: 90_000, stock: 5 },
      ],
    });
    const { statuses } = await rush([{ productId: product.id, variantId: 'nho', quantity: 1 }]);
    expect(Object.fromEntries(statuses)).toEqual({ 201: 50, 409: 150 });
    expect(await stockOf(shop.services, product.id)).toEqual({ stock: 5, variants: { nho: 0, lon: 5 } });
  }, 120_000);

  it('a cart holding the same variant on two lines cannot oversell it', async () => {
    const product = await listed(shop.services, {
      producerId: 'htx-b',
      producerName: 'HTX Trà B',
      stock: 10,
      variants: [{ id: 'hop', label: 'hộp', priceVnd: 80_000, stock: 10 }],
    });
    // Each buyer asks 2 + 1 = 3 of the variant: at most 3 orders fit in 10 units.
    const { statuses } = await rush(
      [
        { productId: product.id, variantId: 'hop', quantity: 2 },
        { productId: product.id, variantId: 'hop', quantity: 1 },
      ],
      60,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 201: 3, 409: 57 });
    expect(await stockOf(shop.services, product.id)).toEqual({ stock: 1, variants: { hop: 1 } });
  }, 120_000);
});
