import { ownerPartition } from '../db/owner-index';
import { isListable } from './gate';
import {
  listingPartition,
  newestSortKey,
  priceSortKey,
  productKey,
  starsSortKey,
  type ListingFacet,
} from './keys';
import { ratingSortKey, type RatingTotals } from './listing-rating';
import { cardOf, type Product, type ProductCard } from './product';
import { withVariantSummary } from './variants';

/** The facets a listed product appears under. The list query picks one as its partition. */
export function listingFacets(product: Pick<Product, 'group' | 'subgroup' | 'provinceCode' | 'producerId'>): ListingFacet[] {
  return [
    { kind: 'all' },
    { kind: 'group', value: product.group },
    { kind: 'subgroup', value: product.subgroup },
    { kind: 'province', value: product.provinceCode },
    { kind: 'producer', value: product.producerId },
  ];
}

export type ProductItem = Product & { PK: string; SK: string; GSI1PK: string; GSI1SK: string; type: 'Product' };

export function productItem(product: Product): ProductItem {
  return {
    ...productKey(product.id),
    GSI1PK: ownerPartition(product.producerId),
    GSI1SK: `PRODUCT#${product.createdAt}#${product.id}`,
    type: 'Product',
    // Every write (catalogue, registry, rename, seed) stores the summary derived from the variants.
    ...withVariantSummary(product),
  };
}

export type ListingItem = ProductCard & { PK: string; SK: string; PRICE: string; STARS: string; RATING: string; ttl: number; type: 'Listing' };

/**
 * Listing items for a product, or none when it may not be listed. Expiry is not checked here: a
 * listing item outlives its certificate until TTL removes it, and the query drops it at read time.
 * `rating` is the product's review aggregate as read by the writer (listing-rating.ts); absent = none.
 */
export function listingItems(product: Product, rating?: RatingTotals): ListingItem[] {
  if (!isListable(product)) return [];
  const card = cardOf(product);
  const ttl = Math.floor(Date.parse(card.expiresAt) / 1000) + 7 * 24 * 3600;
  return listingFacets(product).map((facet) => ({
    PK: listingPartition(facet),
    SK: newestSortKey(card.createdAt, card.id),
    PRICE: priceSortKey(card.priceVnd, card.id),
    STARS: starsSortKey(card.stars, card.createdAt, card.id),
    RATING: ratingSortKey(rating, card.id),
    ttl,
    type: 'Listing',
    ...card,
  }));
}
