import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import { priceBandOf, priceBands, type FilterKey, type SearchFilters } from '../../shared/search/facets';
import { SearchIndex, type SearchOutcome } from '../../shared/search/search-index';

const NOW = new Date('2026-11-23T03:00:00Z');
const demo = demoCatalog(NOW);
const index = SearchIndex.build({ products: demo.products, producers: demo.producers });
const search = (q: string, filters: SearchFilters = {}): SearchOutcome => index.search({ q, filters, sort: 'relevance', offset: 0, limit: 1000 }, NOW);

const facetFilter: Record<keyof SearchOutcome['facets'], (value: string) => SearchFilters> = {
  group: (v) => ({ group: v }),
  subgroup: (v) => ({ subgroup: v }),
  province: (v) => ({ province: v }),
  stars: (v) => ({ minStars: Number(v) }),
  price: (v) => ({ price: v as SearchFilters['price'] }),
};

describe('facets', () => {
  // Broad queries (many groups, provinces, prices) and narrow ones, with and without filters.
  const cases: Array<[string, SearchFilters]> = [
    ['tra', {}],
    ['mat ong', {}],
    ['dac san', {}],
    ['say', { group: 'food' }],
    ['gom', { minStars: 4 }],
    ['da lat', { price: '100k-200k' }],
    ['nuoc', { province: '86' }],
  ];

  it.each(cases)('each count equals the results of adding that value as a filter ("%s", %j)', (q, filters) => {
    const base = search(q, filters);
    expect(base.total).toBeGreaterThan(0);
    for (const [facet, values] of Object.entries(base.facets) as Array<[keyof SearchOutcome['facets'], SearchOutcome['facets']['group']]>) {
      for (const v of values) {
        const narrowed = search(q, { ...filters, ...facetFilter[facet](v.value) });
        expect(narrowed.total, `${q} ${facet}=${v.value}`).toBe(v.count);
      }
    }
  });

  it('counts the whole filtered match set, not the page', () => {
    const page = index.search({ q: 'tra', filters: {}, sort: 'relevance', offset: 0, limit: 2 }, NOW);
    expect(page.hits).toHaveLength(2);
    expect(page.facets.group.reduce((n, f) => n + f.count, 0)).toBe(page.total);
    expect(page.facets.price.reduce((n, f) => n + f.count, 0)).toBe(page.total);
  });

  it('single-valued facets partition the result set', () => {
    const out = search('tra');
    for (const facet of ['group', 'subgroup', 'province', 'price'] as const) {
      expect(out.facets[facet].reduce((n, f) => n + f.count, 0)).toBe(out.total);
    }
    expect(out.facets.stars.find((s) => s.value === '3')?.count).toBe(out.total);
  });

  it('filters narrow the results to matching products only', () => {
    const out = search('tra', { group: 'herbal', minStars: 4 });
    expect(out.total).toBeGreaterThan(0);
    for (const h of out.hits) {
      expect(h.record.group).toBe('herbal');
      expect(h.record.stars).toBeGreaterThanOrEqual(4);
    }
  });

  it('price bands cover every price exactly once', () => {
    for (const price of [0, 99_999, 100_000, 199_999, 200_000, 999_999, 1_000_000, 50_000_000]) {
      const band = priceBands.find((b) => b.code === priceBandOf(price))!;
      expect(price >= band.min && price < band.max).toBe(true);
    }
  });

  it.each<[FilterKey]>([['group'], ['province']])('a value that matches nothing gives no results and empty facets (%s)', (key) => {
    const out = search('mat ong', { [key]: key === 'group' ? 'tourism' : '01' });
    expect(out.total).toBe(0);
    expect(out.facets.group).toEqual([]);
  });
});
