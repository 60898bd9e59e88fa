import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Image, Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';

const A = 'htx-anh-a';
const B = 'htx-anh-b';
const UUID = '0b7e1f0c-1a2b-4c3d-8e9f-001122334455';
const image = (over: Partial<Image> = {}): Image => ({ key: `products/${A}/${UUID}`, width: 1280, height: 960, widths: [320, 640, 1280], alt: 'Chai nước mắm', ...over });
/** The review's payload: in `srcset` it reads as a 1w candidate followed by an outside URL. */
const SRCSET_INJECTION = 'x 1w, //attacker.example/pixel.gif?';
const newProduct = { name: 'Nước mắm nhĩ', group: 'food', subgroup: 'food-condiment', priceVnd: 150000, unit: 'chai 500 ml' };

function send(app: App, method: string, path: string, body: unknown, headers: Record<string, string>) {
  return app.request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('product image keys: only the producer own, in the pipeline format and widths', () => {
  let services: Services;
  let app: App;
  let ownerA: TestAccount;
  let product: Product;
  let demo: Product;

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: A, name: 'HTX A' }));
    await services.producers.createProducer(makeProducer({ id: B, name: 'HTX B' }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    product = makeProduct({ id: 'sp-anh-a-0001', slug: 'sp-anh-a-0001', producerId: A, status: 'draft', certificate: undefined });
    // A seeded demo product: its key is in the demo form, not under the producer's folder.
    demo = makeProduct({ id: 'sp-anh-demo-0002', slug: 'sp-anh-demo-0002', producerId: A, status: 'draft', certificate: undefined, images: [image({ key: 'demo/products/sp-anh-demo-0002', width: 640, height: 480, widths: [320, 640] })] });
    for (const p of [product, demo]) await services.catalog.saveProduct(p);
  });

  const patchImages = (id: string, images: unknown[]) => send(app, 'PATCH', `/api/products/${id}`, { images }, ownerA.bearer);

  it('refuses a srcset-injection key, a URL and other malformed keys with 400 INVALID_INPUT', async () => {
    for (const key of [SRCSET_INJECTION, `products/${A}/${UUID} 1w, //attacker.example/x.gif?`, 'https://attacker.example/x.webp', `//attacker.example/products/${A}/${UUID}`, `products/${A}/../${B}/${UUID}`, `logos/${A}/${UUID}`, '']) {
      const res = await patchImages(product.id, [image({ key })]);
      expect(res.status, key).toBe(400);
      const body = await expectErrorShape(res, 'INVALID_INPUT');
      expect((body.error.details as { path: string }[]).map((d) => d.path)).toContain('images.0.key');
    }
    const created = await send(app, 'POST', `/api/producers/${A}/products`, { ...newProduct, images: [image({ key: SRCSET_INJECTION })] }, ownerA.bearer);
    expect(created.status).toBe(400);
    await expectErrorShape(created, 'INVALID_INPUT');
    expect((await services.catalog.getProduct(product.id))?.images).toEqual([]);
  });

  it('refuses widths the pipeline never renders, and a width that is not the largest', async () => {
    for (const over of [{ widths: [100, 200], width: 200 }, { widths: [320, 960], width: 960 }, { widths: [640], width: 640 }, { widths: [1280, 640, 320] }, { width: 999 }, { widths: [] }]) {
      const res = await patchImages(product.id, [image(over)]);
      expect(res.status, JSON.stringify(over)).toBe(400);
      await expectErrorShape(res, 'INVALID_INPUT');
    }
  });

  it("refuses another producer's key with 403 IMAGE_NOT_OWNED, on edit and on create", async () => {
    const foreign = image({ key: `products/${B}/${UUID}` });
    const res = await patchImages(product.id, [foreign]);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'IMAGE_NOT_OWNED');
    const created = await send(app, 'POST', `/api/producers/${A}/products`, { ...newProduct, images: [foreign] }, ownerA.bearer);
    expect(created.status).toBe(403);
    await expectErrorShape(created, 'IMAGE_NOT_OWNED');
    // A demo key is kept by its own product only.
    const borrowed = await patchImages(product.id, [image({ key: 'demo/products/sp-anh-demo-0002', width: 640, widths: [320, 640] })]);
    expect(borrowed.status).toBe(403);
    await expectErrorShape(borrowed, 'IMAGE_NOT_OWNED');
    expect((await services.catalog.getProduct(product.id))?.images).toEqual([]);
  });

  it('accepts the producer own uploads (every pipeline width set) and keeps a seeded image', async () => {
    const small = image({ key: `products/${A}/1b7e1f0c-1a2b-4c3d-8e9f-001122334455`, width: 240, height: 180, widths: [240] });
    const res = await patchImages(product.id, [image(), small]);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Product).images.map((i) => i.key)).toEqual([image().key, small.key]);
    const kept = await patchImages(demo.id, [{ ...demo.images[0]!, alt: 'Chai nước mắm trên bàn' }, image()]);
    expect(kept.status, await kept.clone().text()).toBe(200);
  });

  it('storefront logo and banner keys: a srcset-injection key is 400, another storefront key 403', async () => {
    const bad = await send(app, 'PATCH', `/api/producers/${A}`, { logoKey: SRCSET_INJECTION }, ownerA.bearer);
    expect(bad.status).toBe(400);
    await expectErrorShape(bad, 'INVALID_INPUT');
    const foreign = await send(app, 'PATCH', `/api/producers/${A}`, { bannerKey: `banners/${B}/${UUID}` }, ownerA.bearer);
    expect(foreign.status).toBe(403);
    await expectErrorShape(foreign, 'IMAGE_NOT_OWNED');
  });
});
