import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import type { Product } from '../../shared/catalog/product';
import { matchQuery, relaxLevels } from '../../shared/search/match';
import { evaluate, termCoverage } from '../../shared/search/query-evaluator';
import { planQuery } from '../../shared/search/query-plan';
import { PRODUCT_FIELDS, productDocument, type ProductDocument } from '../../shared/search/search-document';
import { miniOptions, PRODUCT_SPEC, SearchIndex } from '../../shared/search/search-index';
import relevanceSet from './relevance-set.json' with { type: 'json' };
import { NOW } from './fixtures';

const EXTRA = ['tra', 'dac san', 'mat ong rung', 'keo d', 'nuoc m', 'phu quc', 'yen sao khnh hoa', 'kien giang', 'ca phe robusta', 'qwxz'];

/** ms.search, reduced to what the evaluator returns. */
function reference(ms: MiniSearch, query: Parameters<MiniSearch['search']>[0]) {
  return new Map(ms.search(query).map((r) => [r.id as string, { score: r.score, termCount: r.queryTerms.length }]));
}

describe('the query evaluator equals MiniSearch.search on the query trees match.ts builds', () => {
  let products: Product[];
  let index: SearchIndex;
  let ms: MiniSearch<ProductDocument>;

  beforeAll(() => {
    const demo = demoCatalog(NOW);
    products = demo.products;
    index = SearchIndex.build({ products, producers: demo.producers });
    ms = new MiniSearch(miniOptions<ProductDocument>(PRODUCT_FIELDS));
    ms.addAll(products.filter((p) => p.certificate).map(productDocument));
  });

  const queries = () => [...new Set([...relevanceSet.queries.map((q) => q.q), ...EXTRA])];

  it('same documents, same scores and same matched-term counts, at every relax level', () => {
    let compared = 0;
    for (const q of queries()) {
      const plan = planQuery(q, index.vocabulary, { partialLast: true });
      if (plan.terms.length === 0) continue;
      for (const level of relaxLevels) {
        const tree = matchQuery(PRODUCT_SPEC, plan, { level, regionHas: (t) => index.vocabulary.region(t) > 0, descriptionAllows: () => true });
        const expected = reference(ms, tree);
        const actual = new Map(evaluate(ms, tree).map((r) => [r.id, r]));
        expect([...actual.keys()].sort(), `${q} @ ${level}`).toEqual([...expected.keys()].sort());
        for (const [id, e] of expected) {
          expect(actual.get(id)!.score, `${q} @ ${level}: ${id}`).toBeCloseTo(e.score, 9);
          expect(actual.get(id)!.termCount, `${q} @ ${level}: ${id}`).toBe(e.termCount);
        }
        compared += expected.size;
      }
    }
    // The comparison ran over real matches, not empty sets.
    expect(compared).toBeGreaterThan(500);
  });

  it('skips documents discarded from the index but still in its postings', () => {
    const dirty = new MiniSearch(miniOptions<ProductDocument>(PRODUCT_FIELDS));
    const docs = products.filter((p) => p.certificate).map(productDocument);
    dirty.addAll(docs);
    const gone = docs.find((d) => d.name.includes('nuoc mam'))!;
    dirty.discard(gone.id);
    const plan = planQuery('nuoc mam', index.vocabulary);
    const tree = matchQuery(PRODUCT_SPEC, plan, { level: 'exact', regionHas: () => false, descriptionAllows: () => true });
    const ids = evaluate(dirty, tree).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(gone.id);
  });

  it('coverage counts distinct terms found in a field, exactly or one edit away', () => {
    const within = new Map(ms.search('mam', { fields: ['name'] }).map((r) => [r.id as string, 1]));
    const exact = termCoverage(ms, within, ['nuocmam', 'mamphu', 'nuocmam'], 'phrase', false);
    const expected = new Map(
      ms
        .search('nuocmam mamphu', { fields: ['phrase'] })
        .filter((r) => within.has(r.id as string))
        .map((r) => [r.id as string, r.queryTerms.length]),
    );
    expect(exact).toEqual(expected);
    expect(exact.size).toBeGreaterThan(0);
    const fuzzy = termCoverage(ms, within, ['nuocman'], 'phrase', 1);
    expect(fuzzy.size).toBeGreaterThan(0);
  });
});
