import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { PRODUCT_PREFIX } from './keys';

/**
 * Buyers' rating on listing items, for `sort=rating` (docs/reviews.md, docs/data-model.md). The
 * aggregate itself is the reviews module's `PRODUCT#<id>/RATING` item; listing items only carry the
 * sort key derived from it. Two writers keep them in step, each conditioned on what the other moves:
 * - a review write that changes the aggregate reads it, bumps its `version` (conditioned on the one
 *   read) and updates the listing items' key, with a ConditionCheck on the product item;
 * - a product write that rebuilds listing items reads the aggregate and puts a ConditionCheck on its
 *   `version`, so a review landing in between makes the save retry instead of writing a stale key.
 */
export const RATING_SORT_ATTR = 'RATING';
export const productRatingItemKey = (productId: string) => ({ PK: `${PRODUCT_PREFIX}${productId}`, SK: 'RATING' });

export interface RatingTotals {
  count: number;
  sum: number;
}

/** The aggregate as a writer read it: its totals and the version its next write must still find. */
export interface ListingRatingRead {
  productId: string;
  totals: RatingTotals;
  version: number;
}

/**
 * Rated products start with "1#" (mean × 100, 3 digits, then count, 9 digits), unrated ones with
 * "0#": a descending query lists the best mean first, more reviews first among equal means, and
 * every unrated product after every rated one. Ties end on the product id.
 */
export function ratingSortKey(totals: RatingTotals | undefined, id: string): string {
  if (!totals || totals.count <= 0) return `0#${id}`;
  const mean = Math.round(Math.min(5, Math.max(0, totals.sum / totals.count)) * 100);
  return `1#${String(mean).padStart(3, '0')}#${String(totals.count).padStart(9, '0')}#${id}`;
}

export function ratingReadOf(productId: string, item: Record<string, unknown> | undefined): ListingRatingRead {
  return { productId, totals: { count: Number(item?.count ?? 0), sum: Number(item?.sum ?? 0) }, version: Number(item?.version ?? 0) };
}

/** The aggregates of the products whose listing items are about to be rebuilt: one BatchGetItem (consistent). */
export async function readListingRatings(db: DynamoDBDocumentClient, tableName: string, productIds: readonly string[]): Promise<Map<string, ListingRatingRead>> {
  const out = new Map<string, ListingRatingRead>();
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return out;
  const found = await batchGet(db, tableName, unique.map(productRatingItemKey));
  for (const id of unique) out.set(id, ratingReadOf(id, found.get(keyId(productRatingItemKey(id)))));
  return out;
}

/** Version 0 = no review has moved the aggregate yet (the item may not exist). */
export function versionCondition(version: number): { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } {
  return version === 0
    ? { ConditionExpression: 'attribute_not_exists(#ratingVersion)', ExpressionAttributeNames: { '#ratingVersion': 'version' } }
    : { ConditionExpression: '#ratingVersion = :ratingVersion', ExpressionAttributeNames: { '#ratingVersion': 'version' }, ExpressionAttributeValues: { ':ratingVersion': version } };
}

/** The ConditionCheck a listing rebuild adds: the aggregate is still the one its keys were built from. */
export function ratingVersionCheck(tableName: string, read: ListingRatingRead) {
  return { ConditionCheck: { TableName: tableName, Key: productRatingItemKey(read.productId), ...versionCondition(read.version) } };
}
