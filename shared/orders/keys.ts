import type { IndexDefinition } from '../db/table-definition';
import type { SubOrderStatus } from './state-machine';

/**
 * Key layout of orders (docs/data-model.md): one partition per order holding its header, its
 * sub-orders and their transition log, so an order page is one Query.
 */
export const ORDER_PREFIX = 'ORDER#';
export const IDEMPOTENCY_PREFIX = 'IDEMP#';
export const ORDER_NOTICE_PREFIX = 'ORDERNOTE#';
export const PAYMENT_EVENT_PREFIX = 'PAYEVENT#';
export const ADDRESS_PREFIX = 'ADDRESS#';

export const orderPartition = (orderId: string) => `${ORDER_PREFIX}${orderId}`;
export const orderHeaderKey = (orderId: string) => ({ PK: orderPartition(orderId), SK: 'ORDER' });
export const subOrderKey = (orderId: string, n: number) => ({ PK: orderPartition(orderId), SK: `SUB#${String(n).padStart(2, '0')}` });
/** Ordered by the sub-order's revision, not the clock: two moves in the same millisecond keep their order. */
export const transitionSortKey = (n: number, revision: number) => `LOG#${String(n).padStart(2, '0')}#${String(revision).padStart(4, '0')}`;

/** Idempotency keys are scoped to the account: two shoppers may both send "abc". */
export const idempotencyKey = (accountId: string, keyHash: string) => ({ PK: `${IDEMPOTENCY_PREFIX}${accountId}#${keyHash}`, SK: 'IDEMP' });

export const noticePartition = (party: { accountId: string } | { producerId: string }) =>
  'accountId' in party ? `${ORDER_NOTICE_PREFIX}A#${party.accountId}` : `${ORDER_NOTICE_PREFIX}P#${party.producerId}`;

export const paymentEventKey = (provider: string, eventId: string) => ({ PK: `${PAYMENT_EVENT_PREFIX}${provider}#${eventId}`, SK: 'EVENT' });
export const addressBookKey = (accountId: string) => ({ PK: `${ADDRESS_PREFIX}${accountId}`, SK: 'BOOK' });

// --- index partitions -------------------------------------------------------------------------
/** GSI1 (owner index): a shopper's orders; a storefront's sub-orders, newest first. */
export const buyerOrdersPartition = (accountId: string) => `BUYER#${accountId}#ORDERS`;
export const storefrontOrdersPartition = (producerId: string) => `PRODUCER#${producerId}#SUBORDERS`;
/** GSI2: a storefront's queue in one state ("chờ đóng gói"). */
export const queuePartition = (producerId: string, status: SubOrderStatus) => `QUEUE#${producerId}#${status}`;
/** GSI3: the sub-orders of a province's storefronts (officers read, never edit). */
export const provinceOrdersPartition = (provinceCode: string) => `PROVINCE#${provinceCode}#SUBORDERS`;
/** GSI4 (sparse): sub-orders still waiting for a transfer/card payment, by due time. */
export const PAYMENT_DUE_PARTITION = 'PAYMENT_DUE';

export const orderQueueIndex = {
  indexName: 'GSI2',
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
} as const satisfies IndexDefinition;

export const provinceOrdersIndex = {
  indexName: 'GSI3',
  partitionKey: { name: 'GSI3PK', type: 'S' },
  sortKey: { name: 'GSI3SK', type: 'S' },
} as const satisfies IndexDefinition;

export const paymentDueIndex = {
  indexName: 'GSI4',
  partitionKey: { name: 'GSI4PK', type: 'S' },
  sortKey: { name: 'GSI4SK', type: 'S' },
} as const satisfies IndexDefinition;
