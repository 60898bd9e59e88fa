import type MiniSearch from 'minisearch';
import { internalsOf, type Postings } from './minisearch-internals';

/**
 * Read-only look-ups in a MiniSearch index's term dictionary (document frequency of a term in some
 * fields; terms one edit away). MiniSearch exposes no public reader of its dictionary; reading it
 * (minisearch-internals.ts) avoids keeping a second copy of every term.
 */
const internals = internalsOf;

function fieldIds(ms: MiniSearch, fields: readonly string[]): number[] {
  const ids = internals(ms)._fieldIds;
  return fields.map((f) => ids[f]).filter((id): id is number => id !== undefined);
}

function frequencyIn(postings: Postings | undefined, ids: readonly number[]): number {
  if (!postings) return 0;
  let n = 0;
  for (const id of ids) n = Math.max(n, postings.get(id)?.size ?? 0);
  return n;
}

/** Documents containing `term` in the most frequent of `fields` (discarded documents count until vacuumed). */
export function documentFrequency(ms: MiniSearch, term: string, fields: readonly string[]): number {
  return frequencyIn(internals(ms)._index.get(term), fieldIds(ms, fields));
}

/** Terms within `distance` edits of `term` that occur in `fields`, most frequent first. */
export function nearTerms(ms: MiniSearch, term: string, fields: readonly string[], distance: number): Array<{ term: string; distance: number; frequency: number }> {
  const ids = fieldIds(ms, fields);
  const out: Array<{ term: string; distance: number; frequency: number }> = [];
  for (const [t, [postings, d]] of internals(ms)._index.fuzzyGet(term, distance)) {
    const frequency = frequencyIn(postings, ids);
    if (frequency > 0 && t !== term) out.push({ term: t, distance: d, frequency });
  }
  return out.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || a.term.localeCompare(b.term));
}

/** Whether some term of `fields` starts with `prefix` (stops at the first one). */
export function hasPrefix(ms: MiniSearch, prefix: string, fields: readonly string[]): boolean {
  const ids = fieldIds(ms, fields);
  for (const [, postings] of internals(ms)._index.atPrefix(prefix)) if (frequencyIn(postings, ids) > 0) return true;
  return false;
}
