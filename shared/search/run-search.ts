import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { InvalidInput } from '../http/errors';
import type { ProductCard } from '../catalog/product';
import { findAlternatives, type Alternative } from './alternatives';
import type { SearchFilters } from './facets';
import type { ProducerHit, SearchOutcome } from './search-index';
import type { SearchQuery, SearchResponse } from './schemas';
import type { SearchService } from './service';
import type { ProductRecord } from './search-document';

/** Cursors are an offset into this exact query's ranking; the fingerprint keeps them from being replayed on another. */
function fingerprint(q: SearchQuery): string {
  const basis = JSON.stringify([q.q, q.group, q.subgroup, q.province, q.minStars, q.price, q.sort]);
  return `search:${createHash('sha256').update(basis).digest('base64url').slice(0, 22)}`;
}

function offsetOf(q: SearchQuery): number {
  if (!q.cursor) return 0;
  const { o } = decodeCursor(q.cursor, fingerprint(q));
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 1_000_000) throw new InvalidInput('Malformed cursor', 'INVALID_CURSOR');
  return o;
}

export function filtersOf(q: Pick<SearchQuery, 'group' | 'subgroup' | 'province' | 'minStars' | 'price'>): SearchFilters {
  const f: SearchFilters = {};
  if (q.group) f.group = q.group;
  if (q.subgroup) f.subgroup = q.subgroup;
  if (q.province) f.province = q.province;
  if (q.minStars !== undefined) f.minStars = q.minStars;
  if (q.price) f.price = q.price;
  return f;
}

export function cardOfRecord(r: ProductRecord): ProductCard {
  const { status: _s, certificateStatus: _c, demo: _d, ...card } = r;
  return card;
}

/** Everything a results page or the API needs from one query. */
export interface SearchRun {
  outcome: SearchOutcome;
  alternatives: Alternative[];
  offset: number;
  nextCursor: string | undefined;
}

export async function runSearch(search: SearchService, q: SearchQuery, now: () => Date): Promise<SearchRun> {
  const offset = offsetOf(q);
  const filters = filtersOf(q);
  const outcome = await search.search({ q: q.q, filters, sort: q.sort, offset, limit: q.limit });
  const alternatives = outcome.total === 0 && offset === 0 ? findAlternatives(await search.index(), q.q, filters, now()) : [];
  const next = offset + q.limit;
  return { outcome, alternatives, offset, nextCursor: next < outcome.total ? encodeCursor(fingerprint(q), { o: next }) : undefined };
}

const producerOut = (h: ProducerHit) => ({
  id: h.record.id,
  name: h.record.name,
  legalForm: h.record.legalForm,
  provinceCode: h.record.provinceCode,
  commune: h.record.commune,
  listedProducts: h.listedProducts,
});

export function toResponse(q: SearchQuery, run: SearchRun): SearchResponse {
  const { outcome } = run;
  return {
    query: {
      q: q.q,
      terms: outcome.plan.terms.map((t) => t.term),
      corrections: outcome.plan.corrections,
      ignored: outcome.plan.ignored,
      relaxed: outcome.relaxed,
    },
    total: outcome.total,
    items: outcome.hits.map((h) => cardOfRecord(h.record)),
    producers: outcome.producers.map(producerOut),
    facets: outcome.facets,
    alternatives: run.alternatives,
    ...(run.nextCursor ? { nextCursor: run.nextCursor } : {}),
  };
}
