import { assertOfficerOf, assertOwnsStorefront } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import { assertOwnReviewPhotos } from '../media/review-photo-input';
import type { Services } from '../services';
import {
  alreadyReplied,
  alreadyReported,
  alreadyReviewed,
  editWindowClosed,
  illegalModeration,
  lineNotFound,
  notReported,
  notVerifiedBuyer,
  reviewHidden,
  reviewNotFound,
  ReviewsBusy,
  reviewWindowClosed,
} from './errors';
import { shortName, type StoredReview } from './review';
import {
  appearDelta,
  disappearDelta,
  editDeadline,
  parseLineId,
  restarDelta,
  reviewableStatuses,
  reviewDeadline,
  withinEditWindow,
  withinReviewWindow,
  type AggregateDelta,
  type Stars,
} from './rules';
import type { ModerationInput, ReviewEdit, ReviewInput } from './schemas';
import type { RatingSync, WriteOutcome } from './store';
import { checkListingGate } from '../catalog/gate';
import { listingItems } from '../catalog/items';
import { ratingSortKey, type ListingRatingRead } from '../catalog/listing-rating';
import type { Product } from '../catalog/product';

/** Every write that moves a product's aggregate is conditioned on its version: concurrent reviews of one product take turns. */
const MAX_ATTEMPTS = 20;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, 5 + Math.random() * 15 * Math.min(attempt + 1, 6)));

/**
 * Read, decide, write conditioned on what was read; again on a stale read or a busy aggregate.
 * `run` reads and tries the write (throwing the refusal its rule gives on the fresh read);
 * `onConflict` turns a definitive conflict into its error.
 */
async function retrying(run: () => Promise<WriteOutcome>, onConflict: (o: Extract<WriteOutcome, { ok: false }>) => void): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await run();
    if (outcome.ok) return;
    onConflict(outcome);
    await pause(attempt);
  }
  throw new ReviewsBusy();
}

/**
 * The buyer reviews one line of a delivered sub-order (docs/reviews.md): 1 Query (the order with its
 * log) + 1 GetItem (the product: its province) + 1 TransactWriteItems (review + 2 aggregates).
 */
export async function createReview(services: Services, principal: Principal, orderId: string, lineId: string, input: ReviewInput): Promise<StoredReview> {
  const line = parseLineId(lineId);
  if (!line || !line.subOrderId.startsWith(`${orderId}-`)) throw lineNotFound();
  const stored = await services.orders.getOrder(orderId);
  if (!stored || stored.header.buyerId !== principal.accountId) throw notVerifiedBuyer('Chỉ người đã mua và nhận hàng mới đánh giá được');
  const sub = stored.subs.find((s) => s.id === line.subOrderId);
  const item = sub?.items[line.index];
  if (!sub || !item) throw lineNotFound();
  const deliveredAt = stored.logs.filter((l) => l.n === sub.n && l.to === 'delivered').map((l) => l.at).sort().pop();
  if (!reviewableStatuses.includes(sub.status) || !deliveredAt) {
    throw notVerifiedBuyer('Chỉ đánh giá được khi đã nhận hàng', { status: sub.status });
  }
  assertOwnReviewPhotos(input.photos, principal.accountId);
  const now = services.clock.now();
  if (!withinReviewWindow(deliveredAt, now)) throw reviewWindowClosed(reviewDeadline(deliveredAt));
  const delta = appearDelta(input.stars as Stars);
  // The product (its province, its listing set) and its aggregate, in parallel.
  const [product, rating] = await Promise.all([services.catalog.getProduct(item.productId), services.reviews.productRatingForWrite(item.productId)]);
  let first: RatingSync | undefined = ratingSyncOf(product, rating, delta, now);
  const at = now.toISOString();
  const review: StoredReview = {
    id: lineId,
    productId: item.productId,
    productName: item.name,
    producerId: sub.producerId,
    producerName: sub.producerName,
    provinceCode: product?.provinceCode ?? sub.provinceCode,
    orderId,
    subOrderId: sub.id,
    lineIndex: line.index,
    buyerId: principal.accountId,
    authorName: shortName(principal.displayName),
    ...(item.variantId ? { variantId: item.variantId } : {}),
    ...(item.variantLabel ? { variantLabel: item.variantLabel } : {}),
    stars: input.stars as Stars,
    text: input.text,
    photos: input.photos ?? [],
    verifiedPurchase: true,
    deliveredAt,
    createdAt: at,
    updatedAt: at,
    status: 'visible',
    reportCount: 0,
    awaitingModeration: false,
    version: 1,
  };
  await retrying(
    async () => {
      const sync = first ?? (await readRatingSync(services, review.productId, delta, now));
      first = undefined;
      return services.reviews.write(review, undefined, delta, [], sync);
    },
    (o) => {
      if (o.reason === 'exists') throw alreadyReviewed(lineId);
    },
  );
  return review;
}

/**
 * The listing items' new rating key: the aggregate read (its version is the write's condition) moved
 * by the delta, on the facets the product item read is listed under right now (none when it is not
 * listed, or its certificate expired: those items are hidden until TTL or a renewal rewrites them).
 */
function ratingSyncOf(product: Product | undefined, read: ListingRatingRead, delta: AggregateDelta, now: Date): RatingSync {
  const totals = { count: read.totals.count + (delta.count ?? 0), sum: read.totals.sum + (delta.sum ?? 0) };
  const listed = product !== undefined && checkListingGate(product, now).listed;
  return {
    read,
    productUpdatedAt: product?.updatedAt,
    listingKeys: listed ? listingItems(product).map(({ PK, SK }) => ({ PK, SK })) : [],
    sortKey: ratingSortKey(totals, read.productId),
  };
}

async function readRatingSync(services: Services, productId: string, delta: AggregateDelta, now: Date): Promise<RatingSync> {
  const [product, read] = await Promise.all([services.catalog.getProduct(productId), services.reviews.productRatingForWrite(productId)]);
  return ratingSyncOf(product, read, delta, now);
}

/** Read the review and check it is there; the callers' rules run on every fresh read. */
async function load(services: Services, reviewId: string): Promise<StoredReview> {
  const review = await services.reviews.getReview(reviewId);
  if (!review) throw reviewNotFound();
  return review;
}

/** Replace the review by `change(fresh read)`, moving the aggregates by what the change implies. */
async function update(
  services: Services,
  reviewId: string,
  change: (r: StoredReview) => { next: StoredReview; delta?: AggregateDelta; extra?: Record<string, unknown>[] },
): Promise<StoredReview> {
  let result: StoredReview | undefined;
  await retrying(
    async () => {
      const current = await load(services, reviewId);
      const { next, delta, extra } = change(current);
      result = { ...next, version: current.version + 1 };
      const moves = Object.values(delta ?? {}).some((v) => v !== 0);
      // Only a change of the counted stars re-keys the listing items: +1 GetItem product ‖ RATING.
      const sync = moves ? await readRatingSync(services, current.productId, delta!, services.clock.now()) : undefined;
      return services.reviews.write(result, current.version, delta ?? {}, extra ?? [], sync);
    },
    (o) => {
      if (o.reason === 'extra_exists') throw alreadyReported();
    },
  );
  return result!;
}

/** The buyer edits within 30 days of writing it; the review is marked edited. */
export async function editReview(services: Services, principal: Principal, orderId: string, lineId: string, input: ReviewEdit): Promise<StoredReview> {
  const now = services.clock.now();
  return update(services, lineId, (r) => {
    if (r.orderId !== orderId) throw reviewNotFound();
    if (r.buyerId !== principal.accountId) throw notVerifiedBuyer('Chỉ người viết đánh giá mới sửa được');
    if (!withinEditWindow(r.createdAt, now)) throw editWindowClosed(editDeadline(r.createdAt));
    assertOwnReviewPhotos(input.photos, principal.accountId, r.photos);
    const stars = (input.stars ?? r.stars) as Stars;
    const at = now.toISOString();
    return {
      next: { ...r, stars, text: input.text ?? r.text, photos: input.photos ?? r.photos, editedAt: at, updatedAt: at },
      delta: r.status === 'visible' ? restarDelta(r.stars, stars) : {},
    };
  });
}

/** The producer owning the product answers once, publicly. */
export async function replyToReview(services: Services, principal: Principal, reviewId: string, text: string): Promise<StoredReview> {
  const now = services.clock.now().toISOString();
  return update(services, reviewId, (r) => {
    assertOwnsStorefront(principal, r.producerId);
    if (r.reply) throw alreadyReplied();
    return { next: { ...r, reply: { text, at: now, by: principal.accountId, producerName: r.producerName }, updatedAt: now } };
  });
}

/** Any signed-in account reports a visible review once; it joins the province's queue. */
export async function reportReview(services: Services, principal: Principal, reviewId: string, reason: string): Promise<StoredReview> {
  const at = services.clock.now().toISOString();
  return update(services, reviewId, (r) => {
    if (r.status !== 'visible') throw reviewHidden();
    return {
      next: { ...r, reportCount: r.reportCount + 1, lastReportedAt: at, awaitingModeration: true, updatedAt: at },
      extra: [services.reviews.reportItem(reviewId, { reason, by: principal.accountId, byRole: principal.role, at })],
    };
  });
}

/**
 * An officer of the product's province, or an admin, hides a reported review or restores a hidden
 * one, with a reason; the decision is logged in the review's partition in the same transaction.
 */
export async function moderateReview(services: Services, principal: Principal, reviewId: string, input: ModerationInput): Promise<StoredReview> {
  const at = services.clock.now().toISOString();
  return update(services, reviewId, (r) => {
    assertOfficerOf(principal, r.provinceCode, { orAdmin: true });
    const target = input.action === 'hide' ? 'hidden' : 'visible';
    if (r.status === target) throw illegalModeration(input.action, r.status);
    if (input.action === 'hide' && r.reportCount === 0) throw notReported();
    const entry = { reviewId, action: input.action, reason: input.reason, by: principal.accountId, byRole: principal.role, at };
    return {
      next: { ...r, status: target, awaitingModeration: false, updatedAt: at },
      delta: input.action === 'hide' ? disappearDelta(r.stars) : appearDelta(r.stars),
      extra: [services.reviews.moderationLogItem(entry, r.version + 1)],
    };
  });
}
