import { filterKeys, type SearchFilters } from './facets';
import type { SearchIndex } from './search-index';
import { fold, hasDiacritics, phrases } from './vietnamese-text';

export interface Alternative {
  kind: 'unaccented' | 'did-you-mean' | 'drop-filter' | 'drop-word';
  q: string;
  filters: SearchFilters;
  count: number;
}

const MAX_ALTERNATIVES = 6;

/**
 * What to offer when a search finds nothing, each with the number of products it would find:
 * the query without diacritics, each filter dropped, a close known word for each word ("did you mean"),
 * each word dropped. Only on the no-results path, so the few extra searches cost nothing in general.
 */
export function findAlternatives(index: SearchIndex, q: string, filters: SearchFilters, now: Date): Alternative[] {
  const out: Alternative[] = [];
  const seen = new Set<string>();
  const consider = (kind: Alternative['kind'], altQ: string, altFilters: SearchFilters, always = false) => {
    const key = `${fold(altQ)}|${JSON.stringify(altFilters)}`;
    if (seen.has(key) || !altQ.trim()) return;
    seen.add(key);
    const count = index.count(altQ, altFilters, now);
    if (count > 0 || always) out.push({ kind, q: altQ, filters: altFilters, count });
  };

  const words = phrases(q).flat();
  // Matching ignores diacritics already; the unaccented form is still what to type on any keyboard.
  if (words.some(hasDiacritics)) consider('unaccented', words.map(fold).join(' '), filters, true);
  for (const key of filterKeys) {
    if (filters[key] === undefined) continue;
    const { [key]: _dropped, ...rest } = filters;
    consider('drop-filter', q, rest);
  }
  words.forEach((word, i) => {
    for (const near of [...index.nearWords(fold(word), 1), ...index.nearWords(fold(word), 2)].slice(0, 3)) {
      consider('did-you-mean', words.map((w, j) => (j === i ? near : fold(w))).join(' '), filters);
    }
  });
  if (words.length > 1) words.forEach((_, i) => consider('drop-word', words.filter((__, j) => j !== i).join(' '), filters));

  const rank = { unaccented: 0, 'drop-filter': 1, 'did-you-mean': 2, 'drop-word': 3 } as const;
  return out.sort((a, b) => rank[a.kind] - rank[b.kind] || b.count - a.count).slice(0, MAX_ALTERNATIVES);
}
