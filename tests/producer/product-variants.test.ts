import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { listingPartition, newestSortKey, priceSortKey } from '../../shared/catalog/keys';
import type { Product, ProductCard } from '../../shared/catalog/product';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { recordCertificate } from './certificates';

const withVariants = {
  name: 'Nước mắm cá cơm Phú Quốc',
  group: 'food',
  subgroup: 'food-condiment',
  description: 'Ủ chượp 12 tháng',
  variants: [
    { label: 'Chai 1 lít', priceVnd: 250_000, stock: 4, sku: 'PQ-1000' },
    { id: 'chai-500-ml', label: 'Chai 500 ml', priceVnd: 135_000, stock: 10 },
    { label: 'Can 2 lít', priceVnd: 460_000, stock: 0 },
  ],
};

function send(app: App, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('product variants (sizes with their own price and stock)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  let shopper: TestAccount;
  const A = 'htx-bien-the-a';
  const B = 'htx-bien-the-b';

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: A, name: 'HTX Nước mắm Biến Thể', provinceCode: '91' }));
    await services.producers.createProducer(makeProducer({ id: B, name: 'HTX B' }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    ownerB = await createTestAccount(services, 'producer', { producerId: B });
    shopper = await createTestAccount(services, 'shopper');
  });

  async function create(body: unknown = withVariants): Promise<Product> {
    const res = await send(app, 'POST', `/api/producers/${A}/products`, body, ownerA.bearer);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Product;
  }

  /** Certificate linked and published: listed. */
  async function publish(p: Product): Promise<Product> {
    const cert = await recordCertificate(services, A);
    expect((await send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: cert.certificateNo }, ownerA.bearer)).status).toBe(200);
    const res = await send(app, 'PATCH', `/api/products/${p.id}`, { status: 'active' }, ownerA.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Product;
  }

  const listingOf = async (p: Product) =>
    (await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: { PK: listingPartition({ kind: 'all' }), SK: newestSortKey(p.createdAt, p.id) } }))).Item;

  it('create derives the summary: lowest price, its label as unit, sum of stock; ids from labels when not given', async () => {
    const p = await create();
    expect(p).toMatchObject({ status: 'draft', priceVnd: 135_000, unit: 'Chai 500 ml', stock: 14 });
    expect(p.variants).toEqual([
      { id: 'chai-1-lit', label: 'Chai 1 lít', priceVnd: 250_000, stock: 4, sku: 'PQ-1000' },
      { id: 'chai-500-ml', label: 'Chai 500 ml', priceVnd: 135_000, stock: 10 },
      { id: 'can-2-lit', label: 'Can 2 lít', priceVnd: 460_000, stock: 0 },
    ]);
    expect(await services.catalog.getProduct(p.id)).toEqual(p);
  });

  it('a product without variants behaves as before (no variants field)', async () => {
    const p = await create({ name: 'Tiêu sọ', group: 'food', subgroup: 'food-condiment', priceVnd: 85_000, unit: 'hũ 100 g', stock: 5 });
    expect(p).toMatchObject({ priceVnd: 85_000, unit: 'hũ 100 g', stock: 5 });
    expect('variants' in p).toBe(false);
  });

  it('listed: listing items, GET /api/products?sort=price_asc and the cards carry the lowest price and "từ"', async () => {
    const p = await publish(await create());
    const single = await publish(await create({ name: 'Nước mắm nhĩ', group: 'food', subgroup: 'food-condiment', priceVnd: 200_000, unit: 'chai 250 ml', stock: 2 }));
    expect(await listingOf(p)).toMatchObject({ priceVnd: 135_000, priceMaxVnd: 460_000, unit: 'Chai 500 ml', PRICE: priceSortKey(135_000, p.id) });

    const res = await app.request(`/api/products?producer=${A}&sort=price_asc&limit=100`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ProductCard[] };
    const mine = items.filter((c) => c.id === p.id || c.id === single.id);
    expect(mine.map((c) => [c.id, c.priceVnd, c.priceMaxVnd])).toEqual([
      [p.id, 135_000, 460_000],
      [single.id, 200_000, undefined],
    ]);
    const prices = items.map((c) => c.priceVnd);
    expect(prices).toEqual([...prices].sort((x, y) => x - y));

    const listPage = await (await app.request(`/san-pham?producer=${A}&sort=price_asc`, { headers: { accept: 'text/html' } })).text();
    expect(listPage).toContain('từ 135.000\u00a0₫');
    expect(listPage).not.toContain('từ 200.000\u00a0₫');
  });

  it('the product page lists the variants in a table with price and Còn hàng / Hết hàng', async () => {
    const p = await publish(await create());
    const res = await app.request(`/san-pham/${p.id}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('từ 135.000\u00a0₫');
    expect(html).toMatch(/<h2 id="phan-loai">Phân loại<\/h2>/);
    expect(html).toMatch(/<th scope="col">Phân loại<\/th><th scope="col">Giá<\/th><th scope="col">Tình trạng<\/th>/);
    const row = (id: string) => html.match(new RegExp(`<tr id="phan-loai-${id}">(.*?)</tr>`))?.[1];
    expect(row('chai-1-lit')).toBe('<th scope="row">Chai 1 lít</th><td>250.000\u00a0₫</td><td class="stock-in">Còn hàng</td>');
    expect(row('chai-500-ml')).toContain('135.000\u00a0₫');
    expect(row('can-2-lit')).toBe('<th scope="row">Can 2 lít</th><td>460.000\u00a0₫</td><td class="stock-out">Hết hàng</td>');

    // The JSON view carries the variants too.
    const api = (await (await app.request(`/api/products/${p.id}`)).json()) as { product: Product };
    expect(api.product.variants?.map((v) => v.id)).toEqual(['chai-1-lit', 'chai-500-ml', 'can-2-lit']);
  });

  it('PUT …/variants/{variantId}/stock sets one variant; the product stock (sum) and the listing follow', async () => {
    const p = await publish(await create());
    clock.advance(1000);
    const res = await send(app, 'PUT', `/api/products/${p.id}/variants/can-2-lit/stock`, { stock: 6 }, ownerA.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as Product;
    expect(saved.variants?.find((v) => v.id === 'can-2-lit')?.stock).toBe(6);
    expect(saved.stock).toBe(20);
    expect(saved.updatedAt).not.toBe(p.updatedAt);
    expect(await services.catalog.getProduct(p.id)).toEqual(saved);
    const html = await (await app.request(`/san-pham/${p.id}`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('<th scope="row">Can 2 lít</th><td>460.000\u00a0₫</td><td class="stock-in">Còn hàng</td>');
  });

  it('unknown variant 404, another storefront 403 (even for an unknown variant), not signed in 401, shopper 403, bad values 400', async () => {
    const p = await create();
    const unknown = await send(app, 'PUT', `/api/products/${p.id}/variants/chai-5-lit/stock`, { stock: 1 }, ownerA.bearer);
    expect(unknown.status).toBe(404);
    await expectErrorShape(unknown, 'VARIANT_NOT_FOUND');
    const missingProduct = await send(app, 'PUT', `/api/products/khong-ton-tai/variants/chai-1-lit/stock`, { stock: 1 }, ownerA.bearer);
    expect(missingProduct.status).toBe(404);
    await expectErrorShape(missingProduct, 'PRODUCT_NOT_FOUND');

    for (const variant of ['chai-1-lit', 'chai-5-lit']) {
      const res = await send(app, 'PUT', `/api/products/${p.id}/variants/${variant}/stock`, { stock: 0 }, ownerB.bearer);
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'NOT_STOREFRONT_OWNER');
    }
    const anonymous = await send(app, 'PUT', `/api/products/${p.id}/variants/chai-1-lit/stock`, { stock: 0 });
    expect(anonymous.status).toBe(401);
    await expectErrorShape(anonymous);
    const asShopper = await send(app, 'PUT', `/api/products/${p.id}/variants/chai-1-lit/stock`, { stock: 0 }, shopper.bearer);
    expect(asShopper.status).toBe(403);
    await expectErrorShape(asShopper);

    for (const [path, body] of [
      [`/api/products/${p.id}/variants/chai-1-lit/stock`, { stock: -1 }],
      [`/api/products/${p.id}/variants/chai-1-lit/stock`, { stock: 1.5 }],
      [`/api/products/${p.id}/variants/chai-1-lit/stock`, { stock: 1, priceVnd: 1 }],
      [`/api/products/${p.id}/variants/Chai%201%20L/stock`, { stock: 1 }],
    ] as const) {
      const res = await send(app, 'PUT', path, body, ownerA.bearer);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      await expectErrorShape(res, 'INVALID_INPUT');
    }
    expect((await services.catalog.getProduct(p.id))?.variants?.map((v) => v.stock)).toEqual([4, 10, 0]);
  });

  it('duplicate variant ids, labels or SKUs, an empty list, or a typed price beside variants are 400 with the error shape', async () => {
    const p = await create();
    const cases: Array<[string, string, unknown]> = [
      ['POST', `/api/producers/${A}/products`, { ...withVariants, variants: [{ id: 'a', label: 'Chai 500 ml', priceVnd: 1 }, { id: 'a', label: 'Chai 1 lít', priceVnd: 2 }] }],
      ['POST', `/api/producers/${A}/products`, { ...withVariants, variants: [{ label: 'Chai 1 lít', priceVnd: 1 }, { id: 'chai-1-lit', label: 'Lít', priceVnd: 2 }] }],
      ['POST', `/api/producers/${A}/products`, { ...withVariants, variants: [{ label: 'Chai 1 lít', priceVnd: 1 }, { id: 'b', label: 'chai 1 lít', priceVnd: 2 }] }],
      ['POST', `/api/producers/${A}/products`, { ...withVariants, variants: [] }],
      ['POST', `/api/producers/${A}/products`, { ...withVariants, priceVnd: 135_000 }],
      ['POST', `/api/producers/${A}/products`, { name: 'Không giá', group: 'food', subgroup: 'food-condiment' }],
      ['PATCH', `/api/products/${p.id}`, { variants: [{ id: 'x', label: 'A', priceVnd: 1, sku: 'S' }, { id: 'y', label: 'B', priceVnd: 1, sku: 'S' }] }],
      ['PATCH', `/api/products/${p.id}`, { variants: [{ id: 'x', label: 'A', priceVnd: 1 }], stock: 3 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await send(app, method, path, body, ownerA.bearer);
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(400);
      const err = await expectErrorShape(res, 'INVALID_INPUT');
      expect(Array.isArray(err.error.details)).toBe(true);
    }
    const dup = await send(app, 'POST', `/api/producers/${A}/products`, cases[0]?.[2], ownerA.bearer);
    const details = (await dup.json()) as { error: { details: Array<{ path: string; message: string }> } };
    expect(details.error.details).toContainEqual({ path: 'variants.1.id', message: 'Mã phân loại "a" bị trùng' });
    expect(await services.catalog.getProduct(p.id)).toEqual(p);
  });

  it('PATCH replaces the list (ids kept), refuses a different price or stock typed beside kept variants, and null goes back to one price', async () => {
    const p = await create();
    clock.advance(1000);
    const replaced = await send(
      app,
      'PATCH',
      `/api/products/${p.id}`,
      { variants: [{ id: 'chai-500-ml', label: 'Chai 500 ml', priceVnd: 140_000, stock: 8 }, { id: 'chai-1-lit', label: 'Chai 1 lít', priceVnd: 260_000, stock: 2 }], expectedUpdatedAt: p.updatedAt },
      ownerA.bearer,
    );
    expect(replaced.status, await replaced.clone().text()).toBe(200);
    const r = (await replaced.json()) as Product;
    expect(r).toMatchObject({ priceVnd: 140_000, unit: 'Chai 500 ml', stock: 10 });
    expect(r.variants?.map((v) => v.id)).toEqual(['chai-500-ml', 'chai-1-lit']);

    // Stale edit: the same optimistic concurrency as every product write.
    const stale = await send(app, 'PATCH', `/api/products/${p.id}`, { variants: [{ id: 'x', label: 'X', priceVnd: 1 }], expectedUpdatedAt: p.updatedAt }, ownerA.bearer);
    expect(stale.status).toBe(409);
    await expectErrorShape(stale, 'PRODUCT_CONFLICT');

    for (const body of [{ priceVnd: 1 }, { stock: 99 }, { unit: 'thùng' }]) {
      const res = await send(app, 'PATCH', `/api/products/${p.id}`, body, ownerA.bearer);
      expect(res.status, JSON.stringify(body)).toBe(409);
      await expectErrorShape(res, 'PRODUCT_HAS_VARIANTS');
    }
    const wholeStock = await send(app, 'PUT', `/api/products/${p.id}/stock`, { stock: 5 }, ownerA.bearer);
    expect(wholeStock.status).toBe(409);
    await expectErrorShape(wholeStock, 'PRODUCT_HAS_VARIANTS');

    // A form that sends the derived summary back unchanged still saves its other fields.
    clock.advance(1000);
    const sameBack = await send(app, 'PATCH', `/api/products/${p.id}`, { name: 'Nước mắm Phú Quốc', priceVnd: 140_000, unit: 'Chai 500 ml', stock: 10 }, ownerA.bearer);
    expect(sameBack.status, await sameBack.clone().text()).toBe(200);
    expect(((await sameBack.json()) as Product).variants).toHaveLength(2);

    clock.advance(1000);
    const single = await send(app, 'PATCH', `/api/products/${p.id}`, { variants: null, stock: 3 }, ownerA.bearer);
    expect(single.status, await single.clone().text()).toBe(200);
    const s = (await single.json()) as Product;
    expect(s).toMatchObject({ name: 'Nước mắm Phú Quốc', priceVnd: 140_000, unit: 'Chai 500 ml', stock: 3 });
    expect('variants' in s).toBe(false);
    expect(await services.catalog.getProduct(p.id)).toEqual(s);
    const stockAgain = await send(app, 'PUT', `/api/products/${p.id}/stock`, { stock: 4 }, ownerA.bearer);
    expect(stockAgain.status).toBe(200);
    const noVariant = await send(app, 'PUT', `/api/products/${p.id}/variants/chai-500-ml/stock`, { stock: 1 }, ownerA.bearer);
    expect(noVariant.status).toBe(404);
    await expectErrorShape(noVariant, 'VARIANT_NOT_FOUND');
  });

  it('a single-price product gains variants through PATCH, and the listing moves to the lowest price', async () => {
    const p = await publish(await create({ name: 'Trà Shan tuyết', group: 'food', subgroup: 'food-tea', priceVnd: 250_000, unit: 'hộp 200 g', stock: 5 }));
    clock.advance(1000);
    const res = await send(
      app,
      'PATCH',
      `/api/products/${p.id}`,
      { variants: [{ label: 'Hộp 200 g', priceVnd: 250_000, stock: 5 }, { label: 'Hộp 100 g', priceVnd: 135_000, stock: 9 }] },
      ownerA.bearer,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await listingOf(p)).toMatchObject({ priceVnd: 135_000, priceMaxVnd: 250_000, unit: 'Hộp 100 g', PRICE: priceSortKey(135_000, p.id) });
  });
});
