import { foldVietnamese } from '../text/fold';
import provincesData from './data/provinces-2025.json' with { type: 'json' };
import legacyData from './data/legacy-provinces.json' with { type: 'json' };

/** A provincial-level unit after Resolution 202/2025/QH15 (34 units). Codes are scheme "2025". */
export interface Province {
  code: string;
  name: string;
  slug: string;
  type: 'province' | 'city';
  region: string;
  adminCenter: string;
  lat: number;
  lng: number;
  mergedFrom: string[];
}

export const provinces: readonly Province[] = provincesData as Province[];
const byCode = new Map(provinces.map((p) => [p.code, p]));
export const provinceCodes = provinces.map((p) => p.code) as [string, ...string[]];

export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

// Folded names so "Trà Vinh", "Tra Vinh" and the old/new tone placement ("Hòa"/"Hoà") all match.
const byFoldedName = new Map<string, Province>();
for (const p of provinces) {
  for (const name of p.mergedFrom) byFoldedName.set(foldVietnamese(name), p);
  byFoldedName.set(foldVietnamese(p.name), p);
}
for (const [alias, code] of Object.entries(legacyData.aliases)) {
  const p = byCode.get(code);
  if (p) byFoldedName.set(foldVietnamese(alias), p);
}

/** Today's province for any name: a 2025 name, a pre-2025 name or a known alias. */
export function provinceForName(name: string): Province | undefined {
  const folded = foldVietnamese(name.trim()).replace(/^(tinh|thanh pho|tp\.?)\s+/, '');
  return byFoldedName.get(folded) ?? byFoldedName.get(foldVietnamese(name.trim()));
}

/**
 * Maps a pre-2025 (scheme "2004") code to today's code. Old and new codes collide with different
 * meanings (old 80 = Long An, new 80 = Tây Ninh), so a bare code is never guessed at: the caller
 * states the scheme.
 */
export function provinceFor(code: string, scheme: '2004' | '2025'): Province | undefined {
  if (scheme === '2025') return byCode.get(code);
  const mapped = (legacyData.codeMap2004to2025 as Record<string, string>)[code] ?? code;
  return byCode.get(mapped);
}

/** True when a legacy name is a unit that was merged into another (so "nay thuộc …" applies). */
export function isFormerProvince(name: string): boolean {
  const p = provinceForName(name);
  return p !== undefined && foldVietnamese(p.name) !== foldVietnamese(name.replace(/^(Tỉnh|Thành phố|TP\.?)\s+/i, '').trim());
}
