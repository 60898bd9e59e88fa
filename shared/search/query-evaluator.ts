import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { internalsOf, type MiniSearchInternals as Internals, type Postings } from './minisearch-internals';

/**
 * Evaluates a MiniSearch query tree over MiniSearch's own index, with MiniSearch's scoring (BM25,
 * prefix and fuzzy weights, "quality" = number of query terms matched) — but cheaper:
 *
 * - an AND node evaluates its most selective child first and scores the others only for documents
 *   still in the running, instead of scoring every posting of a common syllable ("tra", "mat") and
 *   intersecting afterwards;
 * - scores accumulate in plain number maps, without the per-document result objects, term arrays
 *   and match records MiniSearch builds for its public results (most of its time and garbage).
 *
 * The index, its tokenising, fuzzy and prefix term expansion and its serialisation stay the
 * library's. tests/search/query-evaluator.test.ts checks that ids and scores equal `ms.search` on
 * the demo catalogue for every query shape match.ts builds; bench/search.ts measures the gain.
 */

/** What `ms.search` returns, reduced to what match.ts reads. */
export interface Evaluated {
  id: string;
  score: number;
  /** Distinct query terms matched (MiniSearch's `queryTerms.length`). */
  termCount: number;
}

type Node = Query | { leaf: string };

interface Acc {
  score: Map<number, number>;
  /** Bit i set: query term i matched. */
  mask: Map<number, number>;
}

interface Inherited {
  fields?: string[] | undefined;
  boost?: Record<string, number> | undefined;
  fuzzy?: number | boolean | undefined;
  prefix?: boolean | undefined;
  combineWith?: string | undefined;
  weights?: { fuzzy?: number; prefix?: number } | undefined;
}

// MiniSearch's defaults (its `defaultSearchOptions` and `defaultBM25params`).
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Masks are 31-bit integers; a longer query is handed to MiniSearch itself. */
const MAX_TERMS = 31;

class Evaluation {
  private readonly terms = new Map<string, number>();
  private readonly checkDiscarded: boolean;

  constructor(private readonly ix: Internals) {
    this.checkDiscarded = ix._dirtCount > 0;
  }

  termBit(term: string): number {
    let i = this.terms.get(term);
    if (i === undefined) {
      i = this.terms.size;
      if (i >= MAX_TERMS) throw new Unsupported();
      this.terms.set(term, i);
    }
    return 1 << i;
  }

  run(query: Query, inherited: Inherited, within: Map<number, number> | undefined): Acc {
    if (typeof query === 'symbol') throw new Unsupported();
    if (typeof query !== 'string') {
      const options: Inherited = { ...inherited, ...(query as Inherited) };
      const children = (query as { queries: Query[] }).queries;
      return this.combine(children, options, within);
    }
    const words = query.split(' ').filter(Boolean);
    return this.combine(words.map((w) => ({ leaf: w })), inherited, within);
  }

  private combine(children: Array<Node>, options: Inherited, within: Map<number, number> | undefined): Acc {
    const and = (options.combineWith ?? 'OR').toLowerCase() === 'and';
    if (children.length === 0) return { score: new Map(), mask: new Map() };
    const evalChild = (child: Node, w: Map<number, number> | undefined): Acc =>
      typeof child === 'object' && 'leaf' in child ? this.leaf(child.leaf, options, w) : this.run(child as Query, options, w);
    if (!and) {
      let acc: Acc | undefined;
      for (const child of children) {
        const r = evalChild(child, within);
        if (!acc) acc = r;
        else {
          for (const [doc, s] of r.score) {
            acc.score.set(doc, (acc.score.get(doc) ?? 0) + s);
            acc.mask.set(doc, (acc.mask.get(doc) ?? 0) | r.mask.get(doc)!);
          }
        }
      }
      return acc!;
    }
    // AND: the most selective child first; each next child only scores the documents still in.
    const ordered = children.map((c): { c: Node; cost: number } => ({ c, cost: this.cost(c, options) })).sort((a, b) => a.cost - b.cost);
    let acc: Acc | undefined;
    for (const { c } of ordered) {
      const r = evalChild(c, acc ? acc.score : within);
      if (!acc) {
        acc = r;
      } else {
        const next: Acc = { score: new Map(), mask: new Map() };
        for (const [doc, s] of r.score) {
          const prev = acc.score.get(doc);
          if (prev === undefined) continue;
          next.score.set(doc, prev + s);
          next.mask.set(doc, acc.mask.get(doc)! | r.mask.get(doc)!);
        }
        acc = next;
      }
      if (acc.score.size === 0) break;
    }
    return acc!;
  }

  /** A cheap guess of how many postings a child touches: exact postings, expansions count as many. */
  private cost(child: Node, inherited: Inherited): number {
    if (typeof child === 'object' && 'leaf' in child) return this.leafCost(child.leaf, inherited);
    if (typeof child === 'symbol') throw new Unsupported();
    if (typeof child === 'string') return child.split(' ').filter(Boolean).reduce((n, w) => n + this.leafCost(w, inherited), 0);
    const options: Inherited = { ...inherited, ...(child as Inherited) };
    const costs = (child as { queries: Query[] }).queries.map((q) => this.cost(q, options));
    return (options.combineWith ?? 'OR').toLowerCase() === 'and' ? Math.min(...costs) : costs.reduce((a, b) => a + b, 0);
  }

  private leafCost(term: string, options: Inherited): number {
    const data = this.ix._index.get(term);
    let n = 0;
    for (const field of options.fields ?? this.ix._options.fields) n += data?.get(this.ix._fieldIds[field]!)?.size ?? 0;
    // Prefix and typo expansions are unknown until walked: put them after the exact words.
    return options.prefix || options.fuzzy ? n + this.ix._documentCount : n;
  }

  /** MiniSearch's executeQuerySpec: the exact term, then prefix completions, then fuzzy neighbours. */
  private leaf(term: string, options: Inherited, within: Map<number, number> | undefined): Acc {
    const acc: Acc = { score: new Map(), mask: new Map() };
    const bit = this.termBit(term);
    const fields = options.fields ?? this.ix._options.fields;
    const boosts = fields.map((f) => ({ id: this.ix._fieldIds[f]!, boost: options.boost?.[f] || 1 }));
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    this.postings(this.ix._index.get(term), 1, boosts, bit, acc, within);
    let fuzzyMatches: Map<string, [Postings, number]> | undefined;
    if (options.fuzzy) {
      const fuzzy = options.fuzzy === true ? 0.2 : options.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = this.ix._index.fuzzyGet(term, maxDistance);
    }
    if (options.prefix) {
      for (const [t, data] of this.ix._index.atPrefix(term)) {
        const distance = t.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(t);
        this.postings(data, (weights.prefix * t.length) / (t.length + 0.3 * distance), boosts, bit, acc, within);
      }
    }
    if (fuzzyMatches) {
      for (const [t, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        this.postings(data, (weights.fuzzy * t.length) / (t.length + distance), boosts, bit, acc, within);
      }
    }
    return acc;
  }

  /** MiniSearch's termResults, accumulating into `acc`. */
  private postings(data: Postings | undefined, weight: number, boosts: Array<{ id: number; boost: number }>, bit: number, acc: Acc, within: Map<number, number> | undefined): void {
    if (!data) return;
    const { _documentIds: ids, _fieldLength: lengths, _avgFieldLength: avg, _documentCount: total } = this.ix;
    for (const { id: fieldId, boost } of boosts) {
      const freqs = data.get(fieldId);
      if (!freqs) continue;
      let matching = freqs.size;
      const avgLength = avg[fieldId]!;
      for (const [doc, tf] of freqs) {
        if (this.checkDiscarded && !ids.has(doc)) {
          matching -= 1;
          continue;
        }
        if (within && !within.has(doc)) continue;
        const length = lengths.get(doc)![fieldId]!;
        const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const s = weight * boost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avgLength)));
        const prev = acc.score.get(doc);
        if (prev === undefined) {
          acc.score.set(doc, s);
          acc.mask.set(doc, bit);
        } else {
          acc.score.set(doc, prev + s);
          acc.mask.set(doc, acc.mask.get(doc)! | bit);
        }
      }
    }
  }
}

/** A query this evaluator does not take (too many terms, the wildcard): MiniSearch answers it. */
class Unsupported extends Error {}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

/** The same answer from MiniSearch's own `search`: the fallback, and the bench's baseline. */
export function evaluateWithLibrary(ms: MiniSearch, query: Query): Evaluated[] {
  return ms.search(query).map((r) => ({ id: r.id as string, score: r.score, termCount: r.queryTerms.length }));
}

/** `ms.search(query)` for the query shapes match.ts builds (no filter, no boostDocument, no wildcard). */
export function evaluate(ms: MiniSearch, query: Query): Evaluated[] {
  const ix = internalsOf(ms);
  let acc: Acc;
  try {
    acc = new Evaluation(ix).run(query, {}, undefined);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return evaluateWithLibrary(ms, query);
  }
  const out: Evaluated[] = [];
  for (const [doc, score] of acc.score) {
    const termCount = popcount(acc.mask.get(doc)!);
    out.push({ id: ix._documentIds.get(doc)!, score: score * (termCount || 1), termCount });
  }
  return out;
}

/**
 * For each document of `within` (MiniSearch ids), how many of `terms` it has in `field` (exactly, or
 * one edit away when `fuzzy`): read from the postings directly, with no scoring at all.
 */
export function termCoverage(ms: MiniSearch, within: ReadonlyMap<string, unknown>, terms: readonly string[], field: string, fuzzy: number | false): Map<string, number> {
  const ix = internalsOf(ms);
  const fieldId = ix._fieldIds[field];
  const found = new Map<string, number>();
  if (fieldId === undefined) return found;
  for (const term of new Set(terms)) {
    const docs = new Set<number>();
    const collect = (data: Postings | undefined) => {
      const freqs = data?.get(fieldId);
      if (freqs) for (const doc of freqs.keys()) docs.add(doc);
    };
    if (fuzzy) for (const [data] of ix._index.fuzzyGet(term, fuzzy).values()) collect(data);
    else collect(ix._index.get(term));
    for (const doc of docs) {
      const id = ix._documentIds.get(doc);
      if (id !== undefined && within.has(id)) found.set(id, (found.get(id) ?? 0) + 1);
    }
  }
  return found;
}
