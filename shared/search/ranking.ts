import { keysOf } from './record-keys';
import type { ProductRecord } from './search-document';

export const searchSorts = ['relevance', 'newest', 'price_asc', 'price_desc', 'stars'] as const;
export type SearchSort = (typeof searchSorts)[number];

export interface ScoredRecord {
  record: ProductRecord;
  score: number;
}

/**
 * Scores within this ratio of each other are "equally relevant": BM25 separates two nước mắm from the
 * same bay by a few percent of field length, which says nothing to a shopper, so stars and then
 * freshness decide between them. Bands are measured down from the best score.
 */
export const RELEVANCE_BAND = 1.2;

export function relevanceTier(score: number, top: number): number {
  if (top <= 0 || score <= 0) return 10_000;
  return Math.min(10_000, Math.floor(Math.log(top / score) / Math.log(RELEVANCE_BAND)));
}

// One number per hit orders it (smaller first); ties fall to score, then id. Fits in 2^53:
// tier < 10^4 (×10^14 would not), so tiers above 80 share the last band, which only reorders noise.
const MAX_TIER = 80;
const T = 1e14;
const S = 1e13;

function primaryKey(sort: SearchSort, h: ScoredRecord, top: number): number {
  const k = keysOf(h.record);
  const r = h.record;
  switch (sort) {
    case 'relevance':
      return Math.min(MAX_TIER, relevanceTier(h.score, top)) * T + (5 - r.stars) * S + (S - k.createdMs);
    case 'newest':
      return S - k.createdMs;
    case 'price_asc':
      return r.priceVnd;
    case 'price_desc':
      return -r.priceVnd;
    case 'stars':
      return (5 - r.stars) * S;
  }
}

type Keyed = { hit: ScoredRecord; key: number };
const compare = (a: Keyed, b: Keyed) =>
  a.key - b.key || b.hit.score - a.hit.score || (a.hit.record.id < b.hit.record.id ? -1 : a.hit.record.id > b.hit.record.id ? 1 : 0);

/**
 * The hits in order, at least the first `need` of them (all when `need` is unset). Every order ends on
 * the id, so pages never overlap. A first page needs only the best few of thousands of matches: they
 * are selected in one pass instead of sorting everything.
 */
export function sortScored(hits: ScoredRecord[], sort: SearchSort, need = hits.length): ScoredRecord[] {
  if (need <= 0) return [];
  let top = 0;
  for (const h of hits) top = Math.max(top, h.score);
  if (need >= hits.length / 8) {
    return hits
      .map((hit) => ({ hit, key: primaryKey(sort, hit, top) }))
      .sort(compare)
      .map((k) => k.hit);
  }
  const best: Keyed[] = [];
  for (const hit of hits) {
    const k = { hit, key: primaryKey(sort, hit, top) };
    if (best.length === need && compare(k, best[need - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, k) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, k);
    if (best.length > need) best.pop();
  }
  return best.map((k) => k.hit);
}
