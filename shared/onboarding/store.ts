import { OWNER_INDEX } from '../db/owner-index';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { Conflict } from '../http/errors';
import { accountKey } from '../identity/keys';
import { producerItem } from '../storefront/items';
import type { Producer } from '../storefront/producer';
import type { Application, ApplicationAudit, ApplicationStatus } from './application';
import { applicantLockKey, applicationKey, applicationQueuePartition, applicationQueueSortKey, auditKey } from './keys';
import { putIfAbsent } from '../db/put-if-absent';

const AUDIT_FIELDS = ['applicationId', 'decision', 'by', 'at', 'reason'] as const;

function applicationItem(app: Application) {
  return {
    ...applicationKey(app.id),
    GSI1PK: applicationQueuePartition(app.provinceCode),
    GSI1SK: applicationQueueSortKey(app.status, app.createdAt, app.id),
    type: 'StorefrontApplication',
    ...app,
  };
}

function auditPut(tableName: string, audit: ApplicationAudit) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...auditKey(audit.applicationId, audit.at, audit.decision), type: 'ApplicationAudit', ...audit },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Which transaction items failed their condition (several may, e.g. a replayed approval). */
function failedIndexes(error: TransactionCanceledException): number[] {
  return (error.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

export class ApplicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: applicationKey(id), ConsistentRead: true }));
    return Item ? withoutKeys<Application>(Item) : undefined;
  }

  /** Application, the applicant's lock and the audit line together: a second open application fails. */
  async submit(app: Application): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.tableName, { ...applicantLockKey(app.accountId), type: 'ApplicantLock', applicationId: app.id, createdAt: app.createdAt }),
            putIfAbsent(this.tableName, applicationItem(app)),
            auditPut(this.tableName, { applicationId: app.id, decision: 'submitted', by: app.accountId, at: app.createdAt }),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && failedIndexes(error)[0] === 0) {
        throw new Conflict('Tài khoản này đã có một hồ sơ đang chờ duyệt hoặc đã được duyệt', 'APPLICATION_EXISTS');
      }
      if (error instanceof TransactionCanceledException) throw new Conflict('Không gửi được hồ sơ, vui lòng thử lại', 'APPLICATION_CONFLICT');
      throw error;
    }
  }

  /** One Query on the province's queue partition; bounded by `limit`. */
  async listByProvince(provinceCode: string, status: ApplicationStatus, limit: number): Promise<Application[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: OWNER_INDEX,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :status)',
        ExpressionAttributeValues: { ':pk': applicationQueuePartition(provinceCode), ':status': `${status.toUpperCase()}#` },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((it) => withoutKeys<Application>(it));
  }

  async audit(applicationId: string): Promise<ApplicationAudit[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
        ExpressionAttributeValues: { ':pk': applicationKey(applicationId).PK, ':audit': 'AUDIT#' },
      }),
    );
    return (Items ?? []).map((it) => Object.fromEntries(AUDIT_FIELDS.filter((k) => it[k] !== undefined).map((k) => [k, it[k]])) as unknown as ApplicationAudit);
  }

  /**
   * One TransactWrite: the producer item, the account binding (once), the application decided and
   * the audit line. Any failed condition cancels all four, so no storefront exists without its owner.
   */
  async approve(app: Application, producer: Producer, audit: ApplicationAudit): Promise<void> {
    const decided: Application = { ...app, status: 'approved', updatedAt: audit.at, decidedBy: audit.by, producerId: producer.id, ...(audit.reason ? { decisionReason: audit.reason } : {}) };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.tableName, producerItem(producer)),
            {
              Update: {
                TableName: this.tableName,
                Key: accountKey(app.accountId),
                UpdateExpression: 'SET producerId = :producerId, updatedAt = :now',
                ConditionExpression: 'attribute_exists(PK) AND #role = :producer AND attribute_not_exists(producerId)',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':producerId': producer.id, ':now': audit.at, ':producer': 'producer' },
              },
            },
            this.decide(app, decided),
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw this.decisionConflict(failedIndexes(error), { producer: 0, account: 1, application: 2 });
      throw error;
    }
  }

  /** The lock goes too, so the applicant may correct and apply again. */
  async reject(app: Application, audit: ApplicationAudit): Promise<void> {
    const decided: Application = { ...app, status: 'rejected', updatedAt: audit.at, decidedBy: audit.by, decisionReason: audit.reason };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.decide(app, decided),
            { Delete: { TableName: this.tableName, Key: applicantLockKey(app.accountId) } },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw this.decisionConflict(failedIndexes(error), { application: 0 });
      throw error;
    }
  }

  private decide(app: Application, decided: Application) {
    return {
      Put: {
        TableName: this.tableName,
        Item: applicationItem(decided),
        ConditionExpression: '#status = :pending AND updatedAt = :prev',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':prev': app.updatedAt },
      },
    };
  }

  /** The application's own state explains a replay best, so it wins over the other failed items. */
  private decisionConflict(failed: number[], at: { producer?: number; account?: number; application: number }): Conflict {
    const index = failed.includes(at.application) ? at.application : failed[0];
    if (index === at.application) return new Conflict('Hồ sơ đã được xử lý', 'APPLICATION_ALREADY_DECIDED');
    if (index === at.account) return new Conflict('Tài khoản đã gắn với một gian hàng hoặc không còn là tài khoản cơ sở', 'PRODUCER_ALREADY_BOUND');
    if (index === at.producer) return new Conflict('Mã gian hàng đã tồn tại, vui lòng thử lại', 'PRODUCER_EXISTS');
    return new Conflict('Không xử lý được hồ sơ, vui lòng thử lại', 'APPLICATION_CONFLICT');
  }
}
