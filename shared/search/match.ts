import type MiniSearch from 'minisearch';
import type { Query, SearchOptions } from 'minisearch';
import type { PlannedTerm, QueryPlan } from './query-plan';
import { evaluate, evaluateWithLibrary, termCoverage } from './query-evaluator';

/** Field weights of one collection (products or producers). */
export interface CollectionSpec {
  /** Fields a query word may match, with their boosts. */
  words: Record<string, number>;
  /** The long free-text field (description, story) and its boost: searched only for distinctive words. */
  description: { field: string; boost: number };
  /** Boost of a whole place name matched in the region field. */
  region: number;
  /** Score multiplier gained when every adjacent query pair is found side by side: × (1 + phrase). */
  phrase: number;
  /** Score multiplier gained when every syllable typed with diacritics is found exactly so. */
  accent: number;
}

/**
 * How far the match has been loosened to find anything: all words exactly (with repairs for unknown
 * ones), then the last word as a prefix, then one typo in any word of 4+ letters, then any word.
 */
export const relaxLevels = ['exact', 'prefix', 'typo', 'any'] as const;
export type RelaxLevel = (typeof relaxLevels)[number];

/** Repaired typos of 3 letters are allowed (no exact term exists); a known word needs 4+ to be loosened. */
const TYPO_MIN_UNKNOWN = 3;
const TYPO_MIN_KNOWN = 4;

const base: SearchOptions = { fuzzy: false, prefix: false, combineWith: 'OR', weights: { fuzzy: 0.45, prefix: 0.4 } };

function wordQuery(spec: CollectionSpec, o: MatchOptions, t: PlannedTerm, isLast: boolean, lastComplete: boolean): Query {
  const loosened = o.level === 'typo' || o.level === 'any';
  const fuzzy = (t.fuzzy && t.term.length >= TYPO_MIN_UNKNOWN) || (loosened && t.term.length >= TYPO_MIN_KNOWN) ? 1 : false;
  const prefix = isLast && t.term.length >= 2 && (!lastComplete || o.level !== 'exact');
  const queries: Query[] = [
    { ...base, queries: [t.term], fields: Object.keys(spec.words), boost: spec.words, fuzzy, prefix },
    { ...base, queries: [t.term], fields: ['region'], boost: { region: spec.region } },
  ];
  // Descriptions are mostly boilerplate ("sản phẩm", "bảo quản nơi thoáng mát"): a word found only
  // there counts when it is distinctive, never through a typo or a prefix. This keeps both the
  // result set meaningful and the cost of a common syllable bounded.
  if (!t.fuzzy && o.descriptionAllows(t.term)) {
    const { field, boost } = spec.description;
    queries.push({ ...base, queries: [t.term], fields: [field], boost: { [field]: boost } });
  }
  return { combineWith: 'OR', queries };
}

/**
 * One query node per concept. Two adjacent words that together name a place in the region field
 * ("kien giang", "ben tre") may match it as a whole, or as two words anywhere else.
 */
function concepts(spec: CollectionSpec, plan: QueryPlan, o: MatchOptions): Query[] {
  const out: Query[] = [];
  const { terms } = plan;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const isLast = i === terms.length - 1;
    const next = terms[i + 1];
    if (next && o.regionHas(t.term + next.term)) {
      out.push({
        combineWith: 'OR',
        queries: [
          { combineWith: 'AND', queries: [wordQuery(spec, o, t, false, true), wordQuery(spec, o, next, i + 1 === terms.length - 1, plan.lastComplete)] },
          { ...base, queries: [t.term + next.term], fields: ['region'], boost: { region: spec.region * 2 } },
        ],
      });
      i++;
      continue;
    }
    out.push(wordQuery(spec, o, t, isLast, plan.lastComplete));
  }
  return out;
}

export interface MatchOptions {
  level: RelaxLevel;
  regionHas: (joined: string) => boolean;
  /** Whether a word is rare enough in descriptions for a description-only match to count. */
  descriptionAllows: (term: string) => boolean;
  /** `library`: MiniSearch's own search, for the bench's same-run baseline. Default `postings`. */
  engine?: 'postings' | 'library' | undefined;
}

/** How many of the given terms each already-matched document contains in `field`. */
function coverage(ms: MiniSearch, within: Map<string, number>, lists: Array<{ terms: string[]; field: string; fuzzy: number | false }>): Map<string, number> {
  const found = new Map<string, number>();
  for (const { terms, field, fuzzy } of lists) {
    if (terms.length === 0) continue;
    for (const [id, n] of termCoverage(ms, within, terms, field, fuzzy)) found.set(id, (found.get(id) ?? 0) + n);
  }
  return found;
}

/** The query tree of a plan at one relax level: every concept (AND), or any of them at level `any`. */
export function matchQuery(spec: CollectionSpec, plan: QueryPlan, options: MatchOptions): Query {
  return { combineWith: options.level === 'any' ? 'OR' : 'AND', queries: concepts(spec, plan, options) };
}

/** Matching documents and their scores: the words decide membership, phrase and diacritics add score. */
export function matchDocuments(ms: MiniSearch, spec: CollectionSpec, plan: QueryPlan, options: MatchOptions): Map<string, number> {
  const scores = new Map<string, number>();
  if (plan.terms.length === 0) return scores;
  const results = (options.engine === 'library' ? evaluateWithLibrary : evaluate)(ms, matchQuery(spec, plan, options));
  if (options.level === 'any') {
    // "Any word" still prefers documents that have more of them: keep only the best coverage.
    const best = results.reduce((m, r) => Math.max(m, r.termCount), 0);
    for (const r of results) if (r.termCount === best) scores.set(r.id, r.score);
  } else {
    for (const r of results) scores.set(r.id, r.score);
  }
  if (scores.size === 0) return scores;

  // Adjacent query words found side by side outrank the same words scattered over the text, and a
  // syllable typed with its diacritics outranks its folded twins ("mắm" above "mâm"). Both multiply
  // the word score by the share of pairs/syllables found, so they mean the same for any BM25 scale.
  const typoPairs = new Set(plan.terms.flatMap((t, i) => (t.fuzzy ? [i - 1, i] : [])));
  const phrase = coverage(ms, scores, [
    { terms: plan.bigrams.filter((_, i) => !typoPairs.has(i)), field: 'phrase', fuzzy: false },
    // A pair holding a repaired typo is itself misspelt ("phuquc"): one edit on the joined pair.
    { terms: plan.bigrams.filter((b, i) => typoPairs.has(i) && b.length >= 6), field: 'phrase', fuzzy: 1 },
  ]);
  const accent = coverage(ms, scores, [{ terms: plan.accents, field: 'acc', fuzzy: false }]);
  for (const [id, s] of scores) {
    const p = plan.bigrams.length ? (phrase.get(id) ?? 0) / plan.bigrams.length : 0;
    const a = plan.accents.length ? (accent.get(id) ?? 0) / plan.accents.length : 0;
    scores.set(id, s * (1 + spec.phrase * p) * (1 + spec.accent * a));
  }
  return scores;
}
