import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { ProductPageSchema } from '../../shared/catalog/routes';
import { ProductViewSchema } from '../../shared/catalog/product-view';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { makeCertificateSnapshot, makeProducer, makeProduct } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { expectErrorShape } from '../support/error-shape';

describe('catalogue API (Hono app on DynamoDB Local)', () => {
  let services: Services;
  let app: App;
  const listed = makeProduct({ id: 'mat-ong-bac-ha-0001', name: 'Mật ong bạc hà', group: 'food', subgroup: 'food-honey', provinceCode: '08', commune: 'phường Hà Giang 1' });
  const twoStar = makeProduct({ id: 'ruou-hai-sao-0002', certificate: makeCertificateSnapshot({ stars: 2, certificateNo: 'KQ-2SAO' }) });
  const revoked = makeProduct({ id: 'tra-thu-hoi-0003', certificate: makeCertificateSnapshot({ status: 'revoked', certificateNo: 'CN-THU-HOI' }) });
  const draft = makeProduct({ id: 'nhap-0004', status: 'draft' });

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    app = createApp(services);
    await services.producers.createProducer(makeProducer());
    for (const p of [listed, twoStar, revoked, draft]) await services.catalog.saveProduct(p);
  });

  const get = (path: string, init?: RequestInit) => app.request(path, init);

  it('lists products as a validated page with only listed products', async () => {
    const res = await get('/api/products?limit=10');
    expect(res.status).toBe(200);
    const page = ProductPageSchema.parse(await res.json());
    expect(page.items.map((i) => i.id)).toEqual([listed.id]);
  });

  it('answers a product with its certification and origin', async () => {
    const res = await get(`/api/products/${listed.id}`);
    expect(res.status).toBe(200);
    const view = ProductViewSchema.parse(await res.json());
    expect(view.certification).toMatchObject({ stars: 4, issuingLevelLabel: 'Cấp tỉnh' });
    expect(view.origin.label).toBe('Sản phẩm của phường Hà Giang 1, tỉnh Tuyên Quang');
  });

  it.each([
    [twoStar.id, 410, 'BELOW_THREE_STARS'],
    [revoked.id, 410, 'CERTIFICATE_REVOKED'],
  ])('refuses gated product %s with %i and the reason', async (id, status, reason) => {
    const res = await get(`/api/products/${id}`);
    expect(res.status).toBe(status);
    const body = await expectErrorShape(res, 'PRODUCT_NOT_LISTED');
    expect(body.error.details).toEqual({ reason });
  });

  it('answers 404 for unknown and draft products', async () => {
    for (const id of ['khong-ton-tai', draft.id]) {
      const res = await get(`/api/products/${id}`);
      expect(res.status).toBe(404);
      await expectErrorShape(res, 'PRODUCT_NOT_FOUND');
    }
  });

  it.each([
    '/api/products?limit=100000',
    '/api/products?limit=0',
    '/api/products?limit=2.5',
    '/api/products?minStars=abc',
    // Decimal integers only, in every numeric query parameter (Number() reads all of these).
    '/api/products?limit=0x10',
    '/api/products?limit=1e1',
    '/api/products?limit=%2B3',
    '/api/products?limit=%203',
    '/api/products?limit=',
    '/api/products?minStars=3.0',
    '/api/products?minStars=4%20',
    '/api/search?q=tra&limit=0x10',
    '/api/search?q=tra&minStars=3.0',
    '/api/producers/htx-mat-ong?limit=1e1',
    '/api/products?minStars=2',
    '/api/products?sort=cheapest',
    '/api/products?group=weapons',
    '/api/products?subgroup=food-anything',
    '/api/products?province=63',
    '/api/products?producer=BAD%20ID',
    '/api/products?cursor=%%%',
    '/api/products?cursor=eyJxIjoiYSJ9',
    '/api/products/BAD%20ID',
    '/api/producers/x',
  ])('rejects %s with a 400 JSON error, never a 500', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await expectErrorShape(res);
    expect(['INVALID_INPUT', 'INVALID_CURSOR']).toContain(body.error.code);
  });

  it('lists each parameter problem in details', async () => {
    const res = await get('/api/products?limit=100000&minStars=abc');
    const body = await expectErrorShape(res, 'INVALID_INPUT');
    expect((body.error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(['limit', 'minStars']);
  });

  it('answers unknown API routes with a 404 JSON error', async () => {
    for (const path of ['/api/nope', '/api', '/api/products/a/b']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      await expectErrorShape(res, 'ROUTE_NOT_FOUND');
    }
  });

  it('refuses oversized bodies with 413 JSON before any work is done', async () => {
    const res = await get('/api/products', { method: 'POST', body: 'x'.repeat(200 * 1024), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    await expectErrorShape(res, 'PAYLOAD_TOO_LARGE');
  });

  it('serves a storefront without the tax code, and 404 for an unknown producer', async () => {
    const res = await get('/api/producers/htx-thu-nghiem');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { producer: Record<string, unknown>; products: Array<{ id: string }> };
    expect(body.producer.legalFormLabel).toBe('Hợp tác xã');
    expect(body.producer.taxCode).toBeUndefined();
    expect(body.products.map((p) => p.id)).toEqual([listed.id]);
    const missing = await get('/api/producers/khong-co');
    expect(missing.status).toBe(404);
    await expectErrorShape(missing, 'PRODUCER_NOT_FOUND');
  });

  it('serves the 34 provinces and the six groups, cacheable', async () => {
    const provinces = await get('/api/provinces');
    expect(((await provinces.json()) as { items: unknown[] }).items).toHaveLength(34);
    expect(provinces.headers.get('cache-control')).toContain('max-age');
    const groups = (await (await get('/api/groups')).json()) as { items: Array<{ code: string }> };
    expect(groups.items.map((g) => g.code)).toEqual(['food', 'drinks', 'herbal', 'handicraft', 'ornamental', 'tourism']);
  });

  it('reports health with a database check and a request id header', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const echoed = await get('/api/health', { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
  });
});
