import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../time/clock';
import { expiryPartition, type ExpiryBucketItem } from './expiry-bucket';
import { dueNotice, NOTICE_DAYS, noticeMessages } from './expiry-notice';
import { expiryNoticeItem } from './notifications';

export interface ExpiryJobDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
}

export interface ExpiryJobReport {
  partitions: string[];
  examined: number;
  noticesWritten: number;
  noticesAlreadySent: number;
  markedExpired: number;
}

const DAY_MS = 24 * 3600 * 1000;
const HORIZON_MS = Math.max(...NOTICE_DAYS) * DAY_MS;

/** `yyyy-mm` months from `lookbackMonths` before now to the month the 90-day horizon reaches. */
export function bucketMonths(now: Date, lookbackMonths = 1): string[] {
  // Buckets are by expiresOn, a Vietnam calendar date: shift to UTC+7 before taking the month.
  const vn = (t: number) => new Date(t + 7 * 3600 * 1000);
  const start = vn(now.getTime());
  const end = vn(now.getTime() + HORIZON_MS);
  const months: string[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() - lookbackMonths;
  while (m < 0) {
    m += 12;
    y--;
  }
  while (y < end.getUTCFullYear() || (y === end.getUTCFullYear() && m <= end.getUTCMonth())) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return months;
}

/**
 * Daily: writes the due expiry notice for every watched certificate and marks lapsed ones. Reads a
 * handful of EXPIRY#<month> partitions (no Scan). Listing is never waiting for this: the gate
 * checks expiry at request time; this job only tells people.
 */
export async function runExpiryJob(deps: ExpiryJobDeps, options: { lookbackMonths?: number } = {}): Promise<ExpiryJobReport> {
  const now = deps.clock.now();
  const bound = new Date(now.getTime() + HORIZON_MS).toISOString();
  const partitions = bucketMonths(now, options.lookbackMonths ?? 1).map((m) => expiryPartition(`${m}-01`));
  const report: ExpiryJobReport = { partitions, examined: 0, noticesWritten: 0, noticesAlreadySent: 0, markedExpired: 0 };
  for (const pk of partitions) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'PK = :pk AND SK <= :bound',
          ExpressionAttributeValues: { ':pk': pk, ':bound': `${bound}~` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of (page.Items ?? []) as ExpiryBucketItem[]) {
        report.examined++;
        await handle(deps, item, now, report);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return report;
}

async function handle(deps: ExpiryJobDeps, item: ExpiryBucketItem, now: Date, report: ExpiryJobReport): Promise<void> {
  const kind = dueNotice(item.expiresAt, now);
  if (!kind) return;
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: expiryNoticeItem({
          producerId: item.subjectId,
          certificateNo: item.certificateNo,
          expiresOn: item.expiresOn,
          kind,
          message: noticeMessages[kind](item.certificateNo, item.expiresOn),
          createdAt: now.toISOString(),
        }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    report.noticesWritten++;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    report.noticesAlreadySent++;
  }
  if (kind === 'expired' && !item.expiredMarkedAt) {
    try {
      await deps.db.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: 'SET expiredMarkedAt = :now',
          // A renewal may have moved the item away meanwhile: never resurrect it.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(expiredMarkedAt)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
      report.markedExpired++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
