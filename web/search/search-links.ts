import type { PriceBandCode } from '../../shared/search/facets';
import type { SearchSort } from '../../shared/search/ranking';

/** The search page's URL state: everything a link on it may carry. */
export interface SearchParams {
  q?: string | undefined;
  group?: string | undefined;
  subgroup?: string | undefined;
  province?: string | undefined;
  minStars?: number | undefined;
  price?: PriceBandCode | undefined;
  sort?: SearchSort | undefined;
  cursor?: string | undefined;
}

export const SEARCH_PATH = '/tim-kiem';

const ORDER: Array<keyof SearchParams> = ['q', 'group', 'subgroup', 'province', 'minStars', 'price', 'sort', 'cursor'];

/** `/tim-kiem?q=…&province=…`: empty values and the default order left out, so URLs stay short and shareable. */
export function searchPath(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const key of ORDER) {
    const v = params[key];
    if (v === undefined || v === '' || (key === 'sort' && v === 'relevance')) continue;
    qs.set(key, String(v));
  }
  const s = qs.toString();
  return s ? `${SEARCH_PATH}?${s}` : SEARCH_PATH;
}

/** The same search with some parameters changed; any change of filter or order starts again at page 1. */
export function withParams(params: SearchParams, change: Partial<Record<keyof SearchParams, string | number | undefined>>): string {
  return searchPath({ ...params, cursor: undefined, ...change } as SearchParams);
}
