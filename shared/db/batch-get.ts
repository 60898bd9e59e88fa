import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Key = { PK: string; SK: string };

/** Named like the SDK's throttling errors so the error handler answers 503 + Retry-After, not 500. */
class BatchGetIncomplete extends Error {
  override readonly name = 'ThrottlingException';
}

const MAX_ROUNDS = 3;

/**
 * One BatchGetItem for a few keys of the table, strongly consistent (a logout or a password change
 * must count at once). Unprocessed keys are rare at this size and are retried a couple of times.
 */
export async function batchGet(db: DynamoDBDocumentClient, tableName: string, keys: Key[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = keys;
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) throw new BatchGetIncomplete('BatchGetItem left keys unprocessed');
    if (round > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** round));
    const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of out.Responses?.[tableName] ?? []) found.set(`${String(item.PK)}|${String(item.SK)}`, item);
    pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
}

export const keyId = (key: Key) => `${key.PK}|${key.SK}`;
