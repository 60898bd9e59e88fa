import type { Image } from '../media/image-record';
import type { Platform } from '../livestream/stream-url';
import type { FairStatus } from './lifecycle';

/** A hall groups booths by product group or by province; its booths are numbered across the fair. */
export interface Hall {
  id: string;
  name: string;
  kind: 'group' | 'province';
  /** A product group code or a 2025 province code, per `kind`. */
  code: string;
  /** Booth numbers firstBooth … firstBooth + boothCount - 1. */
  firstBooth: number;
  boothCount: number;
}

export interface StoredFair {
  id: string;
  name: string;
  theme: string;
  description?: string | undefined;
  bannerUrl?: string | undefined;
  /** Organising provinces (2025 codes); empty when national. Officers of these provinces organise it. */
  provinceCodes: string[];
  national: boolean;
  status: FairStatus;
  /** UTC; entered and shown in Asia/Ho_Chi_Minh. */
  startsAt: string;
  endsAt: string;
  halls: Hall[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | undefined;
  /** Optimistic concurrency: every transition is conditional on the version read. */
  version: number;
}

export const applicationStatuses = ['pending', 'accepted', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export interface BoothApplication {
  id: string;
  fairId: string;
  producerId: string;
  producerName: string;
  provinceCode: string;
  preferredHallId?: string | undefined;
  message?: string | undefined;
  status: ApplicationStatus;
  boothNo?: number | undefined;
  reason?: string | undefined;
  createdAt: string;
  decidedAt?: string | undefined;
  decidedBy?: string | undefined;
}

/** A featured product of a booth as the booth item keeps it (card fields, so pages need no product read for names). */
export interface FeaturedFairProduct {
  productId: string;
  variantId?: string | undefined;
  name: string;
  unit: string;
  image?: Image | undefined;
  /** Optional: without it the product is shown at its regular price. */
  fairPriceVnd?: number | undefined;
}

export const contactKinds = ['zalo', 'facebook', 'website'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** Public contact channels only: an exhibitor's e-mail and phone never leave the platform (inquiries do). */
export interface ContactChannel {
  kind: ContactKind;
  url: string;
}

export interface Booth {
  fairId: string;
  boothNo: number;
  hallId: string;
  producerId: string;
  producerName: string;
  provinceCode: string;
  groups: string[];
  applicationId: string;
  bannerUrl?: string | undefined;
  intro?: string | undefined;
  video?: { platform: Platform; url: string; embedUrl?: string | undefined } | undefined;
  products: FeaturedFairProduct[];
  contacts: ContactChannel[];
  /** Livestreams the exhibitor linked to the fair's programme. */
  livestreamIds: string[];
  updatedAt: string;
}

/**
 * A featured product's fair price, in its own partition: checkout updates it in the order's own
 * transaction (condition: window open, price as shown), and its counters are the fair's sales of it.
 */
export interface FairOffer {
  fairId: string;
  boothNo: number;
  producerId: string;
  productId: string;
  variantId?: string | undefined;
  fairPriceVnd: number;
  opensAt: string;
  closesAt: string;
  soldUnits: number;
  revenueVnd: number;
  orderCount: number;
}
