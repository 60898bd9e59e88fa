import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from './items';
import { ownerPartition } from './keys';
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
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :product)',
      ExpressionAttributeValues: { ':pk': ownerPartition(producerId), ':product': 'PRODUCT#' },
      ScanIndexForward: false,
      Limit: options.limit ?? 100,
      ExclusiveStartKey: options.startKey,
    }),
  );
  return { items: (Items ?? []).map((it) => withoutKeys<Product>(it)), nextKey: LastEvaluatedKey };
}
