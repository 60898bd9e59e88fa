import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { listingPartition, productKey } from '../catalog/keys';
import { producerKey } from '../storefront/keys';
import type { Product } from '../catalog/product';
import type { Producer } from '../storefront/producer';

/** DynamoDB's BatchGetItem limit. */
const BATCH = 100;
const CONCURRENCY = 4;
const MAX_ROUNDS = 6;

export interface CatalogContent {
  products: Product[];
  producers: Producer[];
}

type Key = { PK: string; SK: string };

async function batchGetAll(db: DynamoDBDocumentClient, tableName: string, keys: Key[]): Promise<Record<string, unknown>[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) chunks.push(keys.slice(i, i + BATCH));
  const out: Record<string, unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending: Record<string, unknown>[] = chunks[next++]!;
      for (let round = 0; pending.length > 0; round++) {
        if (round === MAX_ROUNDS) throw new Error('BatchGetItem kept keys unprocessed: the table is throttling the index build');
        if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
        const res = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        out.push(...(res.Responses?.[tableName] ?? []));
        pending = res.UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

/**
 * Everything the index needs, without a Scan: the `LIST#ALL` listing partition names every listed
 * product (one Query page per ~1 MB), then BatchGetItem reads the product items (description, tags
 * and commune are not on listing items) and the profiles of the producers that have them.
 * A producer with nothing listed has no public storefront, so it is rightly never read.
 * Cost at 20,000 products / 10,000 producers: ~15 Query pages + 200 + 100 BatchGetItem calls,
 * ~17,000 read request units (eventually consistent), a few seconds.
 */
export async function readCatalogForIndex(db: DynamoDBDocumentClient, tableName: string): Promise<CatalogContent> {
  const productIds: string[] = [];
  const producerIds = new Set<string>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': listingPartition({ kind: 'all' }) },
        ProjectionExpression: 'id, producerId',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      productIds.push(String(item.id));
      producerIds.add(String(item.producerId));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  const [productItems, producerItems] = await Promise.all([
    batchGetAll(db, tableName, productIds.map(productKey)),
    batchGetAll(db, tableName, [...producerIds].map(producerKey)),
  ]);
  return {
    products: productItems.map((item) => withoutKeys<Product>(item)),
    producers: producerItems.map((item) => withoutKeys<Producer>(item)),
  };
}
