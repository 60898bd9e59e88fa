import { priceBandLabel, priceBandCodes, type PriceBandCode } from '../../shared/search/facets';
import { provinceByCode } from '../../shared/reference/provinces';
import { groupByCodeOrUndefined, subgroupByCode } from '../../shared/reference/taxonomy';
import type { SearchParams } from './search-links';

export type FilterParam = 'group' | 'subgroup' | 'province' | 'minStars' | 'price';
export const filterParams: readonly FilterParam[] = ['group', 'subgroup', 'province', 'minStars', 'price'];

/** "Tỉnh, thành phố: An Giang": what an active filter means, in words. */
export function filterLabel(param: FilterParam, value: string | number): string {
  const v = String(value);
  switch (param) {
    case 'group':
      return `Nhóm: ${groupByCodeOrUndefined(v)?.name ?? v}`;
    case 'subgroup':
      return `Phân nhóm: ${subgroupByCode(v)?.subgroup.name ?? v}`;
    case 'province':
      return `Tỉnh, thành phố: ${provinceByCode(v)?.name ?? v}`;
    case 'minStars':
      return v === '5' ? 'OCOP 5 sao' : `Từ ${v} sao`;
    case 'price':
      return (priceBandCodes as readonly string[]).includes(v) ? `Giá: ${priceBandLabel(v as PriceBandCode)}` : v;
  }
}

export function activeFilters(params: SearchParams): Array<{ param: FilterParam; value: string | number; label: string }> {
  return filterParams.flatMap((param) => {
    const value = params[param];
    return value === undefined || value === '' ? [] : [{ param, value, label: filterLabel(param, value) }];
  });
}
