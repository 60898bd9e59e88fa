import type { IndexDefinition } from '../db/table-definition';
import { ownerIndex } from '../db/owner-index';
import { productRatingItemKey } from '../catalog/listing-rating';

/**
 * Key layout of reviews (docs/reviews.md). One partition per review holds the review, its reports
 * and its moderation log; the review's id is its order line's id, so "one review per line" is the
 * primary key itself (a conditional Put), not a read-then-write.
 */
export const REVIEW_PREFIX = 'REVIEW#';

export const reviewPartition = (reviewId: string) => `${REVIEW_PREFIX}${reviewId}`;
export const reviewKey = (reviewId: string) => ({ PK: reviewPartition(reviewId), SK: 'REVIEW' });
export const reportKey = (reviewId: string, accountId: string) => ({ PK: reviewPartition(reviewId), SK: `REPORT#${accountId}` });
export const moderationLogKey = (reviewId: string, at: string, version: number) => ({
  PK: reviewPartition(reviewId),
  SK: `MODLOG#${at}#${String(version).padStart(4, '0')}`,
});

/**
 * Rating aggregates live apart from the items they describe (in the product's and the storefront's
 * partitions, owned here): a whole-item Put of the product by the catalogue or the registry never
 * touches them (docs/reviews.md, "Why a separate item").
 */
export const RATING_SK = 'RATING';
/** The catalogue builds listing items' rating sort key from the same item (shared/catalog/listing-rating.ts). */
export const productRatingKey = productRatingItemKey;
export const producerRatingKey = (producerId: string) => ({ PK: `PRODUCER#${producerId}`, SK: RATING_SK });

// --- index partitions (sparse: only visible reviews carry them) -------------------------------
/** GSI1 (owner index): a product's visible reviews, newest first. */
export const productReviewsPartition = (productId: string) => `REVIEWS#NEW#${productId}`;
/** GSI2: the same, most helpful first (score, then time). */
export const productHelpfulPartition = (productId: string) => `REVIEWS#HELPFUL#${productId}`;
/** GSI3: visible reviews someone reported, per province of the product: the officers' queue. */
export const reportedReviewsPartition = (provinceCode: string) => `PROVINCE#${provinceCode}#REPORTED_REVIEWS`;

/** GSI3 too: hidden reviews of a province, latest decision first (the queue's "Đã ẩn", to restore). */
export const hiddenReviewsPartition = (provinceCode: string) => `PROVINCE#${provinceCode}#HIDDEN_REVIEWS`;
/** GSI4: every review of a storefront, newest first, visible or hidden (the producer's answer page). */
export const producerReviewsPartition = (producerId: string) => `REVIEWS#PRODUCER#${producerId}`;

export const reviewsNewestIndex = ownerIndex;
/** Declared exactly as the orders module declares GSI2/GSI3: the table shares them. */
export const reviewsHelpfulIndex = {
  indexName: 'GSI2',
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
} as const satisfies IndexDefinition;
export const reportedReviewsIndex = {
  indexName: 'GSI3',
  partitionKey: { name: 'GSI3PK', type: 'S' },
  sortKey: { name: 'GSI3SK', type: 'S' },
} as const satisfies IndexDefinition;
/** Declared exactly as the orders module declares GSI4 (its unpaid sub-orders): the table shares it. */
export const producerReviewsIndex = {
  indexName: 'GSI4',
  partitionKey: { name: 'GSI4PK', type: 'S' },
  sortKey: { name: 'GSI4SK', type: 'S' },
} as const satisfies IndexDefinition;
