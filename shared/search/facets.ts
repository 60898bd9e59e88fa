import { priceBandLabel, priceBands, type PriceBandCode } from './price-bands';
import { provinceByCode } from '../reference/provinces';
import { groupByCodeOrUndefined, subgroupByCode } from '../reference/taxonomy';
import { keysOf } from './record-keys';

export { priceBandCodes, priceBandLabel, priceBandOf, priceBands, type PriceBandCode } from './price-bands';
import type { ProductRecord } from './search-document';


/** Star facet values mean "at least": 3 (all listed), 4, 5. */
export const starLevels = [5, 4, 3] as const;

export interface SearchFilters {
  group?: string | undefined;
  subgroup?: string | undefined;
  province?: string | undefined;
  minStars?: number | undefined;
  price?: PriceBandCode | undefined;
}

export type FilterKey = keyof SearchFilters;
export const filterKeys: readonly FilterKey[] = ['group', 'subgroup', 'province', 'minStars', 'price'];

export function matchesFilters(r: ProductRecord, f: SearchFilters, except?: FilterKey): boolean {
  if (f.group && except !== 'group' && r.group !== f.group) return false;
  if (f.subgroup && except !== 'subgroup' && r.subgroup !== f.subgroup) return false;
  if (f.province && except !== 'province' && r.provinceCode !== f.province) return false;
  if (f.minStars !== undefined && except !== 'minStars' && r.stars < f.minStars) return false;
  if (f.price && except !== 'price' && keysOf(r).band !== f.price) return false;
  return true;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  group: FacetValue[];
  subgroup: FacetValue[];
  province: FacetValue[];
  stars: FacetValue[];
  price: FacetValue[];
}

function values(counts: Map<string, number>, label: (v: string) => string): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, label: label(value), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Counts over the filtered result set itself, so each count is exactly the number of results the
 * shopper gets by adding that value (a value already chosen counts the whole set). Star levels are
 * thresholds: those below the chosen one would loosen the filter, so they are not offered.
 * One pass over the set: it can hold thousands of products for a broad query.
 */
export function computeFacets(records: readonly ProductRecord[], filters: SearchFilters = {}): Facets {
  const group = new Map<string, number>();
  const subgroup = new Map<string, number>();
  const province = new Map<string, number>();
  const price = new Map<string, number>();
  const exactStars = [0, 0, 0, 0, 0, 0];
  for (const r of records) {
    bump(group, r.group);
    bump(subgroup, r.subgroup);
    bump(province, r.provinceCode);
    bump(price, keysOf(r).band);
    exactStars[r.stars] = (exactStars[r.stars] ?? 0) + 1;
  }
  const atLeast = (level: number) => exactStars.slice(level).reduce((n, c) => n + c, 0);
  return {
    group: values(group, (v) => groupByCodeOrUndefined(v)?.name ?? v),
    subgroup: values(subgroup, (v) => subgroupByCode(v)?.subgroup.name ?? v),
    province: values(province, (v) => provinceByCode(v)?.name ?? v),
    stars: starLevels
      .filter((level) => level >= (filters.minStars ?? 0))
      .map((level) => ({ value: String(level), label: level === 5 ? '5 sao' : `Từ ${level} sao`, count: atLeast(level) }))
      .filter((f) => f.count > 0),
    // Bands in price order, not by count: a price scale reads low to high.
    price: priceBands.flatMap((b) => {
      const count = price.get(b.code) ?? 0;
      return count > 0 ? [{ value: b.code, label: priceBandLabel(b.code), count }] : [];
    }),
  };
}
