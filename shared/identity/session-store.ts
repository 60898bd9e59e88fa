import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Account } from './account';
import { accountFromItem } from './account-store';
import { batchGet, keyId } from '../db/batch-get';
import { accountKey, revokedKey } from './keys';

export interface SessionState {
  account?: Account | undefined;
  revoked: boolean;
}

export interface SessionStore {
  /** The account and the token's revocation item in one BatchGetItem: one call per signed-in request. */
  load(accountId: string, jti: string): Promise<SessionState>;
  /** Marks one token as logged out until it would have expired anyway. */
  revoke(jti: string, expiresAtEpochSeconds: number, now: Date): Promise<void>;
}

export class DynamoSessionStore implements SessionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async load(accountId: string, jti: string): Promise<SessionState> {
    const accountK = accountKey(accountId);
    const revokedK = revokedKey(jti);
    const items = await batchGet(this.db, this.tableName, [accountK, revokedK]);
    const item = items.get(keyId(accountK));
    return { account: item ? accountFromItem(item) : undefined, revoked: items.has(keyId(revokedK)) };
  }

  async revoke(jti: string, expiresAtEpochSeconds: number, now: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...revokedKey(jti), type: 'RevokedSession', revokedAt: now.toISOString(), ttl: expiresAtEpochSeconds },
      }),
    );
  }
}
