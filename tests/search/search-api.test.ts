import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { CallCounter } from '../../shared/db/call-counter';
import { createSearchService } from '../../shared/search/create-search-service';
import type { SearchResponse, SuggestResponse } from '../../shared/search/schemas';
import { expectErrorShape } from '../support/error-shape';
import { createSearchApp } from './search-app';
import { seededSearchServices, type SearchServices } from './search-test-services';

const NOW = new Date('2026-11-23T03:00:00Z');
const HIDDEN = [DEMO_IDS.twoStar, DEMO_IDS.expired, DEMO_IDS.revoked];

describe('search API on the seeded demo catalogue', () => {
  let services: SearchServices & { clock: { set(at: Date | string): void } };
  let app: ReturnType<typeof createSearchApp>;
  const get = (path: string) => app.request(path, { headers: { accept: 'application/json' } });
  const search = async (qs: string) => {
    const res = await get(`/api/search?${qs}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as SearchResponse;
  };

  beforeAll(async () => {
    ({ services } = await seededSearchServices(NOW));
    app = createSearchApp(services);
  }, 180_000);

  it('answers a Vietnamese query typed without diacritics', async () => {
    const body = await search('q=nuoc+mam+phu+quoc');
    expect(body.items[0]?.id).toBe(DEMO_IDS.listedFiveStar);
    expect(body.items[0]).toMatchObject({ stars: 5, provinceCode: '91' });
    expect(body.query).toMatchObject({ q: 'nuoc mam phu quoc', terms: ['nuoc', 'mam', 'phu', 'quoc'], relaxed: 'exact' });
    expect(body.producers.map((p) => p.id)).toContain(DEMO_IDS.someProducer);
    expect(body.facets.group[0]).toMatchObject({ value: 'food', count: body.total });
  });

  it.each([
    ['the 2★ product', DEMO_IDS.twoStar, 'banh tet la cam tra cu'],
    ['the product whose certificate expired', DEMO_IDS.expired, 'mien dong binh lieu'],
    ['the product whose certificate was revoked', DEMO_IDS.revoked, 'nem lai vung'],
  ])('never shows %s, even searched by its exact name', async (_what, id, q) => {
    const body = await search(`q=${encodeURIComponent(q)}&limit=50`);
    expect(body.items.map((i) => i.id)).not.toContain(id);
    const suggest = (await (await get(`/api/search/suggest?q=${encodeURIComponent(q)}`)).json()) as SuggestResponse;
    expect(suggest.products.map((p) => p.id)).not.toContain(id);
  });

  it('never shows a gated product for broad queries either', async () => {
    for (const q of ['banh', 'mien', 'nem', 'tra', 'dac san', 'a']) {
      let cursor: string | undefined;
      do {
        const body = await search(`q=${encodeURIComponent(q)}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        for (const id of HIDDEN) expect(body.items.map((i) => i.id)).not.toContain(id);
        cursor = body.nextCursor;
      } while (cursor);
    }
  });

  it('drops a product the moment its certificate expires, while it is still in the index', async () => {
    const index = await services.search.index();
    const target = (await services.catalog.getProduct('que-thanh-van-yen-20b7'))!;
    expect(index.hasProduct(target.id)).toBe(true);
    expect((await search('q=que+thanh+van+yen')).items.map((i) => i.id)).toContain(target.id);
    services.clock.set(target.certificate!.expiresAt);
    try {
      expect(index.hasProduct(target.id)).toBe(true);
      expect((await search('q=que+thanh+van+yen')).items.map((i) => i.id)).not.toContain(target.id);
    } finally {
      services.clock.set(NOW);
    }
  });

  it('pages with cursors: no overlap, no gap, same total', async () => {
    const first = await search('q=tra&limit=3');
    expect(first.total).toBeGreaterThan(6);
    const seen = [...first.items.map((i) => i.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search(`q=tra&limit=3&cursor=${cursor}`);
      expect(page.total).toBe(first.total);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    const all = await search('q=tra&limit=50');
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it('refuses a cursor from another query, and malformed input, in the shared error shape', async () => {
    const first = await search('q=tra&limit=3');
    await expectErrorShape(await get(`/api/search?q=mat+ong&limit=3&cursor=${first.nextCursor}`), 'INVALID_CURSOR');
    await expectErrorShape(await get('/api/search?q=tra&cursor=not-a-cursor'), 'INVALID_CURSOR');
    for (const qs of ['', 'q=', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=tra&limit=51', 'q=tra&limit=0', 'q=tra&sort=cheapest', 'q=tra&province=99', 'q=tra&price=free', 'q=tra&minStars=2']) {
      const res = await get(`/api/search?${qs}`);
      expect(res.status, qs).toBe(400);
      await expectErrorShape(res, 'INVALID_INPUT');
    }
  });

  it('filters and sorts as asked; facet counts equal the filtered totals', async () => {
    const base = await search('q=tra');
    for (const f of base.facets.province) {
      const narrowed = await search(`q=tra&province=${f.value}`);
      expect(narrowed.total).toBe(f.count);
      for (const item of narrowed.items) expect(item.provinceCode).toBe(f.value);
    }
    const cheap = await search('q=tra&sort=price_asc&limit=50');
    const prices = cheap.items.map((i) => i.priceVnd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('offers alternatives when nothing is found', async () => {
    const body = await search('q=m%E1%BA%ADt+ong&province=01');
    expect(body.total).toBe(0);
    expect(body.alternatives).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'unaccented', q: 'mat ong' }), expect.objectContaining({ kind: 'drop-filter', filters: {} })]));
    const dropped = body.alternatives.find((a) => a.kind === 'drop-filter')!;
    expect(dropped.count).toBe((await search('q=mat+ong')).total);
    const typo = await search('q=keo+xyzw+qqq');
    expect(typo.alternatives.length + typo.total).toBeGreaterThan(0);
  });

  it('suggests products, storefronts and provinces from 2 characters', async () => {
    const res = await get('/api/search/suggest?q=keo+du');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const body = (await res.json()) as SuggestResponse;
    expect(body.products.map((p) => p.id)).toContain('keo-dua-ben-tre-vi-sau-rieng-0960');
    const provinces = (await (await get('/api/search/suggest?q=kien')).json()) as SuggestResponse;
    expect(provinces.provinces).toEqual([expect.objectContaining({ code: '91', name: 'An Giang', matched: 'Kiên Giang' })]);
    const stores = (await (await get('/api/search/suggest?q=ea+ka')).json()) as SuggestResponse;
    expect(stores.producers.map((p) => p.id)).toContain('cong-ty-co-phan-ca-phe-ea-kao-a894');
    await expectErrorShape(await get('/api/search/suggest?q=k'), 'INVALID_INPUT');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/search/suggest']));
  });

  it('builds its index without a Scan and answers queries with no DynamoDB call at all', async () => {
    const counter = new CallCounter().attach(services.dynamo);
    const fresh = createSearchService({ db: services.db, tableName: services.config.tableName, clock: services.clock });
    await fresh.index();
    expect(counter.get('Scan')).toBe(0);
    expect(counter.get('Query')).toBeGreaterThanOrEqual(1);
    expect(counter.get('BatchGetItem')).toBeGreaterThanOrEqual(2);
    counter.reset();
    for (const q of ['nuoc mam', 'tra shan tuyet', 'honey', 'phuquoc']) await fresh.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 24 });
    expect(counter.total()).toBe(0);
  });
});
