import type MiniSearch from 'minisearch';

/**
 * The parts of a MiniSearch index that it keeps protected and we read: the term dictionary (a radix
 * tree of postings: field id → document short id → term frequency) and the statistics BM25 needs.
 * Read-only, and only in lexicon.ts and query-evaluator.ts; tests/search/index-snapshot.test.ts and
 * query-evaluator.test.ts fail loudly if a MiniSearch upgrade changes any of it.
 */
export type Postings = Map<number, Map<number, number>>;

export interface MiniSearchInternals {
  _index: {
    get(term: string): Postings | undefined;
    fuzzyGet(term: string, distance: number): Map<string, [Postings, number]>;
    atPrefix(prefix: string): Iterable<[string, Postings]>;
  };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
  _options: { fields: string[] };
}

export const internalsOf = (ms: MiniSearch): MiniSearchInternals => ms as unknown as MiniSearchInternals;
