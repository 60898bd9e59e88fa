import { describe, expect, it } from 'vitest';
import { cardOfRecord } from '../../shared/search/run-search';
import { SearchIndex } from '../../shared/search/search-index';
import { makeProduct } from '../support/catalog-fixtures';
import { fixtureProducers, fixtureProducts, NOW } from './fixtures';

/** A product sold in three sizes; its stored summary is stale on purpose: search must derive it again. */
const sized = makeProduct({
  ...fixtureProducts()[0]!,
  id: 'nuoc-mam-phu-quoc-ba-co',
  name: 'Nước mắm Phú Quốc ba cỡ chai',
  priceVnd: 460_000,
  unit: 'can 2 lít',
  stock: 0,
  variants: [
    { id: 'can-2-lit', label: 'can 2 lít', priceVnd: 460_000, stock: 0 },
    { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 135_000, stock: 10 },
    { id: 'chai-1-lit', label: 'chai 1 lít', priceVnd: 250_000, stock: 4 },
  ],
});

describe('search with product variants', () => {
  const index = SearchIndex.build({ products: [...fixtureProducts(), sized], producers: fixtureProducers() });
  const find = (price?: '100k-200k' | '200k-500k') =>
    index.search({ q: 'nuoc mam phu quoc', filters: price ? { price } : {}, sort: 'price_asc', offset: 0, limit: 50 }, NOW);

  it('files the product under the price band of its lowest variant, with the derived price and unit', () => {
    const hit = find().hits.find((h) => h.record.id === sized.id);
    expect(hit?.record).toMatchObject({ priceVnd: 135_000, unit: 'chai 500 ml', priceMaxVnd: 460_000 });
    expect(find('100k-200k').hits.map((h) => h.record.id)).toContain(sized.id);
    expect(find('200k-500k').hits.map((h) => h.record.id)).not.toContain(sized.id);
    const band = find().facets.price.find((f) => f.value === '100k-200k');
    expect(band?.count).toBeGreaterThanOrEqual(1);
  });

  it('result cards keep priceMaxVnd, so they show "từ …"', () => {
    const hit = find().hits.find((h) => h.record.id === sized.id)!;
    expect(cardOfRecord(hit.record)).toMatchObject({ priceVnd: 135_000, priceMaxVnd: 460_000 });
  });
});
