import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind } from './expiry-notice';
import { notifyPartition } from './notifications';

export interface ProducerNotification {
  /** The item's sort key: stable, unique in the inbox. */
  id: string;
  topic: string;
  certificateNo?: string | undefined;
  expiresOn?: string | undefined;
  kind?: NoticeKind | undefined;
  message: string;
  createdAt: string;
}

/** Bounded cost whatever happens to the partition: 1 MB a page, ~150 bytes a notice. */
const MAX_PAGES = 2;

/**
 * A producer's inbox, newest first: one Query on `NOTIFY#<producerId>`. The sort key is
 * `CERT#<no>#<expiresOn>#<kind>` — deterministic so the expiry job's conditional put is idempotent —
 * so DynamoDB cannot order by time; the partition is read whole (one page: a certificate gets at
 * most four notices per three-year validity) and sorted here by `createdAt`.
 */
export async function latestNotifications(
  db: DynamoDBDocumentClient,
  tableName: string,
  producerId: string,
  options: { limit?: number } = {},
): Promise<{ items: ProducerNotification[]; total: number }> {
  const all: ProducerNotification[] = [];
  let start: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': notifyPartition(producerId) },
        ProjectionExpression: 'SK, topic, certificateNo, expiresOn, kind, message, createdAt',
        ExclusiveStartKey: start,
      }),
    );
    pages++;
    for (const it of page.Items ?? []) {
      all.push({
        id: String(it.SK),
        topic: String(it.topic ?? ''),
        certificateNo: it.certificateNo as string | undefined,
        expiresOn: it.expiresOn as string | undefined,
        kind: it.kind as NoticeKind | undefined,
        message: String(it.message ?? ''),
        createdAt: String(it.createdAt ?? ''),
      });
    }
    start = page.LastEvaluatedKey;
  } while (start && pages < MAX_PAGES);
  // ISO-8601 UTC strings sort as times; the key breaks ties so the order is stable.
  all.sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
  return { items: all.slice(0, options.limit ?? 20), total: all.length };
}

export interface NotificationInbox {
  latest(producerId: string, options?: { limit?: number }): ReturnType<typeof latestNotifications>;
}

export const notificationInbox = (db: DynamoDBDocumentClient, tableName: string): NotificationInbox => ({
  latest: (producerId, options) => latestNotifications(db, tableName, producerId, options),
});
