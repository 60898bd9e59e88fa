import { OWNER_INDEX } from '../db/owner-index';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { ownerPartition } from '../db/owner-index';
import type { Certificate } from './certificate';

/**
 * A producer's own certificates, newest decision first (dashboard, the product page's "link a
 * certificate" list): one Query on GSI1 `PRODUCER#<id>`, `begins_with(GSI1SK, 'CERT#')`, the same
 * owner partition the products live in. A subject holds a handful of results, so one page of
 * `limit` is the whole list in practice.
 */
export async function producerCertificates(db: DynamoDBDocumentClient, tableName: string, producerId: string, options: { limit?: number } = {}): Promise<Certificate[]> {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: OWNER_INDEX,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :cert)',
      ExpressionAttributeValues: { ':pk': ownerPartition(producerId), ':cert': 'CERT#' },
      ScanIndexForward: false,
      Limit: options.limit ?? 100,
    }),
  );
  return (Items ?? []).map((it) => withoutKeys<Certificate>(it));
}

export interface ProducerCertificatesReader {
  list(producerId: string, options?: { limit?: number }): Promise<Certificate[]>;
}

export const producerCertificatesReader = (db: DynamoDBDocumentClient, tableName: string): ProducerCertificatesReader => ({
  list: (producerId, options) => producerCertificates(db, tableName, producerId, options),
});
