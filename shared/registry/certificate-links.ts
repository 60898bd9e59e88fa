import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { productKey } from '../catalog/keys';
import { certificateKey } from './keys';
import type { Product } from '../catalog/product';
import { batchGet, keyId } from '../db/batch-get';

/**
 * "Product X carries certificate N", kept under the certificate's own partition (`CERT#<no>`,
 * `LINK#<productId>`) and written in the link's transaction. A revocation must see a link made a
 * moment before it, and the owner index (GSI1) is only eventually consistent; a Query on the base
 * table with ConsistentRead is not. An item may outlive its link (the product moved on to another
 * certificate): readers check the product's snapshot, so a stale item costs a read, never a wrong change.
 */
export const certificateLinkKey = (certificateNo: string, productId: string) => ({ PK: certificateKey(certificateNo).PK, SK: `LINK#${productId}` });

export function certificateLinkItem(certificateNo: string, productId: string, subjectId: string, at: string) {
  return { ...certificateLinkKey(certificateNo, productId), type: 'CertificateLink', certificateNo, productId, subjectId, linkedAt: at };
}

/** The ids of the products ever linked to this certificate: one consistent Query (a page holds ~20,000 links). */
export async function linkedProductIds(db: DynamoDBDocumentClient, tableName: string, certificateNo: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :link)',
        ExpressionAttributeValues: { ':pk': certificateKey(certificateNo).PK, ':link': 'LINK#' },
        ProjectionExpression: 'productId',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (typeof item.productId === 'string') ids.push(item.productId);
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}

/** BatchGetItem takes 100 keys at a time. */
const BATCH = 100;

/** The current version of each product (strongly consistent: the registry writes on top of it). */
export async function productsById(db: DynamoDBDocumentClient, tableName: string, ids: Iterable<string>): Promise<Product[]> {
  const keys = [...new Set(ids)].map(productKey);
  const out: Product[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const chunk = keys.slice(i, i + BATCH);
    const found = await batchGet(db, tableName, chunk);
    for (const key of chunk) {
      const item = found.get(keyId(key));
      if (item) out.push(withoutKeys<Product>(item));
    }
  }
  return out;
}
