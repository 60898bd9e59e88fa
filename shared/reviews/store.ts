import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { withoutKeys } from '../db/item-keys';
import { decodeCursor, encodeCursor } from '../http/cursor';
import {
  moderationLogKey,
  producerRatingKey,
  productHelpfulPartition,
  productRatingKey,
  productReviewsPartition,
  reportedReviewsIndex,
  reportedReviewsPartition,
  hiddenReviewsPartition,
  producerReviewsIndex,
  producerReviewsPartition,
  reportKey,
  reviewKey,
  reviewsHelpfulIndex,
  reviewsNewestIndex,
} from './keys';
import { productKey } from '../catalog/keys';
import { RATING_SORT_ATTR, ratingReadOf, versionCondition, type ListingRatingRead } from '../catalog/listing-rating';
import { scoreOf, type ModerationEntry, type StoredReview } from './review';
import { emptyAggregate, type AggregateDelta, type RatingAggregate } from './rules';

/** Index keys follow the review: only visible reviews are listed; only reported ones wait in a queue. */
function reviewItem(r: StoredReview) {
  const newest = `${r.createdAt}#${r.id}`;
  return {
    ...reviewKey(r.id),
    type: 'Review',
    ...r,
    ...(r.status === 'visible'
      ? {
          GSI1PK: productReviewsPartition(r.productId),
          GSI1SK: newest,
          GSI2PK: productHelpfulPartition(r.productId),
          GSI2SK: `${String(scoreOf(r)).padStart(6, '0')}#${newest}`,
        }
      : {}),
    // A review waits in the queue while reported and undecided, or sits in "hidden" once hidden (never both).
    ...(r.awaitingModeration
      ? { GSI3PK: reportedReviewsPartition(r.provinceCode), GSI3SK: `${r.lastReportedAt ?? r.updatedAt}#${r.id}` }
      : r.status === 'hidden'
        ? { GSI3PK: hiddenReviewsPartition(r.provinceCode), GSI3SK: `${r.updatedAt}#${r.id}` }
        : {}),
    GSI4PK: producerReviewsPartition(r.producerId),
    GSI4SK: newest,
  };
}

const reviewOf = (item: Record<string, unknown>) => {
  const { GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, GSI3PK: _e, GSI3SK: _f, GSI4PK: _g, GSI4SK: _h, type: _t, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as unknown as StoredReview;
};

function aggregateOf(item: Record<string, unknown> | undefined): RatingAggregate {
  const a = emptyAggregate();
  if (!item) return a;
  for (const k of Object.keys(a) as (keyof RatingAggregate)[]) a[k] = Number(item[k] ?? 0);
  return a;
}

/** One `ADD` for the non-zero terms of a delta; undefined when nothing changes. */
function aggregateUpdate(tableName: string, key: { PK: string; SK: string }, delta: AggregateDelta, owner: Record<string, string>) {
  const terms = Object.entries(delta).filter(([, v]) => v !== 0 && v !== undefined) as [string, number][];
  if (terms.length === 0) return undefined;
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'RatingAggregate' };
  const sets = ['#type = :type'];
  for (const [k, v] of Object.entries(owner)) {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    sets.push(`#${k} = :${k}`);
  }
  const adds = terms.map(([k, v]) => {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    return `#${k} :${k}`;
  });
  return { Update: { TableName: tableName, Key: key, UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
}

/**
 * What a write that moves the product's aggregate needs to keep the listing items' rating sort key
 * in step (shared/catalog/listing-rating.ts): the aggregate as read (the write moves it from that
 * version only), the product item as read (its listing set), and the listing items to re-key.
 */
export interface RatingSync {
  read: ListingRatingRead;
  /** `updatedAt` of the product item read; undefined when there was none. */
  productUpdatedAt: string | undefined;
  listingKeys: { PK: string; SK: string }[];
  /** The listing items' new `RATING` key, from `read.totals` moved by the delta. */
  sortKey: string;
}

/** The product's aggregate: `ADD` the delta and the version, from the version read only. */
function productAggregateUpdate(tableName: string, productId: string, delta: AggregateDelta, sync: RatingSync) {
  const update = aggregateUpdate(tableName, productRatingKey(productId), { ...delta, version: 1 } as AggregateDelta, { productId })!.Update;
  const condition = versionCondition(sync.read.version);
  return {
    Update: {
      ...update,
      ConditionExpression: condition.ConditionExpression,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...condition.ExpressionAttributeNames },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...(condition.ExpressionAttributeValues ?? {}) },
    },
  };
}

/** The product item is still the one whose listing set the write re-keys. */
function productCheck(tableName: string, productId: string, updatedAt: string | undefined) {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: productKey(productId),
      ...(updatedAt === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: '#updatedAt = :updatedAt', ExpressionAttributeNames: { '#updatedAt': 'updatedAt' }, ExpressionAttributeValues: { ':updatedAt': updatedAt } }),
    },
  };
}

function listingRekey(tableName: string, key: { PK: string; SK: string }, sortKey: string) {
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET #rating = :rating',
      // Never create a bare listing item: a product unlisted meanwhile fails the product check anyway.
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#rating': RATING_SORT_ATTR },
      ExpressionAttributeValues: { ':rating': sortKey },
    },
  };
}

export type WriteOutcome =
  | { ok: true }
  /** The review exists already (create) or moved since it was read (every other write). */
  | { ok: false; reason: 'exists' | 'stale' }
  /** An extra item's condition failed: this account reported it already. */
  | { ok: false; reason: 'extra_exists' }
  /** Another transaction held an item (the aggregate, mostly): worth retrying. */
  | { ok: false; reason: 'contention' };

export type ReviewSort = 'newest' | 'helpful';

export interface ReviewQuery {
  productId: string;
  sort: ReviewSort;
  stars?: number | undefined;
  withPhotos?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Filtered pages read at most this many index pages before answering with a cursor. */
const MAX_FILTERED_ROUNDS = 4;

/** All reads and writes of reviews and their aggregates; one DynamoDB call each unless it says otherwise. */
export class DynamoReviewStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getReview(id: string): Promise<StoredReview | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: reviewKey(id), ConsistentRead: true }));
    return Item ? reviewOf(Item) : undefined;
  }

  /**
   * One TransactWriteItems: the review (created when `expectedVersion` is undefined, else replaced if
   * still at that version), the product's and the storefront's aggregates moved by `delta`, and any
   * extra item that must not exist yet (a report, a moderation log entry).
   */
  async write(next: StoredReview, expectedVersion: number | undefined, delta: AggregateDelta, extra: Record<string, unknown>[] = [], sync?: RatingSync): Promise<WriteOutcome> {
    const TableName = this.tableName;
    const moves = Object.values(delta).some((v) => v !== 0 && v !== undefined);
    if (moves && !sync) throw new Error('A write that moves the aggregate needs its RatingSync');
    const reviewPut =
      expectedVersion === undefined
        ? { Put: { TableName, Item: reviewItem(next), ConditionExpression: 'attribute_not_exists(PK)' } }
        : { Put: { TableName, Item: reviewItem(next), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } };
    const aggregates = [
      ...(moves && sync
        ? [
            productAggregateUpdate(TableName, next.productId, delta, sync),
            productCheck(TableName, next.productId, sync.productUpdatedAt),
            ...sync.listingKeys.map((key) => listingRekey(TableName, key, sync.sortKey)),
          ]
        : []),
      aggregateUpdate(TableName, producerRatingKey(next.producerId), delta, { producerId: next.producerId }),
    ].filter((u) => u !== undefined);
    const extras = extra.map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } }));
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [reviewPut, ...extras, ...aggregates] }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return { ok: false, reason: expectedVersion === undefined ? 'exists' : 'stale' };
      if (reasons.slice(1, 1 + extras.length).some((r) => r.Code === 'ConditionalCheckFailed')) return { ok: false, reason: 'extra_exists' };
      return { ok: false, reason: 'contention' };
    }
  }

  reportItem(reviewId: string, entry: Omit<ModerationEntry, 'reviewId' | 'action'>) {
    return { ...reportKey(reviewId, entry.by), type: 'ReviewReport', reviewId, ...entry };
  }

  moderationLogItem(entry: ModerationEntry, version: number) {
    return { ...moderationLogKey(entry.reviewId, entry.at, version), type: 'ReviewModeration', ...entry };
  }

  /** The product's aggregate with its version, before a write that moves it: 1 GetItem (consistent). */
  async productRatingForWrite(productId: string): Promise<ListingRatingRead> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: productRatingKey(productId), ConsistentRead: true }));
    return ratingReadOf(productId, Item);
  }

  async productRating(productId: string): Promise<RatingAggregate> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: productRatingKey(productId) }));
    return aggregateOf(Item);
  }

  async producerRating(producerId: string): Promise<RatingAggregate> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: producerRatingKey(producerId) }));
    return aggregateOf(Item);
  }

  /** Aggregates of many products (cards): one BatchGetItem per 100. */
  async productRatings(productIds: readonly string[]): Promise<Map<string, RatingAggregate>> {
    const out = new Map<string, RatingAggregate>();
    const unique = [...new Set(productIds)];
    for (let i = 0; i < unique.length; i += 100) {
      const keys = unique.slice(i, i + 100).map(productRatingKey);
      const found = await batchGet(this.db, this.tableName, keys);
      for (const key of keys) {
        const item = found.get(keyId(key));
        if (item) out.set(key.PK.slice('PRODUCT#'.length), aggregateOf(item));
      }
    }
    return out;
  }

  /**
   * A product's visible reviews: one Query on GSI1 (newest) or GSI2 (helpful). With a stars or photos
   * filter, the filter runs in DynamoDB and up to 4 index pages are read before answering.
   */
  async listReviews(q: ReviewQuery): Promise<{ items: StoredReview[]; nextCursor?: string }> {
    const index = q.sort === 'helpful' ? reviewsHelpfulIndex : reviewsNewestIndex;
    const pk = q.sort === 'helpful' ? productHelpfulPartition(q.productId) : productReviewsPartition(q.productId);
    const fingerprint = `reviews|${q.productId}|${q.sort}|${q.stars ?? ''}|${q.withPhotos ? 1 : 0}`;
    let start: Record<string, unknown> | undefined = q.cursor ? decodeCursor(q.cursor, fingerprint) : undefined;
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':pk': pk };
    const names: Record<string, string> = { '#pk': index.partitionKey.name };
    if (q.stars !== undefined) {
      filters.push('#stars = :stars');
      names['#stars'] = 'stars';
      values[':stars'] = q.stars;
    }
    if (q.withPhotos) {
      filters.push('size(#photos) > :zero');
      names['#photos'] = 'photos';
      values[':zero'] = 0;
    }
    const filtered = filters.length > 0;
    const items: Record<string, unknown>[] = [];
    for (let round = 0; round < (filtered ? MAX_FILTERED_ROUNDS : 1); round++) {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#pk = :pk',
          ...(filtered ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: filtered ? 100 : q.limit + 1,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
      if (items.length > q.limit || !start) break;
    }
    const taken = items.slice(0, q.limit);
    // More than a page: continue after the last item answered. Otherwise continue where DynamoDB
    // stopped (whatever lay between was filtered out), if it did.
    const nextKey = items.length > q.limit ? indexKeyOf(taken[taken.length - 1]!, index) : (start as Record<string, string | number> | undefined);
    return { items: taken.map(reviewOf), ...(nextKey ? { nextCursor: encodeCursor(fingerprint, nextKey) } : {}) };
  }

  /** Reported reviews of a province waiting for a decision, newest report first: one Query on GSI3. */
  async reportedInProvince(provinceCode: string, limit: number): Promise<StoredReview[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: reportedReviewsIndex.indexName,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': reportedReviewsPartition(provinceCode) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(reviewOf);
  }

  /** Hidden reviews of a province, latest decision first: one Query on GSI3 (the queue's "Đã ẩn"). */
  async hiddenInProvince(provinceCode: string, limit: number): Promise<StoredReview[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: reportedReviewsIndex.indexName,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': hiddenReviewsPartition(provinceCode) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(reviewOf);
  }

  /** A storefront's reviews, newest first, visible and hidden: one Query on GSI4 per page. */
  async reviewsOfProducer(producerId: string, limit: number, cursor?: string): Promise<{ items: StoredReview[]; nextCursor?: string }> {
    const fingerprint = `producer-reviews|${producerId}`;
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: producerReviewsIndex.indexName,
        KeyConditionExpression: 'GSI4PK = :pk',
        ExpressionAttributeValues: { ':pk': producerReviewsPartition(producerId) },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: cursor ? decodeCursor(cursor, fingerprint) : undefined,
      }),
    );
    const next = page.LastEvaluatedKey as Record<string, string> | undefined;
    return { items: (page.Items ?? []).map(reviewOf), ...(next ? { nextCursor: encodeCursor(fingerprint, next) } : {}) };
  }

  /** Every visible review of a product, for tests that recount the aggregate (Query pages on GSI1). */
  async visibleReviewsOf(productId: string): Promise<StoredReview[]> {
    const out: StoredReview[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listReviews({ productId, sort: 'newest', limit: 100, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}

function indexKeyOf(item: Record<string, unknown>, index: { partitionKey: { name: string }; sortKey: { name: string } }) {
  return {
    PK: String(item.PK),
    SK: String(item.SK),
    [index.partitionKey.name]: String(item[index.partitionKey.name]),
    [index.sortKey.name]: String(item[index.sortKey.name]),
  };
}
