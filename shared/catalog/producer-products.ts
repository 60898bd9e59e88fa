import { OWNER_INDEX } from '../db/owner-index';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { ownerPartition } from '../db/owner-index';
import type { Product } from './product';

/** A producer's products, every status (dashboard, renames): GSI1 `PRODUCER#<id>`, `PRODUCT#…`, one page per call. */
export async function producerProductsPage(
  db: DynamoDBDocumentClient,
  tableName: string,
  producerId: string,
  options: { limit?: number; startKey?: Record<string, unknown> | undefined } = {},
): Promise<{ items: Product[]; nextKey?: Record<string, unknown> | undefined }> {
  const { Items, LastEvaluatedKey } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: OWNER_INDEX,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :product)',
      ExpressionAttributeValues: { ':pk': ownerPartition(producerId), ':product': 'PRODUCT#' },
      ScanIndexForward: false,
      Limit: options.limit ?? 100,
      ExclusiveStartKey: options.startKey,
    }),
  );
  return { items: (Items ?? []).map((it) => withoutKeys<Product>(it)), nextKey: LastEvaluatedKey };
}

/** The same read as a store in `Services`, so pages never hold the raw client. */
export interface ProducerProductsReader {
  page(producerId: string, options?: { limit?: number; startKey?: Record<string, unknown> | undefined }): ReturnType<typeof producerProductsPage>;
}

export const producerProductsReader = (db: DynamoDBDocumentClient, tableName: string): ProducerProductsReader => ({
  page: (producerId, options) => producerProductsPage(db, tableName, producerId, options),
});
