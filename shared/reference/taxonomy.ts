import taxonomyData from './data/taxonomy.json' with { type: 'json' };

export interface Subgroup {
  code: string;
  name: string;
  validFrom: string;
  validTo?: string;
}

export interface ProductGroup {
  code: string;
  number: number;
  name: string;
  nameEn: string;
  /** Group 6 (tourism) is a service: booked, never shipped, no weight. */
  isService: boolean;
  legacyNames: string[];
  subgroups: Subgroup[];
}

export const productGroups: readonly ProductGroup[] = taxonomyData.groups as ProductGroup[];
export const groupCodes = productGroups.map((g) => g.code) as [string, ...string[]];
export const subgroupCodes = productGroups.flatMap((g) => g.subgroups.map((s) => s.code)) as [string, ...string[]];

const groupByCode = new Map(productGroups.map((g) => [g.code, g]));
const subgroupIndex = new Map(productGroups.flatMap((g) => g.subgroups.map((s) => [s.code, { group: g, subgroup: s }] as const)));

export function groupByCodeOrUndefined(code: string): ProductGroup | undefined {
  return groupByCode.get(code);
}

export function subgroupByCode(code: string): { group: ProductGroup; subgroup: Subgroup } | undefined {
  return subgroupIndex.get(code);
}

/** Legacy certificates (490/2018 era) name groups differently: keep a mapping, never reject. */
export function groupForLegacyName(name: string): ProductGroup | undefined {
  const n = name.trim().normalize('NFC').toLowerCase();
  return productGroups.find((g) => g.legacyNames.some((l) => l.toLowerCase() === n) || g.name.toLowerCase() === n);
}
