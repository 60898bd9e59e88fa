import legacyData from '../reference/data/legacy-provinces.json' with { type: 'json' };
import { provinces, type Province } from '../reference/provinces';
import { fold, phrases } from './vietnamese-text';

/** Every name a shopper may type for a province (2025 name, merged-in former provinces, aliases), folded. */
const names: Array<{ folded: string; joined: string; province: Province; via?: string }> = [];
for (const p of provinces) {
  const add = (name: string, via?: string) => {
    const sylls = phrases(name.replace(/^TP\.?\s*/u, '')).flat().map(fold);
    names.push({ folded: sylls.join(' '), joined: sylls.join(''), province: p, ...(via ? { via } : {}) });
  };
  add(p.name);
  for (const former of p.mergedFrom) if (former !== p.name) add(former, former);
}
for (const [alias, code] of Object.entries(legacyData.aliases as Record<string, string>)) {
  const p = provinces.find((x) => x.code === code);
  if (p) {
    const sylls = phrases(alias).flat().map(fold);
    names.push({ folded: sylls.join(' '), joined: sylls.join(''), province: p, via: alias });
  }
}

export interface ProvinceSuggestion {
  code: string;
  name: string;
  /** The former province or alias the query matched ("Kiên Giang" → An Giang), if not the 2025 name. */
  matched?: string | undefined;
}

/** Provinces whose name starts with the query (folded; with or without spaces: "phu th", "phutho"). */
export function suggestProvinces(q: string, limit = 3): ProvinceSuggestion[] {
  const sylls = phrases(q).flat().map(fold);
  const spaced = sylls.join(' ');
  const joined = sylls.join('');
  if (joined.length < 2) return [];
  const out = new Map<string, ProvinceSuggestion>();
  for (const n of names) {
    if (!n.folded.startsWith(spaced) && !n.joined.startsWith(joined)) continue;
    const existing = out.get(n.province.code);
    // A match on today's name beats a match through a former name or an alias.
    if (!existing || (existing.matched && !n.via)) {
      out.set(n.province.code, { code: n.province.code, name: n.province.name, ...(n.via ? { matched: n.via } : {}) });
    }
  }
  return [...out.values()].slice(0, limit);
}
