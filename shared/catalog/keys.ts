import type { ProductSort } from './list-query';
import type { byPriceIndex, byRatingIndex, byStarsIndex } from './listing-indexes';

/**
 * Key layout of the catalogue in the single table (docs/data-model.md).
 * A listed product is written once as its product item and once per listing facet, so every list
 * page is a single Query on one partition, whatever the sort.
 */
export const PRODUCT_PREFIX = 'PRODUCT#';
export const LISTING_PREFIX = 'LIST#';

export const productKey = (id: string) => ({ PK: `${PRODUCT_PREFIX}${id}`, SK: 'PRODUCT' });

export type ListingFacet =
  | { kind: 'all' }
  | { kind: 'group'; value: string }
  | { kind: 'subgroup'; value: string }
  | { kind: 'province'; value: string }
  | { kind: 'producer'; value: string };

export function listingPartition(facet: ListingFacet): string {
  switch (facet.kind) {
    case 'all':
      return 'LIST#ALL';
    case 'group':
      return `LIST#G#${facet.value}`;
    case 'subgroup':
      return `LIST#SG#${facet.value}`;
    case 'province':
      return `LIST#P#${facet.value}`;
    case 'producer':
      return `LIST#M#${facet.value}`;
  }
}

/** Sort keys; zero-padded so string order is numeric order. */
export const newestSortKey = (createdAt: string, id: string) => `NEW#${createdAt}#${id}`;
export const priceSortKey = (priceVnd: number, id: string) => `${String(priceVnd).padStart(12, '0')}#${id}`;
export const starsSortKey = (stars: number, createdAt: string, id: string) => `${stars}#${createdAt}#${id}`;

type SortIndexName = typeof byPriceIndex.indexName | typeof byStarsIndex.indexName | typeof byRatingIndex.indexName;
export const sortIndex: Record<ProductSort, { index?: SortIndexName; keyAttr: 'SK' | 'PRICE' | 'STARS' | 'RATING'; forward: boolean }> = {
  newest: { keyAttr: 'SK', forward: false },
  price_asc: { index: 'byPrice', keyAttr: 'PRICE', forward: true },
  price_desc: { index: 'byPrice', keyAttr: 'PRICE', forward: false },
  stars: { index: 'byStars', keyAttr: 'STARS', forward: false },
  rating: { index: 'byRating', keyAttr: 'RATING', forward: false },
};
