import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { Conflict, NotFound } from '../http/errors';
import type { Account } from './account';
import { accountKey, emailKey } from './keys';
import { putIfAbsent } from '../db/put-if-absent';

export interface AccountStore {
  getAccount(id: string): Promise<Account | undefined>;
  /** Two GetItems: the email's uniqueness item, then the account. */
  getAccountByEmail(normalisedEmail: string): Promise<Account | undefined>;
  /** 409 `EMAIL_TAKEN` when the email already has an account. */
  createAccount(account: Account): Promise<void>;
  /** New hash and sessionVersion + 1 (ends every session), only if the version is still `expectedVersion`. */
  changePassword(id: string, passwordHash: string, expectedVersion: number, now: Date): Promise<Account>;
  /** Disables and ends every session. 404 for an unknown id. */
  disableAccount(id: string, now: Date): Promise<Account>;
  /** Onboarding binds a producer account to its one storefront, once. */
  setProducerId(id: string, producerId: string, now: Date): Promise<Account>;
}

export function accountFromItem(item: Record<string, unknown>): Account {
  return withoutKeys<Account>(item);
}

export class DynamoAccountStore implements AccountStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getAccount(id: string): Promise<Account | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: accountKey(id) }));
    return Item ? accountFromItem(Item) : undefined;
  }

  async getAccountByEmail(normalisedEmail: string): Promise<Account | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: emailKey(normalisedEmail) }));
    return typeof Item?.accountId === 'string' ? this.getAccount(Item.accountId) : undefined;
  }

  async createAccount(account: Account): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.tableName, { ...accountKey(account.id), type: 'Account', ...account }),
            putIfAbsent(this.tableName, { ...emailKey(account.email), type: 'AccountEmail', accountId: account.id, createdAt: account.createdAt }),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const emailTaken = error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed';
        throw emailTaken
          ? new Conflict('Email này đã được dùng cho một tài khoản khác', 'EMAIL_TAKEN')
          : new Conflict('Không tạo được tài khoản, vui lòng thử lại', 'ACCOUNT_CONFLICT');
      }
      throw error;
    }
  }

  async changePassword(id: string, passwordHash: string, expectedVersion: number, now: Date): Promise<Account> {
    return this.update(
      id,
      {
        UpdateExpression: 'SET passwordHash = :hash, updatedAt = :now ADD sessionVersion :one',
        ConditionExpression: 'attribute_exists(PK) AND sessionVersion = :sv AND #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':hash': passwordHash, ':now': now.toISOString(), ':one': 1, ':sv': expectedVersion, ':active': 'active' },
      },
      () => new Conflict('Phiên đăng nhập đã thay đổi, vui lòng đăng nhập lại', 'SESSION_CHANGED'),
    );
  }

  async disableAccount(id: string, now: Date): Promise<Account> {
    return this.update(
      id,
      {
        UpdateExpression: 'SET #status = :disabled, updatedAt = :now ADD sessionVersion :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':disabled': 'disabled', ':now': now.toISOString(), ':one': 1 },
      },
      () => new NotFound(`Không có tài khoản ${id}`, 'ACCOUNT_NOT_FOUND'),
    );
  }

  async setProducerId(id: string, producerId: string, now: Date): Promise<Account> {
    return this.update(
      id,
      {
        UpdateExpression: 'SET producerId = :producerId, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND #role = :producer AND attribute_not_exists(producerId)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':producerId': producerId, ':now': now.toISOString(), ':producer': 'producer' },
      },
      () => new Conflict('Tài khoản không phải tài khoản cơ sở, hoặc đã gắn với một gian hàng', 'PRODUCER_ALREADY_BOUND'),
    );
  }

  private async update(
    id: string,
    expression: Pick<ConstructorParameters<typeof UpdateCommand>[0], 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
    onConditionFailed: () => Error,
  ): Promise<Account> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({ TableName: this.tableName, Key: accountKey(id), ReturnValues: 'ALL_NEW', ...expression }),
      );
      return accountFromItem(Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw onConditionFailed();
      throw error;
    }
  }
}
