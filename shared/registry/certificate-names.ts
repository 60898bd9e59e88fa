import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productKey } from '../catalog/keys';
import { producerKey } from '../storefront/keys';
import { batchGet, keyId } from '../db/batch-get';

export interface CertificateNames {
  producers: Map<string, string>;
  products: Map<string, string>;
}

/** BatchGetItem takes at most 100 keys: a console page of ≤ 50 rows needs one call. */
const MAX_KEYS = 100;

/**
 * Current names of the producers and products on a list page, in ONE BatchGetItem. Read at request
 * time rather than copied into the index item, because an owner can rename a storefront or a
 * product and the officer's list must not show a stale name.
 */
export async function namesOf(
  db: DynamoDBDocumentClient,
  tableName: string,
  refs: { subjectId: string; productId?: string | undefined }[],
): Promise<CertificateNames> {
  const producerIds = [...new Set(refs.map((r) => r.subjectId))];
  const productIds = [...new Set(refs.flatMap((r) => (r.productId ? [r.productId] : [])))];
  const keys = [...producerIds.map(producerKey), ...productIds.map(productKey)].slice(0, MAX_KEYS);
  const found = keys.length > 0 ? await batchGet(db, tableName, keys) : new Map<string, Record<string, unknown>>();
  const nameAt = (key: { PK: string; SK: string }) => {
    const name = found.get(keyId(key))?.name;
    return typeof name === 'string' ? name : undefined;
  };
  const pick = (ids: string[], keyOf: (id: string) => { PK: string; SK: string }) =>
    new Map(ids.flatMap((id) => {
      const name = nameAt(keyOf(id));
      return name ? [[id, name] as const] : [];
    }));
  return { producers: pick(producerIds, producerKey), products: pick(productIds, productKey) };
}
