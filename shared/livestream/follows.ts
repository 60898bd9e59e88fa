import { BatchWriteCommand, DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Following a storefront's lives, and the in-app notice its followers get when a live starts. The
 * notice is an item per follower (`LIVENOTE#<accountId>`), so e-mail or push can later read the same
 * inbox; it is written after the start committed and never undoes it.
 */
export const LIVE_FOLLOW_PREFIX = 'LIVEFOLLOW#';
export const LIVE_NOTICE_PREFIX = 'LIVENOTE#';
const followKey = (producerId: string, accountId: string) => ({ PK: `${LIVE_FOLLOW_PREFIX}${producerId}`, SK: `ACCOUNT#${accountId}` });
const NOTICE_TTL_SECONDS = 30 * 24 * 3600;

export interface LiveNotice {
  livestreamId: string;
  producerId: string;
  message: string;
  createdAt: string;
}

export class DynamoLiveFollowStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async follow(producerId: string, accountId: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...followKey(producerId, accountId), type: 'LiveFollow', producerId, accountId, createdAt: at } }));
  }

  async unfollow(producerId: string, accountId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: followKey(producerId, accountId) }));
  }

  /** Every follower of a storefront: one Query per 1 MB page. */
  async followers(producerId: string): Promise<string[]> {
    const out: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `${LIVE_FOLLOW_PREFIX}${producerId}` },
          ProjectionExpression: 'accountId',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) out.push(String(item.accountId));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** One notice per follower, 25 per BatchWriteItem. */
  async notify(accountIds: readonly string[], notice: LiveNotice): Promise<void> {
    const ttl = Math.floor(Date.parse(notice.createdAt) / 1000) + NOTICE_TTL_SECONDS;
    for (let i = 0; i < accountIds.length; i += 25) {
      await this.db.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.tableName]: accountIds.slice(i, i + 25).map((accountId) => ({
              PutRequest: { Item: { PK: `${LIVE_NOTICE_PREFIX}${accountId}`, SK: `${notice.createdAt}#${notice.livestreamId}`, type: 'LiveNotice', ...notice, ttl } },
            })),
          },
        }),
      );
    }
  }

  async notices(accountId: string, limit = 20): Promise<LiveNotice[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `${LIVE_NOTICE_PREFIX}${accountId}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({ livestreamId: String(i.livestreamId), producerId: String(i.producerId), message: String(i.message), createdAt: String(i.createdAt) }));
  }
}
