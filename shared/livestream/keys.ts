import type { IndexDefinition } from '../db/table-definition';
import { ownerIndex } from '../db/owner-index';

/**
 * Key layout of livestreams (docs/livestream.md). The live is one item; each featured product's
 * offer (live price, quota left, the live's figures for it) is its own partition, so checkout's
 * conditional update of one offer never shares a partition with another product's rush, nor with
 * the live item that pages read.
 */
export const LIVE_PREFIX = 'LIVE#';
export const LIVE_OFFER_PREFIX = 'LIVEQ#';

export const liveKey = (id: string) => ({ PK: `${LIVE_PREFIX}${id}`, SK: 'LIVE' });
export const offerKey = (liveId: string, productId: string, variantId?: string) => ({
  PK: `${LIVE_OFFER_PREFIX}${liveId}#${productId}#${variantId ?? '_'}`,
  SK: 'OFFER',
});

/** GSI1: every live not cancelled, by the instant its window closes (`<closesAt>#<id>`). */
export const ACTIVE_LIVES_PARTITION = 'LIVES#ALL';
/** Cancelled lives leave the public list but keep an index entry for support. */
export const CANCELLED_LIVES_PARTITION = 'LIVES#CANCELLED';
export const livesSortKey = (closesAt: string, id: string) => `${closesAt}#${id}`;
/** GSI2: a storefront's lives by planned start, for its dashboard. */
export const producerLivesPartition = (producerId: string) => `LIVES#M#${producerId}`;
export const producerLivesSortKey = (startsAt: string, id: string) => `${startsAt}#${id}`;

export const livesIndex = ownerIndex;
/** Declared exactly as the orders module declares GSI2: the table shares it. */
export const producerLivesIndex = {
  indexName: 'GSI2',
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
} as const satisfies IndexDefinition;
