/**
 * Loads the synthetic catalogue with the exact items the store writes (productItem + listingItems),
 * through BatchWrite: the store's one-transaction-per-product path would take minutes for 20k.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listingItems, productItem } from '../shared/catalog/items';
import type { Product } from '../shared/catalog/product';

export interface LoadStats {
  products: number;
  productItems: number;
  listingItems: number;
  itemsWritten: number;
  batchCalls: number;
  unprocessedRetries: number;
  ms: number;
  itemsPerSecond: number;
}

const BATCH_SIZE = 25; // BatchWriteItem's hard limit
const MAX_ATTEMPTS = 10;

type Item = Record<string, unknown>;

export async function bulkLoad(
  db: DynamoDBDocumentClient,
  tableName: string,
  products: Product[],
  options: { concurrency?: number; onProgress?: (written: number, total: number) => void } = {},
): Promise<LoadStats> {
  const started = performance.now();
  const items: Item[] = [];
  let listing = 0;
  for (const p of products) {
    items.push(productItem(p));
    const l = listingItems(p);
    listing += l.length;
    items.push(...l);
  }
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));

  let next = 0;
  let written = 0;
  let batchCalls = 0;
  let retries = 0;
  let lastReport = 0;

  async function writeBatch(batch: Item[]): Promise<void> {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchWrite: ${pending.length} items still unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 1) {
        retries++;
        // Exponential backoff with full jitter, as AWS recommends for UnprocessedItems.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 25 * 2 ** attempt)));
      }
      const res = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      batchCalls++;
      const left = (res.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      written += pending.length - left.length;
      pending = left;
    }
  }

  async function worker(): Promise<void> {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await writeBatch(batch);
      if (options.onProgress && written - lastReport >= 20_000) {
        lastReport = written;
        options.onProgress(written, items.length);
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  const ms = performance.now() - started;
  return {
    products: products.length,
    productItems: products.length,
    listingItems: listing,
    itemsWritten: written,
    batchCalls,
    unprocessedRetries: retries,
    ms,
    itemsPerSecond: written / (ms / 1000),
  };
}
