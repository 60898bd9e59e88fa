import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Product } from '../catalog/product';
import type { Producer } from '../storefront/producer';
import { computeFacets, matchesFilters, type Facets, type SearchFilters } from './facets';
import { documentFrequency, hasPrefix, nearTerms } from './lexicon';
import { matchDocuments, relaxLevels, type CollectionSpec, type RelaxLevel } from './match';
import { suggestProvinces, type ProvinceSuggestion } from './province-suggest';
import { planQuery, type QueryPlan, type Vocabulary } from './query-plan';
import { sortScored, type ScoredRecord, type SearchSort } from './ranking';
import { isListedAt } from './record-keys';

export { isListedAt };
import {
  PRODUCER_FIELDS,
  PRODUCT_FIELDS,
  producerDocument,
  producerRecord,
  productDocument,
  productRecord,
  type ProducerDocument,
  type ProducerRecord,
  type ProductDocument,
  type ProductRecord,
} from './search-document';

/** Boosts: the name says what a product is; the description only that it mentions it. */
export const PRODUCT_SPEC: CollectionSpec = {
  words: { name: 5, producer: 3, origin: 2.5, tags: 2, alias: 2, group: 1.5 },
  description: { field: 'desc', boost: 0.5 },
  region: 2,
  phrase: 1,
  accent: 1.5,
};
const PRODUCER_SPEC: CollectionSpec = {
  words: { name: 5, origin: 2.5, alias: 1.5 },
  description: { field: 'desc', boost: 0.5 },
  region: 2,
  phrase: 1,
  accent: 1.5,
};

/** A description word in more than this share of documents is boilerplate, not a match (match.ts). */
const DESCRIPTION_MAX_SHARE = 0.05;
const DESCRIPTION_MIN_DOCS = 20;

export function miniOptions<T>(fields: readonly string[]): Options<T> {
  return {
    fields: [...fields],
    idField: 'id',
    storeFields: [],
    // Documents arrive as pre-processed terms (search-document.ts): split on spaces, nothing else.
    tokenize: (text: string) => (text ? text.split(' ') : []),
    processTerm: (term: string) => term || null,
    logger: () => undefined,
  };
}

export const SNAPSHOT_FORMAT = 'ocop-search/1';

export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  builtAt: string;
  products: AsPlainObject;
  producers: AsPlainObject;
  productRecords: ProductRecord[];
  producerRecords: ProducerRecord[];
}

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Storefronts shown with the first page; 0 for none. */
  producerLimit?: number;
}

export interface ProducerHit {
  record: ProducerRecord;
  score: number;
  listedProducts: number;
}

export interface SearchOutcome {
  plan: QueryPlan;
  relaxed: RelaxLevel;
  /** Listed matches before the filters: the no-results page offers dropping filters when this is > 0. */
  unfilteredTotal: number;
  total: number;
  hits: ScoredRecord[];
  facets: Facets;
  producers: ProducerHit[];
}

export interface Suggestions {
  products: ProductRecord[];
  producers: ProducerRecord[];
  provinces: ProvinceSuggestion[];
}

const PRODUCT_WORDS = [...Object.keys(PRODUCT_SPEC.words), 'desc'];
const PRODUCER_WORDS = [...Object.keys(PRODUCER_SPEC.words), 'desc'];

function descriptionRule(ms: MiniSearch): (term: string) => boolean {
  const limit = Math.max(DESCRIPTION_MIN_DOCS, DESCRIPTION_MAX_SHARE * ms.documentCount);
  return (term) => documentFrequency(ms, term, ['desc']) <= limit;
}

/**
 * The in-memory search index: two MiniSearch collections (products, storefronts) plus the records the
 * results and the gate read. Updates are synchronous and incremental; the whole thing serialises to
 * one JSON snapshot (snapshot-store.ts) for the Lambda that serves search in AWS.
 */
export class SearchIndex {
  private readonly productRecords = new Map<string, ProductRecord>();
  private readonly producerRecords = new Map<string, ProducerRecord>();
  private readonly productsByProducer = new Map<string, Set<string>>();

  private constructor(
    private readonly products: MiniSearch<ProductDocument>,
    private readonly producers: MiniSearch<ProducerDocument>,
    public builtAt: string,
  ) {}

  static empty(builtAt = new Date().toISOString()): SearchIndex {
    return new SearchIndex(new MiniSearch(miniOptions(PRODUCT_FIELDS)), new MiniSearch(miniOptions(PRODUCER_FIELDS)), builtAt);
  }

  static build(input: { products: Iterable<Product>; producers: Iterable<Producer>; builtAt?: string }): SearchIndex {
    const index = SearchIndex.empty(input.builtAt);
    for (const p of input.producers) index.upsertProducer(p);
    for (const p of input.products) index.upsertProduct(p);
    return index;
  }

  static fromSnapshot(snapshot: IndexSnapshot): SearchIndex {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`Unknown search snapshot format ${String(snapshot.format)}`);
    const index = new SearchIndex(
      MiniSearch.loadJS(snapshot.products, miniOptions(PRODUCT_FIELDS)),
      MiniSearch.loadJS(snapshot.producers, miniOptions(PRODUCER_FIELDS)),
      snapshot.builtAt,
    );
    for (const r of snapshot.producerRecords) index.producerRecords.set(r.id, r);
    for (const r of snapshot.productRecords) index.keepProductRecord(r);
    return index;
  }

  toSnapshot(): IndexSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      builtAt: this.builtAt,
      products: this.products.toJSON(),
      producers: this.producers.toJSON(),
      productRecords: [...this.productRecords.values()],
      producerRecords: [...this.producerRecords.values()],
    };
  }

  /**
   * Drops the postings of replaced and removed documents (MiniSearch discards lazily), so a snapshot
   * written after many edits is no bigger than a fresh build.
   */
  async compact(): Promise<void> {
    const batch = { batchSize: 50_000, batchWait: 0 };
    await Promise.all([this.products.vacuum(batch), this.producers.vacuum(batch)]);
  }

  get productCount(): number {
    return this.productRecords.size;
  }

  get producerCount(): number {
    return this.producerRecords.size;
  }

  hasProduct(id: string): boolean {
    return this.productRecords.has(id);
  }

  /** Adds, replaces or (when it may not be listed any more) removes a product. */
  upsertProduct(product: Product): void {
    this.matchCache.clear();
    const record = productRecord(product);
    if (!record) {
      this.removeProduct(product.id);
      return;
    }
    const doc = productDocument(product);
    if (this.products.has(product.id)) this.products.replace(doc);
    else this.products.add(doc);
    this.dropFromProducer(product.id);
    this.keepProductRecord(record);
  }

  removeProduct(id: string): void {
    this.matchCache.clear();
    if (this.products.has(id)) this.products.discard(id);
    this.dropFromProducer(id);
    this.productRecords.delete(id);
  }

  upsertProducer(producer: Producer): void {
    this.matchCache.clear();
    const doc = producerDocument(producer);
    if (this.producers.has(producer.id)) this.producers.replace(doc);
    else this.producers.add(doc);
    this.producerRecords.set(producer.id, producerRecord(producer));
  }

  removeProducer(id: string): void {
    this.matchCache.clear();
    if (this.producers.has(id)) this.producers.discard(id);
    this.producerRecords.delete(id);
  }

  private keepProductRecord(r: ProductRecord): void {
    this.productRecords.set(r.id, r);
    const set = this.productsByProducer.get(r.producerId) ?? new Set<string>();
    set.add(r.id);
    this.productsByProducer.set(r.producerId, set);
  }

  private dropFromProducer(productId: string): void {
    const previous = this.productRecords.get(productId);
    if (previous) this.productsByProducer.get(previous.producerId)?.delete(productId);
  }

  /** What the query planner may ask about terms, across both collections. */
  readonly vocabulary: Vocabulary = {
    text: (t) => Math.max(documentFrequency(this.products, t, PRODUCT_WORDS), documentFrequency(this.producers, t, PRODUCER_WORDS)),
    region: (t) => Math.max(documentFrequency(this.products, t, ['region']), documentFrequency(this.producers, t, ['region'])),
    nearText: (t) => nearTerms(this.products, t, PRODUCT_WORDS, 1).length > 0 || nearTerms(this.producers, t, PRODUCER_WORDS, 1).length > 0,
    prefixText: (t) => hasPrefix(this.products, t, PRODUCT_WORDS) || hasPrefix(this.producers, t, PRODUCER_WORDS),
  };

  /** Word-field terms one or two edits away, most frequent first: "did you mean" material. */
  nearWords(term: string, distance = 1): string[] {
    const seen = new Set<string>();
    for (const n of [...nearTerms(this.products, term, PRODUCT_WORDS, distance), ...nearTerms(this.producers, term, PRODUCER_WORDS, distance)]) seen.add(n.term);
    return [...seen];
  }

  private readonly regionHas = (joined: string) => this.vocabulary.region(joined) > 0;

  /**
   * Raw matches (before the gate, filters and paging, which are cheap and time-dependent) of recent
   * queries: shoppers repeat the same few hundred queries, and a snapshot changes at most every few
   * seconds. Any change to the index empties it.
   */
  private readonly matchCache = new Map<string, Map<string, number>>();
  private static readonly MATCH_CACHE_SIZE = 128;
  /** Bench only: measure matching cold. */
  matchCacheEnabled = true;
  /** Bench only: `library` scores with MiniSearch's own search (the baseline of query-evaluator.ts). */
  queryEngine: 'postings' | 'library' = 'postings';

  private cachedMatch(kind: string, level: RelaxLevel, plan: QueryPlan, run: () => Map<string, number>): Map<string, number> {
    if (!this.matchCacheEnabled) return run();
    const key = `${kind}|${level}|${plan.terms.map((t) => (t.fuzzy ? `${t.term}~` : t.term)).join(' ')}|${plan.accents.join(' ')}|${plan.lastComplete}`;
    let hit = this.matchCache.get(key);
    if (hit) {
      this.matchCache.delete(key); // most recently used last
    } else {
      hit = run();
      if (this.matchCache.size >= SearchIndex.MATCH_CACHE_SIZE) this.matchCache.delete(this.matchCache.keys().next().value!);
    }
    this.matchCache.set(key, hit);
    return hit;
  }

  /** Listed products matching the plan at the loosest level needed to find any, with their scores. */
  private matchProducts(plan: QueryPlan, now: Date, from: RelaxLevel = 'exact'): { level: RelaxLevel; hits: ScoredRecord[] } {
    let level: RelaxLevel = from;
    for (level of relaxLevels.slice(relaxLevels.indexOf(from))) {
      const scores = this.cachedMatch('p', level, plan, () =>
        matchDocuments(this.products, PRODUCT_SPEC, plan, { level, regionHas: this.regionHas, descriptionAllows: descriptionRule(this.products), engine: this.queryEngine }),
      );
      const hits: ScoredRecord[] = [];
      for (const [id, score] of scores) {
        const record = this.productRecords.get(id);
        if (record && isListedAt(record, now)) hits.push({ record, score });
      }
      if (hits.length > 0) return { level, hits };
    }
    return { level, hits: [] };
  }

  /** Storefronts loosen on their own (never to "any word"): a shop name is not a product name. */
  private matchProducers(plan: QueryPlan, now: Date, filters: SearchFilters, limit: number): ProducerHit[] {
    if (limit <= 0) return [];
    for (const level of relaxLevels.slice(0, relaxLevels.indexOf('any'))) {
      const options = { level, regionHas: this.regionHas, descriptionAllows: descriptionRule(this.producers), engine: this.queryEngine };
      const scores = this.cachedMatch('m', level, plan, () => matchDocuments(this.producers, PRODUCER_SPEC, plan, options));
      // Best first; the gate (≥ 1 listed product now) is checked only until `limit` storefronts pass.
      const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const out: ProducerHit[] = [];
      for (const [id, score] of ranked) {
        const record = this.producerRecords.get(id);
        if (!record || (filters.province && record.provinceCode !== filters.province)) continue;
        const listedProducts = this.listedProductsOf(id, now);
        if (listedProducts > 0) out.push({ record, score, listedProducts });
        if (out.length === limit) break;
      }
      if (out.length > 0) return out;
    }
    return [];
  }

  listedProductsOf(producerId: string, now: Date): number {
    let n = 0;
    for (const id of this.productsByProducer.get(producerId) ?? []) {
      const r = this.productRecords.get(id);
      if (r && isListedAt(r, now)) n++;
    }
    return n;
  }

  search(request: SearchRequest, now: Date): SearchOutcome {
    const plan = planQuery(request.q, this.vocabulary, { partialLast: true });
    const { level, hits } = this.matchProducts(plan, now);
    const filtered = hits.filter((h) => matchesFilters(h.record, request.filters));
    const facets = computeFacets(filtered.map((h) => h.record), request.filters);
    const ordered = sortScored(filtered, request.sort, request.offset + request.limit);
    return {
      plan,
      relaxed: level,
      unfilteredTotal: hits.length,
      total: filtered.length,
      hits: ordered.slice(request.offset, request.offset + request.limit),
      facets,
      producers: request.offset === 0 ? this.matchProducers(plan, now, request.filters, request.producerLimit ?? 4) : [],
    };
  }

  /** How many listed products a query finds (no facets, no paging): for the no-results alternatives. */
  count(q: string, filters: SearchFilters, now: Date): number {
    return this.search({ q, filters, sort: 'relevance', offset: 0, limit: 0, producerLimit: 0 }, now).total;
  }

  /** As-you-type: the last word is a prefix; products and storefronts the gate lets through; provinces. */
  suggest(q: string, now: Date, limits = { products: 6, producers: 3, provinces: 3 }): Suggestions {
    const plan = planQuery(q, this.vocabulary, { partialLast: true });
    const { level, hits } = this.matchProducts(plan, now, 'prefix');
    const top = level === 'any' ? [] : sortScored(hits, 'relevance', limits.products).slice(0, limits.products);
    return {
      products: top.map((h) => h.record),
      producers: this.matchProducers(plan, now, {}, limits.producers).map((h) => h.record),
      provinces: suggestProvinces(q, limits.provinces),
    };
  }
}
