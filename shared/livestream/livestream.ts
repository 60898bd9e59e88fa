import type { Image } from '../media/image-record';
import type { Platform } from './stream-url';
import { closesAt, opensAt, type LiveTimes } from './window';

/** A featured product as the live item keeps it (the card fields, so a live page needs no product read for names). */
export interface FeaturedProduct {
  productId: string;
  variantId?: string | undefined;
  name: string;
  unit: string;
  image?: Image | undefined;
  livePriceVnd: number;
  quota?: number | undefined;
}

export interface StoredLive extends LiveTimes {
  id: string;
  producerId: string;
  producerName: string;
  provinceCode: string;
  groups: string[];
  title: string;
  description?: string | undefined;
  platform: Platform;
  streamUrl: string;
  embedUrl?: string | undefined;
  cancelReason?: string | undefined;
  replayUrl?: string | undefined;
  replayEmbedUrl?: string | undefined;
  editedAt?: string | undefined;
  /** Set once the followers have been told the live is on (the start button, or the clock through the job). */
  startNoticeSentAt?: string | undefined;
  products: FeaturedProduct[];
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: every lifecycle move is conditional on the version it read. */
  version: number;
}

/**
 * One featured product's offer, in its own partition: what checkout takes atomically with the stock.
 * It carries the window (`opensAt`, `closesAt`) so the order transaction's condition needs no read
 * of the live item; the live's moves rewrite it in their own transaction. Its counters are the
 * live's figures for the product.
 */
export interface Offer {
  livestreamId: string;
  productId: string;
  variantId?: string | undefined;
  livePriceVnd: number;
  quota?: number | undefined;
  /** Units left at the live price; absent without a quota. */
  left?: number | undefined;
  opensAt: string;
  closesAt: string;
  soldUnits: number;
  revenueVnd: number;
  orderCount: number;
}

/** The window the offers carry; a cancelled live's closes where it opens, so no instant is inside it. */
export function offerWindow(live: LiveTimes): { opensAt: string; closesAt: string } {
  const open = opensAt(live);
  return { opensAt: open, closesAt: live.status === 'cancelled' ? open : closesAt(live) };
}
