import { decodeTelex, splitJoined } from './typing-fixes';
import { accentKey, fold, hasDiacritics, joinedBigrams, phrases } from './vietnamese-text';

/** How many documents contain a folded term, per kind of field (0 = the index has never seen it). */
export interface Vocabulary {
  /** In the word fields (name, producer, origin, tags, group, alias, description). */
  text(term: string): number;
  /** In the joined place names (former provinces, "saigon", "hanoi"). */
  region(term: string): number;
  /** Whether some word-field term is one edit away. */
  nearText(term: string): boolean;
  /** Whether some word-field term starts with this. */
  prefixText(term: string): boolean;
}

/** One syllable the search must find. `fuzzy` when it was typed wrong and only a near term exists. */
export interface PlannedTerm {
  term: string;
  fuzzy: boolean;
}

export interface Correction {
  from: string;
  to: string;
  kind: 'joined' | 'telex';
}

export interface QueryPlan {
  /** Syllables in query order, after repairs. */
  terms: PlannedTerm[];
  /** Accent keys of the syllables typed with diacritics, for the exact-diacritics boost. */
  accents: string[];
  /** Joined adjacent pairs, for the phrase boost ("nuocmam"). */
  bigrams: string[];
  /** Folded tokens that match nothing, not even one edit away: left out rather than emptying the result. */
  ignored: string[];
  corrections: Correction[];
  /** The last token was complete as typed (it is a known word): no prefix expansion needed. */
  lastComplete: boolean;
}

/** An unknown token of 3+ letters may be one typo away ("quc" → quoc); shorter ones are guesses. */
export const FUZZY_MIN_LENGTH = 3;

const isKnown = (v: Vocabulary, t: string) => v.text(t) > 0 || v.region(t) > 0;

/**
 * Turns a query into syllables the index knows. Unknown tokens are repaired in this order: a missing
 * space ("phuquoc" → phu quoc), raw Telex ("nuowcs" → nuoc), then one typo (left to the index's
 * fuzzy match). A token nothing can repair is ignored, unless it is the last one being typed.
 */
export function planQuery(q: string, vocab: Vocabulary, options: { partialLast?: boolean } = {}): QueryPlan {
  const raw = phrases(q).flat().slice(0, 16);
  const plan: QueryPlan = { terms: [], accents: [], bigrams: [], ignored: [], corrections: [], lastComplete: true };
  // Syllables of a place known only as a whole ("kien giang", a former province) are known words.
  const inPlace = new Set<number>();
  for (let i = 0; i + 1 < raw.length; i++) {
    if (vocab.region(fold(raw[i]!) + fold(raw[i + 1]!)) > 0) inPlace.add(i).add(i + 1);
  }
  raw.forEach((token, i) => {
    const folded = fold(token);
    const last = i === raw.length - 1;
    if (hasDiacritics(token)) plan.accents.push(accentKey(token));
    if (inPlace.has(i) || isKnown(vocab, folded)) {
      plan.terms.push({ term: folded, fuzzy: false });
      return;
    }
    if (last) plan.lastComplete = false;
    const split = splitJoined(folded, (s) => vocab.text(s));
    if (split) {
      plan.terms.push(...split.map((term) => ({ term, fuzzy: false })));
      plan.corrections.push({ from: folded, to: split.join(' '), kind: 'joined' });
      return;
    }
    const telex = decodeTelex(folded);
    if (telex !== folded && isKnown(vocab, telex)) {
      plan.terms.push({ term: telex, fuzzy: false });
      plan.corrections.push({ from: folded, to: telex, kind: 'telex' });
      return;
    }
    if (folded.length >= FUZZY_MIN_LENGTH && vocab.nearText(folded)) {
      plan.terms.push({ term: folded, fuzzy: true });
      return;
    }
    // Half-typed last word ("keo du"): the prefix search may still complete it.
    if (last && options.partialLast && folded.length >= 2 && vocab.prefixText(folded)) {
      plan.terms.push({ term: folded, fuzzy: false });
      return;
    }
    plan.ignored.push(folded);
  });
  plan.bigrams = joinedBigrams(plan.terms.map((t) => t.term));
  return plan;
}
