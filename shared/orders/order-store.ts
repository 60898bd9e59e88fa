import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { OWNER_INDEX } from '../db/owner-index';
import { decodeCursor, encodeCursor, type StartKey } from '../http/cursor';
import { headerItem, headerOf, isHeader, isSubOrder, isTransition, subOrderItem, subOrderOf, transitionOf, type OrderHeader, type StoredSubOrder } from './items';
import {
  addressBookKey,
  buyerOrdersPartition,
  idempotencyKey,
  noticePartition,
  orderHeaderKey,
  orderPartition,
  paymentDueIndex,
  PAYMENT_DUE_PARTITION,
  paymentEventKey,
  provinceOrdersIndex,
  provinceOrdersPartition,
  queuePartition,
  orderQueueIndex,
  storefrontOrdersPartition,
  subOrderKey,
  transitionSortKey,
} from './keys';
import type { ShippingAddress, Transition } from './order';
import type { SubOrderStatus } from './state-machine';

type Update = { Key: { PK: string; SK: string }; UpdateExpression: string; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };

export interface IdempotencyRecord {
  orderId: string;
  requestHash: string;
}

export type PlaceOutcome =
  | { ok: true }
  /** The same key committed an order a moment ago (a concurrent retry). */
  | { ok: false; reason: 'key_taken' }
  /** These products' conditions failed: stock, price or the gate moved since they were read. */
  | { ok: false; reason: 'products'; productIds: string[] }
  /** A live offer's condition failed (window, price, quota): the next read decides. */
  | { ok: false; reason: 'live_offer' }
  /** Another transaction held one of the items: worth retrying. */
  | { ok: false; reason: 'contention' };

export interface OrderNotice {
  id: string;
  orderId: string;
  subOrderId: string;
  message: string;
  createdAt: string;
}

export interface StoredOrder {
  header: OrderHeader;
  subs: StoredSubOrder[];
  logs: (Transition & { n: number })[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
const NOTICE_TTL_SECONDS = 90 * 24 * 3600;

/** All reads and writes of orders; every method is one DynamoDB call unless it says otherwise. */
export class DynamoOrderStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async idempotencyRecord(accountId: string, keyHash: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(accountId, keyHash), ConsistentRead: true }));
    return Item ? { orderId: String(Item.orderId), requestHash: String(Item.requestHash) } : undefined;
  }

  /**
   * The placement: header, idempotency record, sub-orders and one stock update per product, all or
   * nothing (≤ 2 + 40 + 40 actions: the order bounds keep it under DynamoDB's 100).
   */
  async place(input: { header: OrderHeader; subs: StoredSubOrder[]; keyHash: string; reservations: Update[]; liveTakes?: Update[]; now: Date }): Promise<PlaceOutcome> {
    const TableName = this.tableName;
    const { header } = input;
    const fixed = 2 + input.subs.length;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: {
                  ...idempotencyKey(header.buyerId, input.keyHash),
                  type: 'IdempotencyKey',
                  orderId: header.id,
                  requestHash: header.requestHash,
                  createdAt: header.createdAt,
                  ttl: Math.floor(input.now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName, Item: headerItem(header), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...input.subs.map((s) => ({ Put: { TableName, Item: subOrderItem(s), ConditionExpression: 'attribute_not_exists(PK)' } })),
            ...input.reservations.map((u) => ({ Update: { TableName, ...u } })),
            ...(input.liveTakes ?? []).map((u) => ({ Update: { TableName, ...u } })),
          ],
        }),
      );
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return { ok: false, reason: 'key_taken' };
      const failed = reasons
        .map((r, i) => (r.Code === 'ConditionalCheckFailed' && i >= fixed && i < fixed + input.reservations.length ? input.reservations[i - fixed]!.Key.PK.slice('PRODUCT#'.length) : undefined))
        .filter((id): id is string => id !== undefined);
      if (failed.length > 0) return { ok: false, reason: 'products', productIds: failed };
      // A live offer's window closed or its quota ran out since the read: the next read says which.
      if (reasons.some((r, i) => r.Code === 'ConditionalCheckFailed' && i >= fixed + input.reservations.length)) return { ok: false, reason: 'live_offer' };
      return { ok: false, reason: 'contention' };
    }
  }

  /** Header, sub-orders and their history: one Query on the order's partition. */
  async getOrder(orderId: string): Promise<StoredOrder | undefined> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': orderPartition(orderId) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const head = items.find(isHeader);
    if (!head) return undefined;
    return { header: headerOf(head), subs: items.filter(isSubOrder).map(subOrderOf), logs: items.filter(isTransition).map(transitionOf) };
  }

  async getHeader(orderId: string): Promise<OrderHeader | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: orderHeaderKey(orderId), ConsistentRead: true }));
    return Item ? headerOf(Item) : undefined;
  }

  async getSubOrder(orderId: string, n: number): Promise<StoredSubOrder | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: subOrderKey(orderId, n), ConsistentRead: true }));
    return Item ? subOrderOf(Item) : undefined;
  }

  private async page<T>(input: { index: string; pkAttr: string; pk: string; limit: number; cursor?: string | undefined; before?: string | undefined; map: (item: Record<string, unknown>) => T }): Promise<Page<T>> {
    const fingerprint = `${input.index}|${input.pk}`;
    const start: StartKey | undefined = input.cursor ? decodeCursor(input.cursor, fingerprint) : undefined;
    const skAttr = input.pkAttr.replace(/PK$/, 'SK');
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: input.index,
        KeyConditionExpression: input.before ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': input.pkAttr, ...(input.before ? { '#sk': skAttr } : {}) },
        ExpressionAttributeValues: { ':pk': input.pk, ...(input.before ? { ':before': input.before } : {}) },
        ScanIndexForward: input.before !== undefined,
        Limit: input.limit,
        ExclusiveStartKey: start,
      }),
    );
    const last = out.LastEvaluatedKey as StartKey | undefined;
    return { items: (out.Items ?? []).map(input.map), nextCursor: last ? encodeCursor(fingerprint, last) : undefined };
  }

  listBuyerOrders(accountId: string, limit: number, cursor?: string): Promise<Page<OrderHeader>> {
    return this.page({ index: OWNER_INDEX, pkAttr: 'GSI1PK', pk: buyerOrdersPartition(accountId), limit, cursor, map: headerOf });
  }

  listStorefront(producerId: string, status: SubOrderStatus | undefined, limit: number, cursor?: string): Promise<Page<StoredSubOrder>> {
    return status
      ? this.page({ index: orderQueueIndex.indexName, pkAttr: 'GSI2PK', pk: queuePartition(producerId, status), limit, cursor, map: subOrderOf })
      : this.page({ index: OWNER_INDEX, pkAttr: 'GSI1PK', pk: storefrontOrdersPartition(producerId), limit, cursor, map: subOrderOf });
  }

  listProvince(provinceCode: string, limit: number, cursor?: string): Promise<Page<StoredSubOrder>> {
    return this.page({ index: provinceOrdersIndex.indexName, pkAttr: 'GSI3PK', pk: provinceOrdersPartition(provinceCode), limit, cursor, map: subOrderOf });
  }

  /** Unpaid sub-orders whose time is up, oldest first (the sparse payment-due index). */
  dueBefore(now: Date, limit: number, cursor?: string): Promise<Page<StoredSubOrder>> {
    return this.page({ index: paymentDueIndex.indexName, pkAttr: 'GSI4PK', pk: PAYMENT_DUE_PARTITION, before: `${now.toISOString()}~`, limit, cursor, map: subOrderOf });
  }

  /**
   * One move of one sub-order: the new sub-order (only if it is still in `from` and unchanged since
   * read), its log entry, the header's status map, stock given back, and the other side's notice.
   * False when someone else moved it first.
   */
  async transition(input: {
    previous: StoredSubOrder;
    next: StoredSubOrder;
    transition: Transition;
    releases: Update[];
    notice?: { party: { accountId: string } | { producerId: string }; message: string } | undefined;
    unique: string;
  }): Promise<boolean> {
    const TableName = this.tableName;
    const { previous, next, transition } = input;
    const at = transition.at;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: subOrderItem(next),
                // The log key is the revision: a lost race would collide on it, so this condition decides.
                ConditionExpression: previous.revision === undefined ? '#status = :from AND attribute_not_exists(revision)' : '#status = :from AND revision = :rev',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':from': previous.status, ...(previous.revision === undefined ? {} : { ':rev': previous.revision }) },
              },
            },
            {
              Put: {
                TableName,
                Item: { PK: orderPartition(next.orderId), SK: transitionSortKey(next.n, next.revision ?? 0), type: 'Transition', n: next.n, ...transition },
              },
            },
            {
              Update: {
                TableName,
                Key: orderHeaderKey(next.orderId),
                UpdateExpression: 'SET statuses.#n = :to',
                ExpressionAttributeNames: { '#n': String(next.n) },
                ExpressionAttributeValues: { ':to': next.status },
              },
            },
            ...input.releases.map((u) => ({ Update: { TableName, ...u } })),
            ...(input.notice
              ? [
                  {
                    Put: {
                      TableName,
                      Item: {
                        PK: noticePartition(input.notice.party),
                        SK: `${at}#${input.unique}`,
                        type: 'OrderNotice',
                        orderId: next.orderId,
                        subOrderId: next.id,
                        message: input.notice.message,
                        createdAt: at,
                        ttl: Math.floor(Date.parse(at) / 1000) + NOTICE_TTL_SECONDS,
                      },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        // Moved by someone else, or a release's variant moved in its list: the caller re-reads and decides.
        void reasons;
        return false;
      }
      throw error;
    }
  }

  async setCheckout(orderId: string, checkout: { sessionId: string; url: string }): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: orderHeaderKey(orderId),
        UpdateExpression: 'SET checkout = :c',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':c': checkout },
      }),
    );
  }

  /** New-order notices for storefronts, after the placement committed (BatchWrite, ≤ 25 a call). */
  async putNotices(notices: { party: { accountId: string } | { producerId: string }; orderId: string; subOrderId: string; message: string; at: string; unique: string }[]): Promise<void> {
    for (let i = 0; i < notices.length; i += 25) {
      const chunk = notices.slice(i, i + 25);
      await this.db.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.tableName]: chunk.map((n) => ({
              PutRequest: {
                Item: {
                  PK: noticePartition(n.party),
                  SK: `${n.at}#${n.unique}`,
                  type: 'OrderNotice',
                  orderId: n.orderId,
                  subOrderId: n.subOrderId,
                  message: n.message,
                  createdAt: n.at,
                  ttl: Math.floor(Date.parse(n.at) / 1000) + NOTICE_TTL_SECONDS,
                },
              },
            })),
          },
        }),
      );
    }
  }

  async notices(party: { accountId: string } | { producerId: string }, limit = 10): Promise<OrderNotice[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': noticePartition(party) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((it) => ({ id: String(it.SK), orderId: String(it.orderId), subOrderId: String(it.subOrderId), message: String(it.message), createdAt: String(it.createdAt) }));
  }

  async paymentEventSeen(provider: string, eventId: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: paymentEventKey(provider, eventId), ConsistentRead: true }));
    return Item !== undefined;
  }

  async recordPaymentEvent(provider: string, eventId: string, type: string, at: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...paymentEventKey(provider, eventId), type: 'PaymentEvent', eventType: type, at: at.toISOString(), ttl: Math.floor(at.getTime() / 1000) + 90 * 24 * 3600 },
      }),
    );
  }

  /** Stripe's refund events name the payment intent, not the order: this maps one to the other. */
  async rememberPaymentIntent(paymentIntentId: string, orderId: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...paymentEventKey('stripe-pi', paymentIntentId), type: 'PaymentIntent', orderId } }));
  }

  async orderOfPaymentIntent(paymentIntentId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: paymentEventKey('stripe-pi', paymentIntentId) }));
    return Item ? String(Item.orderId) : undefined;
  }

  async savedAddresses(accountId: string): Promise<ShippingAddress[]> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: addressBookKey(accountId) }));
    return Item ? (withoutKeys<{ addresses: ShippingAddress[] }>(Item).addresses ?? []) : [];
  }

  /** Most recent first, the same address once, at most 5. */
  async saveAddress(accountId: string, address: ShippingAddress): Promise<void> {
    const same = (a: ShippingAddress) => JSON.stringify([a.recipientName, a.phone, a.provinceCode, a.commune, a.street]);
    const current = await this.savedAddresses(accountId);
    const next = [address, ...current.filter((a) => same(a) !== same(address))].slice(0, 5);
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...addressBookKey(accountId), type: 'AddressBook', addresses: next } }));
  }
}
