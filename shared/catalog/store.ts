import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Conflict, InvalidInput } from '../http/errors';
import { decodeCursor, encodeCursor, type StartKey } from '../http/cursor';
import type { CatalogStore, ProductPage } from './catalog-store';
import { checkListingGate, isListable } from './gate';
import { listingItems, productItem,  type ListingItem } from './items';
import { withoutKeys } from '../db/item-keys';
import { batchGet } from '../db/batch-get';
import { listingPartition, productKey, sortIndex, type ListingFacet } from './keys';
import type { ListProductsQuery } from './list-query';
import type { Product, ProductCard } from './product';
import { productWriteCondition } from './product-write-condition';
import { readListingRatings, ratingVersionCheck, type ListingRatingRead } from './listing-rating';
import { PRICE_HISTORY_SK_PREFIX, priceHistoryKey, pricePointOf, pricesChanged, type PricePoint } from './price-history';

/** Most Query calls one list request may make while filters drop items (bounded cost per request). */
const MAX_QUERY_CALLS = 4;
/** A save that only lost to a review moving the product's rating runs again, this many times at most. */
const MAX_RATING_RETRIES = 8;

/** The most selective facet becomes the partition; the other filters become a FilterExpression. */
export function choosePartition(q: ListProductsQuery): ListingFacet {
  if (q.producer) return { kind: 'producer', value: q.producer };
  if (q.subgroup) return { kind: 'subgroup', value: q.subgroup };
  if (q.province) return { kind: 'province', value: q.province };
  if (q.group) return { kind: 'group', value: q.group };
  return { kind: 'all' };
}

/** A start key must name exactly this partition's key attributes, or DynamoDB rejects it. */
function assertStartKey(key: StartKey, partition: string, indexSortAttr: string | undefined): void {
  const expected = ['PK', 'SK', ...(indexSortAttr ? [indexSortAttr] : [])].sort().join(',');
  const ok = Object.keys(key).sort().join(',') === expected && key.PK === partition && Object.values(key).every((v) => typeof v === 'string' && v.length > 0);
  if (!ok) throw new InvalidInput('Cursor does not belong to this query', 'INVALID_CURSOR');
}

export class DynamoCatalogStore implements CatalogStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getProduct(id: string): Promise<Product | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: productKey(id) }));
    return Item ? withoutKeys<Product>(Item) : undefined;
  }

  async getProducts(ids: readonly string[]): Promise<Map<string, Product>> {
    const unique = [...new Set(ids)];
    if (unique.length > 100) throw new RangeError('getProducts: at most 100 ids');
    const found = await batchGet(this.db, this.tableName, unique.map(productKey));
    const out = new Map<string, Product>();
    for (const item of found.values()) {
      const product = withoutKeys<Product>(item);
      out.set(product.id, product);
    }
    return out;
  }

  async listProducts(q: ListProductsQuery, now: Date): Promise<ProductPage> {
    const facet = choosePartition(q);
    const partition = listingPartition(facet);
    const order = sortIndex[q.sort];
    const fingerprint = `${partition}|${q.sort}`;
    let startKey: StartKey | undefined = q.cursor ? decodeCursor(q.cursor, fingerprint) : undefined;
    if (startKey) assertStartKey(startKey, partition, order.index ? order.keyAttr : undefined);

    const names: Record<string, string> = { '#pk': 'PK' };
    const values: Record<string, unknown> = { ':pk': partition, ':now': now.toISOString() };
    let keyCondition = '#pk = :pk';
    const filters = ['expiresAt > :now'];
    const addFilter = (attr: string, op: string, value: unknown) => {
      names[`#${attr}`] = attr;
      values[`:${attr}`] = value;
      filters.push(`#${attr} ${op} :${attr}`);
    };
    if (q.group && facet.kind !== 'group') addFilter('group', '=', q.group);
    if (q.subgroup && facet.kind !== 'subgroup') addFilter('subgroup', '=', q.subgroup);
    if (q.province && facet.kind !== 'province') addFilter('provinceCode', '=', q.province);
    if (q.producer && facet.kind !== 'producer') addFilter('producerId', '=', q.producer);
    if (q.minStars !== undefined) {
      if (q.sort === 'stars') {
        // Stars-sorted keys start with the star digit: the bound is a key condition, not a filter.
        names['#sk'] = 'STARS';
        values[':minStars'] = String(q.minStars);
        keyCondition += ' AND #sk >= :minStars';
      } else {
        addFilter('stars', '>=', q.minStars);
      }
    }
    const selective = filters.length > 1;
    const want = q.limit + 1;
    const items: ListingItem[] = [];
    let calls = 0;
    let lastEvaluated: StartKey | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: order.index,
          KeyConditionExpression: keyCondition,
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: order.forward,
          ExclusiveStartKey: startKey,
          // Filters drop items after the read, so over-read to stay at one call: a lot when filters are
          // selective, a little otherwise (expired items linger until TTL removes them).
          Limit: selective ? Math.min(1000, want * 4) : want + Math.max(5, Math.ceil(want / 4)),
        }),
      );
      calls++;
      for (const raw of page.Items ?? []) items.push(raw as ListingItem);
      lastEvaluated = page.LastEvaluatedKey as StartKey | undefined;
      startKey = lastEvaluated;
    } while (items.length < want && lastEvaluated && calls < MAX_QUERY_CALLS);

    // Defence in depth: the FilterExpression already drops expired items; re-check the gate here.
    const listed = items.filter(
      (it) => checkListingGate({ status: 'active', certificate: { stars: it.stars, status: 'active', expiresAt: it.expiresAt } }, now).listed,
    );
    const pageItems = listed.slice(0, q.limit);
    let next: StartKey | undefined;
    if (listed.length > q.limit) {
      const last = pageItems[pageItems.length - 1] as ListingItem;
      next = { PK: last.PK, SK: last.SK };
      if (order.index) next[order.keyAttr] = last[order.keyAttr as 'PRICE' | 'STARS' | 'RATING'];
    } else if (lastEvaluated) {
      next = lastEvaluated;
    }
    return {
      items: pageItems.map((it) => withoutKeys<ProductCard>(it)),
      nextCursor: next ? encodeCursor(fingerprint, next) : undefined,
    };
  }

  /**
   * One transaction: the product, its listing items (carrying the rating sort key) and the deletes of
   * the facets it left. A listable product first reads its rating aggregate (1 GetItem-sized
   * BatchGetItem) and checks its version in the transaction; a review landing in between only makes
   * the save run again (listing-rating.ts), it never writes a stale rating.
   */
  async saveProduct(product: Product, previous?: Product): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const rating = isListable(product) ? (await readListingRatings(this.db, this.tableName, [product.id])).get(product.id) : undefined;
      const outcome = await this.trySave(product, previous, rating);
      if (outcome === 'saved') return;
      if (outcome === 'product' || attempt >= MAX_RATING_RETRIES) throw new Conflict(`Product ${product.id} was changed by someone else`, 'PRODUCT_CONFLICT');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
  }

  private async trySave(product: Product, previous: Product | undefined, rating: ListingRatingRead | undefined): Promise<'saved' | 'product' | 'rating'> {
    const puts = [productItem(product), ...listingItems(product, rating?.totals)];
    const newKeys = new Set(puts.map((i) => `${i.PK}|${i.SK}`));
    const deletes = previous
      ? listingItems(previous)
          .map((i) => ({ PK: i.PK, SK: i.SK }))
          .filter((k) => !newKeys.has(`${k.PK}|${k.SK}`))
      : [];
    const check = rating ? [ratingVersionCheck(this.tableName, rating)] : [];
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...puts.map((Item, i) => ({
              Put: {
                TableName: this.tableName,
                Item,
                // Optimistic concurrency on the product item: nothing half-written if two edits race.
                ...(i === 0
                  ? previous
                    ? productWriteCondition(previous)
                    : { ConditionExpression: 'attribute_not_exists(PK)' }
                  : {}),
              },
            })),
            ...deletes.map((Key) => ({ Delete: { TableName: this.tableName, Key } })),
            // One small item per price change (never per stock move): the livestream discount rule reads it.
            ...(pricesChanged(product, previous)
              ? [{ Put: { TableName: this.tableName, Item: { ...priceHistoryKey(product.id, product.updatedAt), type: 'PriceChange', ...pricePointOf(product) } } }]
              : []),
            ...check,
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const productFailed = reasons[0]?.Code === 'ConditionalCheckFailed';
        const ratingMoved = rating !== undefined && ['ConditionalCheckFailed', 'TransactionConflict'].includes(reasons[reasons.length - 1]?.Code ?? '');
        return !productFailed && ratingMoved ? 'rating' : 'product';
      }
      throw error;
    }
  }

  async priceHistory(productId: string, since: Date): Promise<PricePoint[]> {
    const points: PricePoint[] = [];
    const sinceSk = `${PRICE_HISTORY_SK_PREFIX}${since.toISOString()}`;
    let start: Record<string, unknown> | undefined;
    // Newest first; stop at the first change before the window: the price in effect when it opened.
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': productKey(productId).PK, ':prefix': PRICE_HISTORY_SK_PREFIX },
          ScanIndexForward: false,
          ConsistentRead: true,
          Limit: 50,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const point: PricePoint = { at: String(item.at), priceVnd: Number(item.priceVnd), ...(item.variants ? { variants: item.variants as Record<string, number> } : {}) };
        points.push(point);
        if (String(item.SK) <= sinceSk) return points;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return points;
  }
}
