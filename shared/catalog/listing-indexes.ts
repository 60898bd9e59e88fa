import type { IndexDefinition } from '../db/table-definition';

/** Listing items only (sparse): a listing partition ordered by price. */
export const byPriceIndex = {
  indexName: 'byPrice',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'PRICE', type: 'S' },
} as const satisfies IndexDefinition;

/** Listing items only (sparse): a listing partition ordered by stars, then newest. */
export const byStarsIndex = {
  indexName: 'byStars',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'STARS', type: 'S' },
} as const satisfies IndexDefinition;

/**
 * Listing items only (sparse): a listing partition ordered by buyers' review rating (mean, then
 * count, then id), queried descending; products without reviews sort after every rated one.
 */
export const byRatingIndex = {
  indexName: 'byRating',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'RATING', type: 'S' },
} as const satisfies IndexDefinition;
