import { ownerIndex } from '../db/owner-index';
import type { IndexDefinition } from '../db/table-definition';

/**
 * Key layout of fairs (docs/fairs.md). The fair item and its booth slots share one partition, so a
 * fair's page (halls with booths) is one Query; a booth slot is its own item, so "one producer per
 * booth" is a conditional put. Offers (fair prices) each have their own partition, like live offers.
 */
export const FAIR_PREFIX = 'FAIR#';
export const FAIR_APPLICATION_PREFIX = 'FAIRAPP#';
/** One application per producer per fair: a marker written with the application. */
export const FAIR_APPLICANT_PREFIX = 'FAIRX#';
export const FAIR_OFFER_PREFIX = 'FAIRQ#';
export const FAIR_INQUIRY_PREFIX = 'FAIRINQ#';
export const FAIR_STATS_PREFIX = 'FAIRSTAT#';
/** One item per (fair, day, visitor hash): its first write counts a unique visitor. */
export const FAIR_VISITOR_PREFIX = 'FAIRV#';

export const fairKey = (id: string) => ({ PK: `${FAIR_PREFIX}${id}`, SK: 'FAIR' });
export const BOOTH_SK_PREFIX = 'BOOTH#';
export const boothSortKey = (boothNo: number) => `${BOOTH_SK_PREFIX}${String(boothNo).padStart(4, '0')}`;
export const boothKey = (fairId: string, boothNo: number) => ({ PK: `${FAIR_PREFIX}${fairId}`, SK: boothSortKey(boothNo) });
export const applicationKey = (id: string) => ({ PK: `${FAIR_APPLICATION_PREFIX}${id}`, SK: 'APPLICATION' });
export const applicantKey = (fairId: string, producerId: string) => ({ PK: `${FAIR_APPLICANT_PREFIX}${fairId}#${producerId}`, SK: 'APPLICANT' });
export const fairOfferKey = (fairId: string, productId: string, variantId?: string) => ({ PK: `${FAIR_OFFER_PREFIX}${fairId}#${productId}#${variantId ?? '_'}`, SK: 'OFFER' });
export const inquiryKey = (id: string) => ({ PK: `${FAIR_INQUIRY_PREFIX}${id}`, SK: 'INQUIRY' });
export const statsPartition = (fairId: string) => `${FAIR_STATS_PREFIX}${fairId}`;
export const statKey = (fairId: string, day: string, scope: string) => ({ PK: statsPartition(fairId), SK: `DAY#${day}#${scope}` });
export const visitorKey = (fairId: string, day: string, visitor: string) => ({ PK: `${FAIR_VISITOR_PREFIX}${fairId}#${day}#${visitor}`, SK: 'VISITOR' });

/** GSI1: fairs by start (`<startsAt>#<id>`); drafts in their own partition, never read by the public list. */
export const PUBLIC_FAIRS_PARTITION = 'FAIRS#PUBLIC';
export const DRAFT_FAIRS_PARTITION = 'FAIRS#DRAFT';
export const fairsSortKey = (startsAt: string, id: string) => `${startsAt}#${id}`;
/** GSI1: a producer's applications (its booths page). */
export const producerApplicationsPartition = (producerId: string) => `FAIRAPPS#M#${producerId}`;
/** GSI2: a fair's applications (the organisers' queue), by creation. */
export const fairApplicationsPartition = (fairId: string) => `FAIRAPPS#${fairId}`;
/** GSI2: an exhibitor's inquiry inbox, newest first. */
export const inboxPartition = (producerId: string) => `FAIRINQS#${producerId}`;

export const fairsIndex = ownerIndex;
/** Declared as the orders and livestream modules declare GSI2: the table shares it. */
export const fairQueueIndex = {
  indexName: 'GSI2',
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
} as const satisfies IndexDefinition;
