import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { withoutKeys } from '../db/item-keys';
import { OWNER_INDEX } from '../db/owner-index';
import {
  ACTIVE_LIVES_PARTITION,
  CANCELLED_LIVES_PARTITION,
  liveKey,
  livesSortKey,
  offerKey,
  producerLivesIndex,
  producerLivesPartition,
  producerLivesSortKey,
} from './keys';
import { offerWindow, type FeaturedProduct, type Offer, type StoredLive } from './livestream';
import { closesAt } from './window';

function liveItem(live: StoredLive) {
  return {
    ...liveKey(live.id),
    type: 'Livestream',
    ...live,
    GSI1PK: live.status === 'cancelled' ? CANCELLED_LIVES_PARTITION : ACTIVE_LIVES_PARTITION,
    GSI1SK: livesSortKey(closesAt(live), live.id),
    GSI2PK: producerLivesPartition(live.producerId),
    GSI2SK: producerLivesSortKey(live.startsAt, live.id),
  };
}

function offerItem(live: StoredLive, p: FeaturedProduct): Record<string, unknown> {
  const offer: Offer = {
    livestreamId: live.id,
    productId: p.productId,
    ...(p.variantId ? { variantId: p.variantId } : {}),
    livePriceVnd: p.livePriceVnd,
    ...(p.quota !== undefined ? { quota: p.quota, left: p.quota } : {}),
    ...offerWindow(live),
    soldUnits: 0,
    revenueVnd: 0,
    orderCount: 0,
  };
  return { ...offerKey(live.id, p.productId, p.variantId), type: 'LiveOffer', ...offer };
}

const offerOf = (item: Record<string, unknown>) => withoutKeys<Offer>(item);

/** All reads and writes of lives; every method is one DynamoDB call unless it says otherwise. */
export class DynamoLivestreamStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The live and every offer, all or nothing (≤ 1 + 99 items). */
  async create(live: StoredLive): Promise<void> {
    const TableName = this.tableName;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: liveItem(live), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...live.products.map((p) => ({ Put: { TableName, Item: offerItem(live, p), ConditionExpression: 'attribute_not_exists(PK)' } })),
        ],
      }),
    );
  }

  async get(id: string, consistent = false): Promise<StoredLive | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: liveKey(id), ConsistentRead: consistent }));
    return Item ? withoutKeys<StoredLive>(Item) : undefined;
  }

  /** Several lives by id in one BatchGetItem (checkout: the lives its lines name). */
  async getMany(ids: readonly string[]): Promise<Map<string, StoredLive>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, StoredLive>();
    if (unique.length === 0) return out;
    const found = await batchGet(this.db, this.tableName, unique.map(liveKey));
    for (const item of found.values()) {
      const live = withoutKeys<StoredLive>(item);
      out.set(live.id, live);
    }
    return out;
  }

  /** Offers by (live, product, variant), one BatchGetItem (≤ 100 keys), keyed by `offerKey` id. */
  async offers(refs: readonly { livestreamId: string; productId: string; variantId?: string | undefined }[]): Promise<Map<string, Offer>> {
    const out = new Map<string, Offer>();
    if (refs.length === 0) return out;
    const keys = refs.map((r) => offerKey(r.livestreamId, r.productId, r.variantId));
    const found = await batchGet(this.db, this.tableName, [...new Map(keys.map((k) => [keyId(k), k])).values()]);
    for (const [id, item] of found) out.set(id, offerOf(item));
    return out;
  }

  /**
   * A lifecycle move: the live (only if still at the version read) and its offers' window, in one
   * transaction. False when someone else moved it first.
   */
  async move(previous: StoredLive, next: StoredLive): Promise<boolean> {
    const TableName = this.tableName;
    const window = offerWindow(next);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: liveItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
            ...next.products.map((p) => ({
              Update: {
                TableName,
                Key: offerKey(next.id, p.productId, p.variantId),
                UpdateExpression: 'SET opensAt = :o, closesAt = :c',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':o': window.opensAt, ':c': window.closesAt },
              },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  /**
   * An edit before the start: the live (only at the version read) and every offer's price, quota and
   * window, in one transaction. Each offer must still be closed at `now` and have sold nothing, so an
   * edit racing the clock's opening can never reset a quota that checkout has started to take.
   * False when the live moved or opened first.
   */
  async edit(previous: StoredLive, next: StoredLive, now: Date): Promise<boolean> {
    const TableName = this.tableName;
    const window = offerWindow(next);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: liveItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
            ...next.products.map((p) => ({
              Update: {
                TableName,
                Key: offerKey(next.id, p.productId, p.variantId),
                UpdateExpression:
                  p.quota === undefined
                    ? 'SET opensAt = :o, closesAt = :c, livePriceVnd = :price REMOVE quota, #left'
                    : 'SET opensAt = :o, closesAt = :c, livePriceVnd = :price, quota = :q, #left = :q',
                ConditionExpression: 'attribute_exists(PK) AND soldUnits = :zero AND opensAt > :now',
                ExpressionAttributeNames: { '#left': 'left' },
                ExpressionAttributeValues: {
                  ':o': window.opensAt,
                  ':c': window.closesAt,
                  ':price': p.livePriceVnd,
                  ':zero': 0,
                  ':now': now.toISOString(),
                  ...(p.quota === undefined ? {} : { ':q': p.quota }),
                },
              },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  /** Replaces the live item at the version read (a replay URL, the start notice mark). False if it moved. */
  async replace(previous: StoredLive, next: StoredLive): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: liveItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Lives whose window closes after `now` (on now or to come), soonest first; bounded by `limit`. */
  async openOrUpcoming(now: Date, limit: number): Promise<StoredLive[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: OWNER_INDEX,
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK > :now',
        ExpressionAttributeValues: { ':pk': ACTIVE_LIVES_PARTITION, ':now': now.toISOString() },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => withoutKeys<StoredLive>(i));
  }

  /** Lives whose window has closed, most recent first. */
  async ended(now: Date, limit: number): Promise<StoredLive[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: OWNER_INDEX,
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':pk': ACTIVE_LIVES_PARTITION, ':now': `${now.toISOString()}#~` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => withoutKeys<StoredLive>(i));
  }

  /** A storefront's lives, latest planned start first (its dashboard). */
  async ofProducer(producerId: string, limit: number): Promise<StoredLive[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: producerLivesIndex.indexName,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': producerLivesPartition(producerId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => withoutKeys<StoredLive>(i));
  }
}
