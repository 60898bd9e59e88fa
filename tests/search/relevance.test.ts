import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchOutcome } from '../../shared/search/search-index';
import { seededSearchServices, type SearchServices } from './search-test-services';

interface RelevanceCase {
  q: string;
  kind: string;
  top: number;
  expect: string[];
  match?: 'all' | 'any';
  producer?: string;
}

const set = JSON.parse(readFileSync(new URL('./relevance-set.json', import.meta.url), 'utf8')) as { now: string; queries: RelevanceCase[] };
const NOW = new Date(set.now);

describe('relevance on the demo catalogue (seeded into DynamoDB Local, index built from the table)', () => {
  let services: SearchServices;
  let productIds: Set<string>;
  let producerIds: Set<string>;

  beforeAll(async () => {
    const seeded = await seededSearchServices(NOW);
    services = seeded.services;
    productIds = new Set(seeded.catalog.products.map((p) => p.id));
    producerIds = new Set(seeded.catalog.producers.map((p) => p.id));
  }, 180_000);

  it('has at least 40 queries covering every kind of query the issue names', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(set.queries.map((c) => c.kind));
    for (const kind of ['unaccented', 'partly-accented', 'typo', 'missing-space', 'producer', 'province', 'english']) expect(kinds).toContain(kind);
  });

  it('names only products and storefronts that exist in the demo catalogue', () => {
    for (const c of set.queries) {
      for (const id of c.expect) expect(productIds, `${c.q}: ${id}`).toContain(id);
      if (c.producer) expect(producerIds, `${c.q}: ${c.producer}`).toContain(c.producer);
      expect(c.top).toBeGreaterThanOrEqual(c.match === 'any' ? 1 : c.expect.length);
    }
  });

  it.each(set.queries.map((c) => [c.kind, c.q, c] as const))('%s: "%s"', async (_kind, _q, c) => {
    const out: SearchOutcome = await services.search.search({ q: c.q, filters: {}, sort: 'relevance', offset: 0, limit: 10 });
    const top = out.hits.slice(0, c.top).map((h) => h.record.id);
    const found = c.expect.filter((id) => top.includes(id));
    if (c.match === 'any') expect(found.length, `top ${c.top}: ${top.join(', ')}`).toBeGreaterThan(0);
    else expect(found, `top ${c.top}: ${top.join(', ')}`).toEqual(c.expect);
    if (c.producer) expect(out.producers.map((p) => p.record.id)).toContain(c.producer);
  });
});
