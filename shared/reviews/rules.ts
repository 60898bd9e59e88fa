/**
 * The review rules, pure (time passed in): who may review which line and until when, how long a
 * review stays editable, and how a write moves the rating aggregates. docs/reviews.md.
 */
import type { SubOrderStatus } from '../orders/state-machine';

export const REVIEW_WINDOW_DAYS = 90;
export const EDIT_WINDOW_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** A line is `<subOrderId>.<index of the item in the sub-order>`: `dh0kx4m2k9p7a4f8cq-1.0`. */
export const LINE_ID_PATTERN = /^(dh[0-9a-z]{16}-[0-9]{1,2})\.([0-9]{1,2})$/;

export function parseLineId(lineId: string): { subOrderId: string; index: number } | undefined {
  const m = LINE_ID_PATTERN.exec(lineId);
  return m ? { subOrderId: m[1]!, index: Number(m[2]) } : undefined;
}

export const lineIdOf = (subOrderId: string, index: number) => `${subOrderId}.${index}`;

/** Delivered goods only: `delivered`, or `completed` after it (a refunded sub-order no longer counts). */
export const reviewableStatuses: readonly SubOrderStatus[] = ['delivered', 'completed'];

/** The last moment a review may be written: exactly 90 days after delivery, inclusive. */
export const reviewDeadline = (deliveredAt: string) => new Date(new Date(deliveredAt).getTime() + REVIEW_WINDOW_DAYS * DAY_MS);
/** The last moment a review may be edited: exactly 30 days after it was written, inclusive. */
export const editDeadline = (createdAt: string) => new Date(new Date(createdAt).getTime() + EDIT_WINDOW_DAYS * DAY_MS);

export const withinReviewWindow = (deliveredAt: string, now: Date) => now.getTime() <= reviewDeadline(deliveredAt).getTime();
export const withinEditWindow = (createdAt: string, now: Date) => now.getTime() <= editDeadline(createdAt).getTime();

export type Stars = 1 | 2 | 3 | 4 | 5;

/** Stored per product and per storefront; the mean is derived on read. */
export interface RatingAggregate {
  count: number;
  sum: number;
  /** Visible reviews per star value, d1 … d5. */
  d1: number;
  d2: number;
  d3: number;
  d4: number;
  d5: number;
}

export const emptyAggregate = (): RatingAggregate => ({ count: 0, sum: 0, d1: 0, d2: 0, d3: 0, d4: 0, d5: 0 });

/** What one write adds to an aggregate (an `ADD` expression; zero terms are left out). */
export type AggregateDelta = Partial<RatingAggregate>;

/** A review becomes visible with `stars` (create, restore) … */
export const appearDelta = (stars: Stars): AggregateDelta => ({ count: 1, sum: stars, [`d${stars}`]: 1 });
/** … stops counting (hide) … */
export const disappearDelta = (stars: Stars): AggregateDelta => ({ count: -1, sum: -stars, [`d${stars}`]: -1 });
/** … or changes its stars while visible (edit). */
export function restarDelta(from: Stars, to: Stars): AggregateDelta {
  if (from === to) return {};
  return { sum: to - from, [`d${from}`]: -1, [`d${to}`]: 1 };
}

export function applyDelta(a: RatingAggregate, d: AggregateDelta): RatingAggregate {
  const out = { ...a };
  for (const [k, v] of Object.entries(d) as [keyof RatingAggregate, number][]) out[k] += v;
  return out;
}

export interface RatingSummary {
  count: number;
  /** Rounded to one decimal; null with no visible review. */
  mean: number | null;
  distribution: { 1: number; 2: number; 3: number; 4: number; 5: number };
}

export function summaryOf(a: RatingAggregate | undefined): RatingSummary {
  const x = a ?? emptyAggregate();
  return {
    count: x.count,
    mean: x.count > 0 ? Math.round((x.sum / x.count) * 10) / 10 : null,
    distribution: { 1: x.d1, 2: x.d2, 3: x.d3, 4: x.d4, 5: x.d5 },
  };
}

/**
 * "Most helpful" without votes yet: a review that says more helps more — photos first, then a reply
 * from the producer, then the length of the text (capped). Stable for a review until it is edited.
 */
export function helpfulScore(r: { text: string; photoCount: number; hasReply: boolean }): number {
  return r.photoCount * 1000 + (r.hasReply ? 500 : 0) + Math.min(r.text.length, 499);
}
