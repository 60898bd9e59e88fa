import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { withoutKeys } from '../db/item-keys';
import type { Product } from '../catalog/product';
import type { Producer } from '../storefront/producer';
import type { IndexChange } from './service';

type Image = Record<string, AttributeValue>;

/**
 * What a table change means for the index. Only product items (`PRODUCT#<id>` / `PRODUCT`) and
 * producer profiles (`PRODUCER#<id>` / `PROFILE`) matter: a product item carries everything its listing
 * items do, plus description and tags. Everything else (listings, certificates, sessions) is ignored.
 */
export function changeOf(record: DynamoDBRecord): IndexChange | undefined {
  const keys = record.dynamodb?.Keys as Image | undefined;
  const pk = keys?.PK?.S;
  const sk = keys?.SK?.S;
  if (!pk || !sk) return undefined;
  const image = record.dynamodb?.NewImage as Image | undefined;
  if (sk === 'PRODUCT' && pk.startsWith('PRODUCT#')) {
    const id = pk.slice('PRODUCT#'.length);
    if (record.eventName === 'REMOVE' || !image) return { kind: 'remove-product', id };
    return { kind: 'product', product: withoutKeys<Product>(unmarshall(image)) };
  }
  if (sk === 'PROFILE' && pk.startsWith('PRODUCER#')) {
    const id = pk.slice('PRODUCER#'.length);
    if (record.eventName === 'REMOVE' || !image) return { kind: 'remove-producer', id };
    return { kind: 'producer', producer: withoutKeys<Producer>(unmarshall(image)) };
  }
  return undefined;
}

/** The newest change time in a batch (epoch seconds in the stream record), as ISO-8601. */
export function newestChangeAt(records: readonly DynamoDBRecord[]): string | undefined {
  let max = 0;
  for (const r of records) max = Math.max(max, r.dynamodb?.ApproximateCreationDateTime ?? 0);
  return max > 0 ? new Date(max * 1000).toISOString() : undefined;
}
