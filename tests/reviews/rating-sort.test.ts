import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../../app/create-app';
import { DynamoCatalogStore } from '../../shared/catalog/store';
import { DynamoReviewStore } from '../../shared/reviews/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../authz/accounts';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { ManualClock } from '../../shared/time/clock';
import { listingItems } from '../../shared/catalog/items';
import { ratingSortKey } from '../../shared/catalog/listing-rating';
import type { Product } from '../../shared/catalog/product';
import { listed, openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, postJson, reviewRequest } from './fixtures';

/**
 * `sort=rating` (docs/reviews.md "Sort by rating"): listing items carry a key built from the
 * product's review aggregate, moved in the review's own transaction and carried by every product
 * save. The order the API answers must always be the one a recount of the visible reviews gives.
 */
/** The client, except that right after the first call `match` accepts, `hook` runs (a write landing in the gap). */
function gapAfter(db: DynamoDBDocumentClient, match: (command: unknown) => boolean, hook: () => Promise<void>): DynamoDBDocumentClient {
  let fired = false;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
        const out = await target.send(command);
        if (!fired && match(command)) {
          fired = true;
          await hook();
        }
        return out;
      };
    },
  });
}
const readsRating = (command: unknown) =>
  (command instanceof GetCommand && command.input.Key?.SK === 'RATING') ||
  (command instanceof BatchGetCommand && Object.values(command.input.RequestItems ?? {}).some((r) => (r.Keys ?? []).some((k) => k.SK === 'RATING')));

interface ListAnswer {
  items: { id: string }[];
  nextCursor?: string;
}

describe('product list sorted by buyers’ rating', () => {
  let shop: Shop;
  let extra: Product[];
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    shop = await openShop({ clock });
    extra = [];
    for (const id of ['banh-a3', 'ruou-a4', 'tieu-a5']) {
      extra.push(await listed(shop.services, { id, producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 80_000, stock: 40 }));
    }
    // Below the gate: never listed, whatever its reviews.
    await listed(shop.services, { id: 'keo-a6', producerId: 'htx-a', producerName: 'HTX Mật ong A', certificate: makeCertificateSnapshot({ stars: 2 }) });
  });

  const list = async (query: string) => {
    const res = await shop.app.request(`/api/products?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ListAnswer;
  };
  const allPages = async (query: string, limit: number) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return ids;
  };
  const recountTotals = async (productId: string) => {
    const stars = (await shop.services.reviews.visibleReviewsOf(productId)).map((r) => r.stars);
    return { count: stars.length, sum: stars.reduce((a, b) => a + b, 0) };
  };
  /** The order a recount gives: every listed product of the facet, by its recounted key, descending. */
  const expectedOrder = async (products: Product[]) => {
    const keyed = await Promise.all(products.map(async (p) => ({ id: p.id, key: ratingSortKey(await recountTotals(p.id), p.id) })));
    return keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)).map((k) => k.id);
  };
  /** Every listing item of the product (all 5 facets) carries the recounted key. */
  const expectListingKeys = async (productId: string) => {
    const product = (await shop.services.catalog.getProduct(productId))!;
    const want = ratingSortKey(await recountTotals(productId), productId);
    for (const item of listingItems(product)) {
      const { Item } = await shop.services.db.send(new GetCommand({ TableName: shop.services.config.tableName, Key: { PK: item.PK, SK: item.SK }, ConsistentRead: true }));
      expect(Item?.RATING, `${item.PK} ${productId}`).toBe(want);
    }
  };
  const editProduct = async (id: string, name: string) => {
    for (;;) {
      const previous = (await shop.services.catalog.getProduct(id))!;
      try {
        await shop.services.catalog.saveProduct({ ...previous, name, updatedAt: new Date(Date.parse(previous.updatedAt) + 1000).toISOString() }, previous);
        return;
      } catch (error) {
        // A sale moved the stock in between: read again, like the management service's caller would.
        if ((error as { code?: string }).code !== 'PRODUCT_CONFLICT') throw error;
      }
    }
  };

  it('orders the list like a recount after a random sequence of create / edit / hide / restore and product edits', async () => {
    const htxA = [shop.honey, shop.fishSauce, ...extra];
    let seed = 20261203;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const admin = await createTestAccount(shop.services, 'admin');
    const reporter = await createTestAccount(shop.services, 'shopper');
    const lines: { orderId: string; id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const order = await deliveredOrder(shop, htxA.map((p) => ({ productId: p.id, quantity: 1 })));
      lines.push(...htxA.map((_, k) => ({ orderId: order.id, id: `${order.subOrders[0]!.id}.${k}` })));
    }
    // Before any review every product is unrated: newest-equal keys, all listed.
    expect((await list('sort=rating&limit=100')).items.map((p) => p.id).sort()).toEqual([...htxA, shop.tea].map((p) => p.id).sort());

    const state = new Map<string, { hidden: boolean; reported: boolean }>();
    for (let step = 0; step < 50; step++) {
      const line = lines[Math.floor(random() * lines.length)]!;
      const s = state.get(line.id);
      const stars = 1 + Math.floor(random() * 5);
      if (step % 9 === 8) {
        await editProduct(htxA[step % htxA.length]!.id, `Đổi tên ${step}`);
      } else if (!s) {
        expect((await reviewRequest(shop, shop.shopper, line.orderId, line.id, { stars, text: `bước ${step}` })).status).toBe(201);
        state.set(line.id, { hidden: false, reported: false });
      } else if (random() < 0.5) {
        expect((await reviewRequest(shop, shop.shopper, line.orderId, line.id, { stars }, 'PATCH')).status).toBe(200);
      } else {
        if (!s.reported && !s.hidden) {
          expect((await postJson(shop, reporter, `/api/reviews/${line.id}/reports`, { reason: 'Kiểm tra' })).status).toBe(201);
          s.reported = true;
        }
        const action = s.hidden ? 'restore' : 'hide';
        expect((await postJson(shop, admin, `/api/reviews/${line.id}/moderation`, { action, reason: 'Kiểm tra ngẫu nhiên' })).status).toBe(200);
        s.hidden = !s.hidden;
      }
      if (step % 10 === 9) {
        expect((await list('sort=rating&limit=100')).items.map((p) => p.id)).toEqual(await expectedOrder([...htxA, shop.tea]));
      }
    }
    expect([...state.values()].some((s) => s.hidden)).toBe(true);
    for (const p of htxA) await expectListingKeys(p.id);

    const all = await expectedOrder([...htxA, shop.tea]);
    expect((await list('sort=rating&limit=100')).items.map((p) => p.id)).toEqual(all);
    // Every facet is its own partition with its own keys: the producer's and the province's lists agree.
    expect((await list('sort=rating&producer=htx-a&limit=100')).items.map((p) => p.id)).toEqual(await expectedOrder(htxA));
    expect((await list('sort=rating&province=91&limit=100')).items.map((p) => p.id)).toEqual(await expectedOrder(htxA));
    // A filter that is not the partition still applies (the same FilterExpression as every sort).
    expect((await list('sort=rating&minStars=4&limit=100')).items.map((p) => p.id)).toEqual(all);
    expect((await list('sort=rating&minStars=5&limit=100')).items).toEqual([]);

    // Pages of 2 with the cursor walk the same order, nothing twice, nothing missed.
    expect(await allPages('sort=rating', 2)).toEqual(all);
    expect(await allPages('sort=rating&producer=htx-a', 3)).toEqual(await expectedOrder(htxA));
    // A cursor from another sort is refused, not misread.
    const newest = await list('sort=newest&limit=2');
    expect((await shop.app.request(`/api/products?sort=rating&limit=2&cursor=${encodeURIComponent(newest.nextCursor!)}`)).status).toBe(400);
  });

  it('offers "Đánh giá cao" on the list page and lists the cards in that order', async () => {
    const res = await shop.app.request('/san-pham?sort=rating&producer=htx-a');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<option value="rating" selected="">Đánh giá cao<\/option>/);
    const shown = [...html.matchAll(/href="\/san-pham\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    const order = await expectedOrder([shop.honey, shop.fishSauce, ...extra]);
    expect([...new Set(shown)].filter((id) => order.includes(id!))).toEqual(order);
  });

  it('keeps the gate: an expired certificate drops the product from the rating sort as from every sort', async () => {
    const rated = (await list('sort=rating&limit=100')).items.map((p) => p.id);
    expect(rated).toContain(shop.honey.id);
    expect(rated).not.toContain('keo-a6');
    const expiresAt = shop.honey.certificate!.expiresAt;
    clock.set(new Date(Date.parse(expiresAt) + 1000).toISOString());
    try {
      for (const sort of ['rating', 'newest', 'stars', 'price_asc']) {
        const ids = (await list(`sort=${sort}&limit=100`)).items.map((p) => p.id);
        expect(ids, sort).not.toContain(shop.honey.id);
      }
    } finally {
      clock.set('2026-11-23T03:00:00Z');
    }
  });

  it('keeps every listing key equal to a recount when reviews of one product and edits of it race', async () => {
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }, { productId: shop.fishSauce.id, quantity: 1 }]));
    const results = await Promise.all([
      ...orders.flatMap((o, i) => [0, 1].map((k) => Promise.resolve(reviewRequest(shop, shop.shopper, o.id, `${o.subOrders[0]!.id}.${k}`, { stars: 1 + ((i + k) % 5), text: 'đồng thời' })).then((r) => r.status))),
      ...[1, 2, 3].map((n) => editProduct(shop.honey.id, `Mật ong đổi tên ${n}`).then(() => 'edited')),
    ]);
    expect(results.filter((r) => r === 201)).toHaveLength(16);
    expect(results.filter((r) => r === 'edited')).toHaveLength(3);
    await expectListingKeys(shop.honey.id);
    await expectListingKeys(shop.fishSauce.id);
    const honey = await recountTotals(shop.honey.id);
    const stored = await shop.services.reviews.productRating(shop.honey.id);
    expect({ count: stored.count, sum: stored.sum }).toEqual(honey);
    expect((await list('sort=rating&limit=100')).items.map((p) => p.id)).toEqual(await expectedOrder([shop.honey, shop.fishSauce, ...extra, shop.tea]));
  });

  it('makes a product save that read the aggregate before a review landed write again, not a stale key', async () => {
    const [order] = [await deliveredOrder(shop, [{ productId: extra[0]!.id, quantity: 1 }])];
    const table = shop.services.config.tableName;
    const before = await recountTotals(extra[0]!.id);
    const store = new DynamoCatalogStore(
      gapAfter(shop.services.db, readsRating, async () => {
        expect((await reviewRequest(shop, shop.shopper, order!.id, `${order!.subOrders[0]!.id}.0`, { stars: 1, text: 'giữa lúc đọc và ghi' })).status).toBe(201);
      }),
      table,
    );
    const previous = (await shop.services.catalog.getProduct(extra[0]!.id))!;
    await store.saveProduct({ ...previous, name: 'Bánh đổi tên', updatedAt: new Date(Date.parse(previous.updatedAt) + 1000).toISOString() }, previous);
    expect((await recountTotals(extra[0]!.id)).count).toBe(before.count + 1);
    await expectListingKeys(extra[0]!.id);
  });

  it('makes a review whose product got listed after it was read write again, re-keying the new listing items', async () => {
    const product = extra[1]!;
    const order = await deliveredOrder(shop, [{ productId: product.id, quantity: 1 }]);
    const draft = (await shop.services.catalog.getProduct(product.id))!;
    const unlisted = { ...draft, status: 'draft' as const, updatedAt: new Date(Date.parse(draft.updatedAt) + 1000).toISOString() };
    await shop.services.catalog.saveProduct(unlisted, draft);
    expect((await list('sort=rating&producer=htx-a&limit=100')).items.map((p) => p.id)).not.toContain(product.id);
    const services = {
      ...shop.services,
      reviews: new DynamoReviewStore(
        gapAfter(shop.services.db, readsRating, async () => {
          await shop.services.catalog.saveProduct({ ...unlisted, status: 'active', updatedAt: new Date(Date.parse(unlisted.updatedAt) + 1000).toISOString() }, unlisted);
        }),
        shop.services.config.tableName,
      ),
    };
    const res = await createApp(services).request(`/api/orders/${order.id}/items/${order.subOrders[0]!.id}.0/review`, {
      method: 'POST',
      headers: { ...shop.shopper.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ stars: 5, text: 'sản phẩm vừa được bán lại' }),
    });
    expect(res.status).toBe(201);
    await expectListingKeys(product.id);
    expect((await list('sort=rating&producer=htx-a&limit=100')).items.map((p) => p.id)).toEqual(await expectedOrder([shop.honey, shop.fishSauce, ...extra]));
  });
});
