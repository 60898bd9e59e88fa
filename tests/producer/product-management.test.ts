import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { listingPartition, newestSortKey } from '../../shared/catalog/keys';
import type { Product } from '../../shared/catalog/product';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { recordCertificate } from './certificates';

const newProduct = { name: 'Nước mắm cá cơm 40 đạm', group: 'food', subgroup: 'food-condiment', priceVnd: 120000, unit: 'chai 500 ml', stock: 20 };

function send(app: App, method: string, path: string, body: unknown, headers: Record<string, string>) {
  return app.request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('product management by the owner', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  const A = 'htx-san-pham-a';
  const B = 'htx-san-pham-b';

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: A, name: 'HTX Nước mắm A', provinceCode: '91' }));
    await services.producers.createProducer(makeProducer({ id: B, name: 'HTX B' }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    ownerB = await createTestAccount(services, 'producer', { producerId: B });
  });

  async function create(): Promise<Product> {
    const res = await send(app, 'POST', `/api/producers/${A}/products`, newProduct, ownerA.bearer);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Product;
  }

  const listingOf = async (p: Product) =>
    (await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: { PK: listingPartition({ kind: 'all' }), SK: newestSortKey(p.createdAt, p.id) } }))).Item;

  it('creates a draft carrying the storefront copies', async () => {
    const p = await create();
    expect(p).toMatchObject({ status: 'draft', producerId: A, producerName: 'HTX Nước mắm A', provinceCode: '91', stock: 20, priceVnd: 120000 });
    expect(p.id).toMatch(/^nuoc-mam-ca-com-40-dam-[0-9a-f]{6}$/);
    expect(await services.catalog.getProduct(p.id)).toMatchObject({ status: 'draft' });
  });

  it('edit, link own certificate, publish (listed), stock, archive (unlisted)', async () => {
    const p = await create();
    clock.advance(1000);
    const edited = await send(app, 'PATCH', `/api/products/${p.id}`, { priceVnd: 135000, description: 'Ủ chượp 12 tháng', expectedUpdatedAt: p.updatedAt }, ownerA.bearer);
    expect(edited.status, await edited.clone().text()).toBe(200);
    const e = (await edited.json()) as Product;
    expect(e.priceVnd).toBe(135000);

    const stale = await send(app, 'PATCH', `/api/products/${p.id}`, { priceVnd: 1, expectedUpdatedAt: p.updatedAt }, ownerA.bearer);
    expect(stale.status).toBe(409);
    await expectErrorShape(stale, 'PRODUCT_CONFLICT');

    const cert = await recordCertificate(services, A);
    const linked = await send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: cert.certificateNo }, ownerA.bearer);
    expect(linked.status, await linked.clone().text()).toBe(200);
    expect(((await linked.json()) as Product).certificate?.certificateNo).toBe(cert.certificateNo);
    expect(await listingOf(p)).toBeUndefined();

    const published = await send(app, 'PATCH', `/api/products/${p.id}`, { status: 'active' }, ownerA.bearer);
    expect(published.status).toBe(200);
    expect(await listingOf(p)).toMatchObject({ priceVnd: 135000, producerName: 'HTX Nước mắm A' });

    const stock = await send(app, 'PUT', `/api/products/${p.id}/stock`, { stock: 3 }, ownerA.bearer);
    expect(stock.status).toBe(200);
    expect((await services.catalog.getProduct(p.id))?.stock).toBe(3);

    const archived = await send(app, 'POST', `/api/products/${p.id}/archive`, undefined, ownerA.bearer);
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as Product).status).toBe('archived');
    expect(await listingOf(p)).toBeUndefined();
    const editArchived = await send(app, 'PATCH', `/api/products/${p.id}`, { priceVnd: 1 }, ownerA.bearer);
    expect(editArchived.status).toBe(409);
    await expectErrorShape(editArchived, 'PRODUCT_ARCHIVED');
  });

  it("linking another producer's certificate is 403; a revoked own certificate is 409", async () => {
    const p = await create();
    const foreign = await recordCertificate(services, B);
    const res = await send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: foreign.certificateNo }, ownerA.bearer);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'CERTIFICATE_NOT_OWNED');
    const unknown = await send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: 'KHONG-CO' }, ownerA.bearer);
    expect(unknown.status).toBe(403);
    const revoked = await recordCertificate(services, A, { status: 'revoked' });
    const r = await send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: revoked.certificateNo }, ownerA.bearer);
    expect(r.status).toBe(409);
    await expectErrorShape(r, 'CERTIFICATE_NOT_ACTIVE');
    expect((await services.catalog.getProduct(p.id))?.certificate).toBeUndefined();
  });

  it("producer B cannot touch A's products or create in A's storefront", async () => {
    const p = await create();
    const cases = [
      send(app, 'POST', `/api/producers/${A}/products`, newProduct, ownerB.bearer),
      send(app, 'PATCH', `/api/products/${p.id}`, { priceVnd: 1 }, ownerB.bearer),
      send(app, 'POST', `/api/products/${p.id}/archive`, undefined, ownerB.bearer),
      send(app, 'PUT', `/api/products/${p.id}/stock`, { stock: 0 }, ownerB.bearer),
      send(app, 'POST', `/api/products/${p.id}/certificate`, { certificateNo: 'X' }, ownerB.bearer),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'NOT_STOREFRONT_OWNER');
    }
    expect((await services.catalog.getProduct(p.id))?.priceVnd).toBe(120000);
  });

  it('refuses bodies that set the owner, status or certificate, and bad values, as 400', async () => {
    const p = await create();
    for (const [method, path, body] of [
      ['POST', `/api/producers/${A}/products`, { ...newProduct, producerId: B }],
      ['POST', `/api/producers/${A}/products`, { ...newProduct, status: 'active' }],
      ['POST', `/api/producers/${A}/products`, { ...newProduct, subgroup: 'drink-tea' }],
      ['PATCH', `/api/products/${p.id}`, { producerId: B }],
      ['PATCH', `/api/products/${p.id}`, { priceVnd: 99.5 }],
      ['PATCH', `/api/products/${p.id}`, { status: 'archived' }],
      ['PUT', `/api/products/${p.id}/stock`, { stock: -1 }],
    ] as const) {
      const res = await send(app, method, path, body, ownerA.bearer);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      await expectErrorShape(res, 'INVALID_INPUT');
    }
  });

  it('unknown product 404, storefront not yet approved 403, never a 500', async () => {
    const missing = await send(app, 'PATCH', '/api/products/khong-ton-tai', { priceVnd: 1 }, ownerA.bearer);
    expect(missing.status).toBe(404);
    await expectErrorShape(missing, 'PRODUCT_NOT_FOUND');
    const ghost = await createTestAccount(services, 'producer', { producerId: 'htx-chua-duyet' });
    const res = await send(app, 'POST', '/api/producers/htx-chua-duyet/products', newProduct, ghost.bearer);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'STOREFRONT_NOT_APPROVED');
  });
});
