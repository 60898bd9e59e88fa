import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MIN_LISTED_STARS } from '../catalog/gate';
import { decodeCursor, encodeCursor, type StartKey } from '../http/cursor';
import { InvalidInput } from '../http/errors';
import { provinceCertificatesPartition, type CertificateIndexEntry } from './certificate-index';

export interface ProvinceCertificatesQuery {
  provinceCode: string;
  limit: number;
  cursor?: string | undefined;
  /** Only active ≥3★ certificates that lapse within this many days of `now` (not yet lapsed). */
  expiringWithinDays?: number | undefined;
  now: Date;
}

export interface ProvinceCertificatesPage {
  items: CertificateIndexEntry[];
  nextCursor?: string | undefined;
}

const DAY_MS = 24 * 3600 * 1000;
/** With the "expiring soon" filter most items are skipped: read in larger pages, a bounded number of times. */
const FILTERED_PAGE_ITEMS = 200;
const MAX_FILTERED_CALLS = 4;

const fingerprintOf = (q: ProvinceCertificatesQuery) => `certs|${q.provinceCode}|${q.expiringWithinDays ?? ''}`;

function startKeyOf(q: ProvinceCertificatesQuery): StartKey | undefined {
  if (!q.cursor) return undefined;
  const key = decodeCursor(q.cursor, fingerprintOf(q));
  // A forged cursor naming another partition would reach DynamoDB as a ValidationException (500).
  if (key.PK !== provinceCertificatesPartition(q.provinceCode) || typeof key.SK !== 'string' || Object.keys(key).length !== 2) {
    throw new InvalidInput('Cursor does not belong to this query', 'INVALID_CURSOR');
  }
  return key;
}

function entryOf(item: Record<string, unknown>): CertificateIndexEntry {
  const { PK: _pk, SK: _sk, type: _type, ...entry } = item;
  return entry as unknown as CertificateIndexEntry;
}

/**
 * One page of a province's certificates, newest decision first: one Query on `CERTS#P#<province>`
 * (limit + 1 items, so "is there a next page" needs no second call). With the expiring filter the
 * Query filters on the server and may read up to MAX_FILTERED_CALLS pages; a page it could not fill
 * still carries a cursor, so the cost of one request stays bounded.
 */
export async function queryProvinceCertificates(db: DynamoDBDocumentClient, tableName: string, q: ProvinceCertificatesQuery): Promise<ProvinceCertificatesPage> {
  const filtered = q.expiringWithinDays !== undefined;
  const filter = filtered
    ? {
        FilterExpression: '#status = :active AND stars >= :minStars AND expiresAt > :now AND expiresAt <= :until',
        ExpressionAttributeNames: { '#status': 'status' },
      }
    : {};
  const values = {
    ':pk': provinceCertificatesPartition(q.provinceCode),
    ...(filtered
      ? {
          ':active': 'active',
          ':minStars': MIN_LISTED_STARS,
          ':now': q.now.toISOString(),
          ':until': new Date(q.now.getTime() + (q.expiringWithinDays ?? 0) * DAY_MS).toISOString(),
        }
      : {}),
  };
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = startKeyOf(q);
  for (let call = 0; call < (filtered ? MAX_FILTERED_CALLS : 1); call++) {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: filtered ? FILTERED_PAGE_ITEMS : q.limit + 1,
        ...filter,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (items.length > q.limit || !start) break;
  }
  const shown = items.slice(0, q.limit);
  const last = shown.at(-1);
  // More items read than shown: continue after the last one shown; otherwise where DynamoDB stopped.
  const next: StartKey | undefined =
    items.length > q.limit && last ? { PK: String(last.PK), SK: String(last.SK) } : (start as StartKey | undefined);
  return { items: shown.map(entryOf), ...(next ? { nextCursor: encodeCursor(fingerprintOf(q), next) } : {}) };
}
