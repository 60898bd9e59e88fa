import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { throttleKey, type ThrottleScope } from './keys';
import { lockMs, staleFloor, throttleTtl, type ThrottlePolicy, type ThrottleRecord } from './throttle-policy';

export interface ThrottleRef {
  scope: ThrottleScope;
  value: string;
}

export interface ThrottleStore {
  /** The counters for these refs, in order, from one BatchGetItem. */
  read(refs: ThrottleRef[]): Promise<(ThrottleRecord | undefined)[]>;
  /** Counts one failure atomically and sets the lock it earns. */
  recordFailure(ref: ThrottleRef, now: Date, policy: ThrottlePolicy): Promise<ThrottleRecord>;
  clear(ref: ThrottleRef): Promise<void>;
}

const MAX_RACES = 3;

function recordOf(item: Record<string, unknown> | undefined): ThrottleRecord | undefined {
  if (!item) return undefined;
  return {
    failures: Number(item.failures ?? 0),
    lastFailureAt: Number(item.lastFailureAt ?? 0),
    lockedUntil: item.lockedUntil === undefined ? undefined : Number(item.lockedUntil),
  };
}

export class DynamoThrottleStore implements ThrottleStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(refs: ThrottleRef[]): Promise<(ThrottleRecord | undefined)[]> {
    const keys = refs.map((r) => throttleKey(r.scope, r.value));
    const items = await batchGet(this.db, this.tableName, keys);
    return keys.map((k) => recordOf(items.get(keyId(k))));
  }

  async recordFailure(ref: ThrottleRef, now: Date, policy: ThrottlePolicy): Promise<ThrottleRecord> {
    const Key = throttleKey(ref.scope, ref.value);
    const common = { ':now': now.getTime(), ':floor': staleFloor(now, policy), ':ttl': throttleTtl(now, policy) };
    let record: ThrottleRecord | undefined;
    for (let race = 0; !record && race < MAX_RACES; race++) {
      record =
        (await this.conditional(() =>
          // Live counter: atomic increment, so concurrent failures are all counted.
          this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: 'ADD failures :one SET lastFailureAt = :now, #ttl = :ttl',
              ConditionExpression: 'lastFailureAt > :floor OR lockedUntil > :floor',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ...common, ':one': 1 },
              ReturnValues: 'ALL_NEW',
            }),
          ),
        )) ??
        // No counter, or a stale one (TTL deletes lazily): start over at 1. Losing this race to
        // another request that just did the same sends us back to the increment.
        (await this.conditional(() =>
          this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: 'SET failures = :one, lastFailureAt = :now, #ttl = :ttl, #type = :type REMOVE lockedUntil',
              ConditionExpression: 'attribute_not_exists(PK) OR (lastFailureAt <= :floor AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :floor))',
              ExpressionAttributeNames: { '#ttl': 'ttl', '#type': 'type' },
              ExpressionAttributeValues: { ...common, ':one': 1, ':type': 'LoginThrottle' },
              ReturnValues: 'ALL_NEW',
            }),
          ),
        ));
    }
    if (!record) throw Object.assign(new Error('Login throttle counter kept racing'), { name: 'ThrottlingException' });

    const lock = lockMs(record.failures, policy);
    if (lock > 0) {
      const until = now.getTime() + lock;
      // The longest lock wins when failures race; a shorter one must not shorten it.
      await this.conditional(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key,
            UpdateExpression: 'SET lockedUntil = :until',
            ConditionExpression: 'attribute_not_exists(lockedUntil) OR lockedUntil < :until',
            ExpressionAttributeValues: { ':until': until },
          }),
        ),
      );
      record = { ...record, lockedUntil: Math.max(until, record.lockedUntil ?? 0) };
    }
    return record;
  }

  async clear(ref: ThrottleRef): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: throttleKey(ref.scope, ref.value) }));
  }

  /** Runs a conditional update; undefined when its condition failed. */
  private async conditional(send: () => Promise<{ Attributes?: Record<string, unknown> }>): Promise<ThrottleRecord | undefined> {
    try {
      const out = await send();
      return recordOf(out.Attributes) ?? { failures: 0, lastFailureAt: 0 };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}
