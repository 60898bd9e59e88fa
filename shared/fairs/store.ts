import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { withoutKeys } from '../db/item-keys';
import { OWNER_INDEX } from '../db/owner-index';
import type { Booth, BoothApplication, FairOffer, StoredFair } from './fair';
import type { Inquiry, InquiryMessage } from './inquiry';
import {
  applicantKey,
  applicationKey,
  BOOTH_SK_PREFIX,
  boothKey,
  DRAFT_FAIRS_PARTITION,
  fairApplicationsPartition,
  fairKey,
  fairOfferKey,
  fairQueueIndex,
  fairsSortKey,
  inboxPartition,
  inquiryKey,
  producerApplicationsPartition,
  PUBLIC_FAIRS_PARTITION,
  statKey,
  statsPartition,
  visitorKey,
} from './keys';

function fairItem(fair: StoredFair) {
  return { ...fairKey(fair.id), type: 'Fair', ...fair, GSI1PK: fair.status === 'draft' ? DRAFT_FAIRS_PARTITION : PUBLIC_FAIRS_PARTITION, GSI1SK: fairsSortKey(fair.startsAt, fair.id) };
}
const applicationItem = (a: BoothApplication) => ({
  ...applicationKey(a.id),
  type: 'BoothApplication',
  ...a,
  GSI1PK: producerApplicationsPartition(a.producerId),
  GSI1SK: `${a.createdAt}#${a.id}`,
  GSI2PK: fairApplicationsPartition(a.fairId),
  GSI2SK: `${a.createdAt}#${a.id}`,
});
const boothItem = (b: Booth) => ({ ...boothKey(b.fairId, b.boothNo), type: 'FairBooth', ...b });
const inquiryItem = (i: Inquiry) => ({ ...inquiryKey(i.id), type: 'FairInquiry', ...i, GSI2PK: inboxPartition(i.producerId), GSI2SK: `${i.createdAt}#${i.id}` });

export type AcceptOutcome = 'accepted' | 'booth_taken' | 'decided';
export type OfferWrite = { kind: 'set'; offer: Omit<FairOffer, 'soldUnits' | 'revenueVnd' | 'orderCount'> } | { kind: 'withdraw'; fairId: string; productId: string; variantId?: string | undefined; at: string };

/** Counter names of a stats item (ADD only, never read-modify-write). */
export type StatCounter = 'views' | 'uniques' | 'inquiries';

/** All reads and writes of fairs; every method is one DynamoDB call unless it says otherwise. */
export class DynamoFairStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(fair: StoredFair): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: fairItem(fair), ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  async get(id: string, consistent = false): Promise<StoredFair | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: fairKey(id), ConsistentRead: consistent }));
    return Item ? withoutKeys<StoredFair>(Item) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, StoredFair>> {
    const out = new Map<string, StoredFair>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    for (const item of (await batchGet(this.db, this.tableName, unique.map(fairKey))).values()) {
      const fair = withoutKeys<StoredFair>(item);
      out.set(fair.id, fair);
    }
    return out;
  }

  /** The fair and every booth slot taken, from its one partition (1 Query, paginated past 1 MB). */
  async withBooths(id: string): Promise<{ fair: StoredFair | undefined; booths: Booth[] }> {
    let fair: StoredFair | undefined;
    const booths: Booth[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': fairKey(id).PK }, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) {
        if (item.SK === 'FAIR') fair = withoutKeys<StoredFair>(item);
        else if (String(item.SK).startsWith(BOOTH_SK_PREFIX)) booths.push(withoutKeys<Booth>(item));
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return { fair, booths };
  }

  /** A transition: only if still at the version read. False when someone else moved it first. */
  async move(previous: StoredFair, next: StoredFair): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: fairItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Public fairs (open, live, closed) by start, latest first; bounded. */
  async listPublic(limit: number): Promise<StoredFair[]> {
    return this.queryIndex(OWNER_INDEX, 'GSI1PK', PUBLIC_FAIRS_PARTITION, limit);
  }

  /** Drafts (organisers' console), latest start first; bounded. */
  async listDrafts(limit: number): Promise<StoredFair[]> {
    return this.queryIndex(OWNER_INDEX, 'GSI1PK', DRAFT_FAIRS_PARTITION, limit);
  }

  /** The application and the one-per-producer marker, together; false when the producer already applied. */
  async apply(app: BoothApplication): Promise<boolean> {
    const TableName = this.tableName;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: applicationItem(app), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName, Item: { ...applicantKey(app.fairId, app.producerId), type: 'FairApplicant', applicationId: app.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async applicantOf(fairId: string, producerId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: applicantKey(fairId, producerId) }));
    return Item?.applicationId as string | undefined;
  }

  async getApplication(id: string): Promise<BoothApplication | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: applicationKey(id), ConsistentRead: true }));
    return Item ? withoutKeys<BoothApplication>(Item) : undefined;
  }

  async applicationsOfFair(fairId: string, limit = 500): Promise<BoothApplication[]> {
    return this.queryIndex(fairQueueIndex.indexName, 'GSI2PK', fairApplicationsPartition(fairId), limit);
  }

  async applicationsOfProducer(producerId: string, limit = 100): Promise<BoothApplication[]> {
    return this.queryIndex(OWNER_INDEX, 'GSI1PK', producerApplicationsPartition(producerId), limit);
  }

  /**
   * Accepting is one transaction: the booth slot is created only if nobody holds it, and the
   * application moves only if still pending. Of N concurrent accepts for one booth exactly one commits.
   */
  async accept(app: BoothApplication, booth: Booth): Promise<AcceptOutcome> {
    const TableName = this.tableName;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: boothItem(booth), ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Update: {
                TableName,
                Key: applicationKey(app.id),
                UpdateExpression: 'SET #s = :accepted, boothNo = :no, decidedAt = :at, decidedBy = :by',
                ConditionExpression: '#s = :pending',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':accepted': 'accepted', ':pending': 'pending', ':no': booth.boothNo, ':at': app.decidedAt, ':by': app.decidedBy },
              },
            },
          ],
        }),
      );
      return 'accepted';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'decided';
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'booth_taken';
      // TransactionConflict: another accept held the slot mid-flight; the caller reads again.
      throw Object.assign(new Error('Booth accept conflicted'), { name: 'TransactionConflict' });
    }
  }

  async reject(app: BoothApplication): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: applicationKey(app.id),
          UpdateExpression: 'SET #s = :rejected, reason = :r, decidedAt = :at, decidedBy = :by',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':rejected': 'rejected', ':pending': 'pending', ':r': app.reason, ':at': app.decidedAt, ':by': app.decidedBy },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async booth(fairId: string, boothNo: number): Promise<Booth | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: boothKey(fairId, boothNo) }));
    return Item ? withoutKeys<Booth>(Item) : undefined;
  }

  /**
   * The booth's decoration and its fair prices, all or nothing (≤ 1 + 2 × 12 items). An offer keeps
   * its counters across edits; a product taken off the booth has its window closed, not deleted.
   */
  async decorate(booth: Booth, offers: readonly OfferWrite[]): Promise<void> {
    const TableName = this.tableName;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: boothItem(booth), ConditionExpression: 'attribute_exists(PK) AND producerId = :p', ExpressionAttributeValues: { ':p': booth.producerId } } },
          ...offers.map((w) =>
            w.kind === 'set'
              ? {
                  Update: {
                    TableName,
                    Key: fairOfferKey(w.offer.fairId, w.offer.productId, w.offer.variantId),
                    UpdateExpression:
                      'SET #t = :t, fairId = :f, boothNo = :b, producerId = :pr, productId = :pid, fairPriceVnd = :price, opensAt = :o, closesAt = :c' +
                      (w.offer.variantId ? ', variantId = :v' : '') +
                      ' ADD soldUnits :zero, revenueVnd :zero, orderCount :zero',
                    // Another booth of the fair cannot take over a product it does not own (ids are global).
                    ConditionExpression: 'attribute_not_exists(PK) OR producerId = :pr',
                    ExpressionAttributeNames: { '#t': 'type' },
                    ExpressionAttributeValues: {
                      ':t': 'FairOffer',
                      ':f': w.offer.fairId,
                      ':b': w.offer.boothNo,
                      ':pr': w.offer.producerId,
                      ':pid': w.offer.productId,
                      ':price': w.offer.fairPriceVnd,
                      ':o': w.offer.opensAt,
                      ':c': w.offer.closesAt,
                      ':zero': 0,
                      ...(w.offer.variantId ? { ':v': w.offer.variantId } : {}),
                    },
                  },
                }
              : {
                  Update: {
                    TableName,
                    Key: fairOfferKey(w.fairId, w.productId, w.variantId),
                    UpdateExpression: 'SET closesAt = opensAt',
                    ConditionExpression: 'attribute_exists(PK)',
                  },
                },
          ),
        ],
      }),
    );
  }

  /** Offers by (fair, product, variant), one BatchGetItem (≤ 100 keys), keyed by `fairOfferKey` id. */
  async offers(refs: readonly { fairId: string; productId: string; variantId?: string | undefined }[]): Promise<Map<string, FairOffer>> {
    const out = new Map<string, FairOffer>();
    if (refs.length === 0) return out;
    const keys = [...new Map(refs.map((r) => fairOfferKey(r.fairId, r.productId, r.variantId)).map((k) => [keyId(k), k])).values()];
    for (let i = 0; i < keys.length; i += 100) {
      for (const [id, item] of await batchGet(this.db, this.tableName, keys.slice(i, i + 100))) out.set(id, withoutKeys<FairOffer>(item));
    }
    return out;
  }

  /** An early close cuts every offer's window at `at` (one UpdateItem each, in parallel; idempotent). */
  async closeOffers(refs: readonly { fairId: string; productId: string; variantId?: string | undefined }[], at: string): Promise<void> {
    await Promise.all(
      refs.map(async (r) => {
        try {
          await this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: fairOfferKey(r.fairId, r.productId, r.variantId),
              UpdateExpression: 'SET closesAt = :at',
              ConditionExpression: 'attribute_exists(PK) AND closesAt > :at',
              ExpressionAttributeValues: { ':at': at },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }),
    );
  }

  /** The inquiry and the booth's inquiry counter of the day, together. */
  async putInquiry(inquiry: Inquiry, day: string): Promise<void> {
    const TableName = this.tableName;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: inquiryItem(inquiry), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Update: { TableName, ...statUpdate(inquiry.fairId, day, `BOOTH#${inquiry.boothNo}`, 'inquiries') } },
        ],
      }),
    );
  }

  async getInquiry(id: string): Promise<Inquiry | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: inquiryKey(id), ConsistentRead: true }));
    return Item ? withoutKeys<Inquiry>(Item) : undefined;
  }

  async inbox(producerId: string, limit = 100): Promise<Inquiry[]> {
    return this.queryIndex(fairQueueIndex.indexName, 'GSI2PK', inboxPartition(producerId), limit);
  }

  /** Appends a message and sets the status, only on the exhibitor's own inquiry (≤ 50 messages a thread). */
  async addMessage(id: string, producerId: string, message: InquiryMessage | undefined, status: Inquiry['status'], at: string): Promise<Inquiry | undefined> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inquiryKey(id),
          UpdateExpression: message ? 'SET messages = list_append(messages, :m), #s = :s, updatedAt = :at' : 'SET #s = :s, updatedAt = :at',
          ConditionExpression: message ? 'producerId = :p AND size(messages) < :max' : 'producerId = :p',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':p': producerId, ':s': status, ':at': at, ...(message ? { ':m': [message], ':max': 50 } : {}) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? withoutKeys<Inquiry>(out.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /**
   * A visit: ADD 1 to each scope's views of the day; the visitor's first visit of the day (a
   * conditional put of its marker) also adds 1 to the fair's unique visitors. 1 + 1–4 calls.
   */
  async recordVisit(fairId: string, day: string, scopes: readonly string[], visitor: string, ttl: number): Promise<void> {
    let first = true;
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...visitorKey(fairId, day, visitor), type: 'FairVisitor', ttl }, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      first = false;
    }
    // Separate UpdateItems, not a transaction: ADD is atomic per item, and a hot booth's concurrent
    // visits would otherwise cancel each other's transactions (TransactionConflict).
    await Promise.all([...scopes.map((s) => statUpdate(fairId, day, s, 'views')), ...(first ? [statUpdate(fairId, day, 'FAIR', 'uniques')] : [])].map((u) => this.db.send(new UpdateCommand({ TableName: this.tableName, ...u }))));
  }

  /** Every counter item of the fair (1 Query of its stats partition, paginated). */
  async stats(fairId: string): Promise<{ day: string; scope: string; views: number; uniques: number; inquiries: number }[]> {
    const out: { day: string; scope: string; views: number; uniques: number; inquiries: number }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': statsPartition(fairId) }, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const [, day, ...scope] = String(item.SK).split('#');
        out.push({ day: day!, scope: scope.join('#'), views: Number(item.views ?? 0), uniques: Number(item.uniques ?? 0), inquiries: Number(item.inquiries ?? 0) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private async queryIndex<T>(indexName: string, attribute: string, partition: string, limit: number): Promise<T[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, IndexName: indexName, KeyConditionExpression: `${attribute} = :pk`, ExpressionAttributeValues: { ':pk': partition }, ScanIndexForward: false, Limit: limit }),
    );
    return (out.Items ?? []).map((i) => withoutKeys<T & object>(i));
  }
}

function statUpdate(fairId: string, day: string, scope: string, counter: StatCounter) {
  return { Key: statKey(fairId, day, scope), UpdateExpression: 'SET #t = :t ADD #c :one', ExpressionAttributeNames: { '#t': 'type', '#c': counter }, ExpressionAttributeValues: { ':t': 'FairStat', ':one': 1 } };
}
