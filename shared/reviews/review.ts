import type { Image } from '../media/image-record';
import type { ReviewStatus, ReviewView } from './schemas';
import type { Stars } from './rules';
import { helpfulScore } from './rules';

/** A review as stored (docs/reviews.md): one item per order line, named by the line. */
export interface StoredReview {
  id: string;
  productId: string;
  productName: string;
  producerId: string;
  producerName: string;
  /** The product's origin province when the review was written: whose officers moderate it. */
  provinceCode: string;
  orderId: string;
  subOrderId: string;
  lineIndex: number;
  buyerId: string;
  authorName: string;
  variantId?: string | undefined;
  variantLabel?: string | undefined;
  stars: Stars;
  text: string;
  /** Image records of the pipeline, in the author's `reviews/<accountId>/` folder. */
  photos: Image[];
  verifiedPurchase: true;
  deliveredAt: string;
  createdAt: string;
  updatedAt: string;
  editedAt?: string | undefined;
  status: ReviewStatus;
  reply?: { text: string; at: string; by: string; producerName: string } | undefined;
  reportCount: number;
  lastReportedAt?: string | undefined;
  /** Reported and not yet decided: in the province's queue. */
  awaitingModeration: boolean;
  /** Every write bumps it; every write is conditioned on it. */
  version: number;
}

export interface ModerationEntry {
  reviewId: string;
  action: 'hide' | 'restore' | 'report';
  reason: string;
  by: string;
  byRole: string;
  at: string;
}

/** "Nguyễn Thị Lan" → "N. Lan": enough to be a person, not enough to find one. */
export function shortName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Người mua';
  if (words.length === 1) return words[0]!;
  return `${words[0]![0]!.toUpperCase()}. ${words[words.length - 1]!}`;
}

export const scoreOf = (r: StoredReview) => helpfulScore({ text: r.text, photoCount: r.photos.length, hasReply: r.reply !== undefined });

/** `mediaBase` is config.mediaBaseUrl (`/media` locally): photo urls are built as the pages build them. */
export function reviewView(r: StoredReview, mediaBase = '/media'): ReviewView {
  const base = mediaBase.replace(/\/+$/, '');
  return {
    id: r.id,
    productId: r.productId,
    producerId: r.producerId,
    authorName: r.authorName,
    stars: r.stars,
    text: r.text,
    ...(r.variantLabel ? { variantLabel: r.variantLabel } : {}),
    photos: (r.photos ?? []).map((p) => ({ url: `${base}/${p.key}-${p.widths[p.widths.length - 1]}.webp`, alt: p.alt, key: p.key, width: p.width, height: p.height, widths: p.widths })),
    verifiedPurchase: true,
    edited: r.editedAt !== undefined,
    createdAt: r.createdAt,
    ...(r.editedAt ? { editedAt: r.editedAt } : {}),
    ...(r.reply ? { reply: { text: r.reply.text, at: r.reply.at, producerName: r.reply.producerName } } : {}),
    status: r.status,
  };
}
