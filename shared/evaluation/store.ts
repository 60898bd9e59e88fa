import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, keyId } from '../db/batch-get';
import { ownerIndex } from '../db/owner-index';
import { withoutKeys } from '../db/item-keys';
import { Conflict } from '../http/errors';
import type { Dossier } from './dossier';
import {
  councilPartition,
  dossierKey,
  dossierPartition,
  dossierVersionKey,
  memberKey,
  producerDossierKey,
  roundProductKey,
  provinceRoundsPartition,
  roundDossiersPartition,
  roundKey,
  roundLogKey,
  roundPartition,
  scoreKey,
  sheetKey,
  SHEETS_PARTITION,
} from './keys';
import type { CouncilMember, Round, RoundState } from './round';
import type { ScoreSheet } from './score-sheet';

export interface RoundLogEntry {
  action: string;
  from?: RoundState;
  to?: RoundState;
  by: string;
  byName: string;
  at: string;
  detail?: Record<string, unknown>;
}

export interface DossierVersionEntry {
  version: number;
  action: string;
  by: string;
  byName: string;
  at: string;
  /** The whole dossier after the change: every version can be shown as it was. */
  snapshot: Dossier;
}

export interface CouncilScore {
  dossierId: string;
  accountId: string;
  displayName: string;
  choices: Record<string, string>;
  submittedAt: string;
}

const strip = <T>(item: Record<string, unknown>) => {
  const { type: _t, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as T;
};

/** The SDK's error for "a condition failed", and for which item. */
function cancelled(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/** Every read and write of the evaluation; one DynamoDB call each unless it says otherwise. */
export class DynamoEvaluationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // --- score sheets ----------------------------------------------------------------------------
  async listSheets(): Promise<ScoreSheet[]> {
    const out = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': SHEETS_PARTITION } }));
    return (out.Items ?? []).map((i) => i.sheet as ScoreSheet);
  }

  async getSheet(id: string): Promise<ScoreSheet | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: sheetKey(id) }));
    return Item ? (Item.sheet as ScoreSheet) : undefined;
  }

  /** A sheet version is never overwritten: a new decision is a new id (409 SHEET_EXISTS). */
  async putSheet(sheet: ScoreSheet, by: string, at: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: { ...sheetKey(sheet.id), type: 'ScoreSheet', sheet, loadedBy: by, loadedAt: at }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new Conflict(`Phiếu ${sheet.id} đã có`, 'SHEET_EXISTS');
      throw error;
    }
  }

  // --- rounds ----------------------------------------------------------------------------------
  private roundItem(r: Round) {
    return { ...roundKey(r.id), type: 'EvaluationRound', ...r, GSI1PK: provinceRoundsPartition(r.provinceCode), GSI1SK: `${r.createdAt}#${r.id}` };
  }

  private logItem(roundId: string, e: RoundLogEntry) {
    return { ...roundLogKey(roundId, e.at, Math.random().toString(36).slice(2, 8)), type: 'EvaluationRoundLog', ...e };
  }

  async createRound(round: Round, log: RoundLogEntry): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: this.roundItem(round), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: this.tableName, Item: this.logItem(round.id, log) } },
        ],
      }),
    );
  }

  async getRound(id: string): Promise<Round | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: roundKey(id), ConsistentRead: true }));
    return Item ? strip<Round>(Item) : undefined;
  }

  /** The round moved on only if nobody moved it since it was read (409 ROUND_CONFLICT otherwise). */
  async updateRound(next: Round, expectedVersion: number, log: RoundLogEntry): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.roundItem(next), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } },
            { Put: { TableName: this.tableName, Item: this.logItem(next.id, log) } },
          ],
        }),
      );
    } catch (error) {
      if (cancelled(error)?.[0] === 'ConditionalCheckFailed') throw new Conflict('Đợt đánh giá vừa được thay đổi, vui lòng tải lại', 'ROUND_CONFLICT');
      throw error;
    }
  }

  async provinceRounds(provinceCode: string, limit = 50): Promise<Round[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: ownerIndex.indexName,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': provinceRoundsPartition(provinceCode) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => strip<Round>(i));
  }

  async roundLog(roundId: string): Promise<RoundLogEntry[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :log)', ExpressionAttributeValues: { ':pk': roundPartition(roundId), ':log': 'LOG#' } }),
    );
    return (out.Items ?? []).map((i) => strip<RoundLogEntry>(i));
  }

  // --- council ---------------------------------------------------------------------------------
  async addMember(roundId: string, member: CouncilMember, log: RoundLogEntry): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...memberKey(roundId, member.accountId), type: 'CouncilMember', roundId, ...member, GSI1PK: councilPartition(member.accountId), GSI1SK: roundId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: this.logItem(roundId, log) } },
          ],
        }),
      );
    } catch (error) {
      if (cancelled(error)?.[0] === 'ConditionalCheckFailed') throw new Conflict('Tài khoản đã là thành viên hội đồng của đợt này', 'ALREADY_COUNCIL_MEMBER');
      throw error;
    }
  }

  async getMember(roundId: string, accountId: string): Promise<CouncilMember | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: memberKey(roundId, accountId), ConsistentRead: true }));
    return Item ? strip<CouncilMember & { roundId: string }>(Item) : undefined;
  }

  async members(roundId: string): Promise<CouncilMember[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)', ExpressionAttributeValues: { ':pk': roundPartition(roundId), ':m': 'MEMBER#' }, ConsistentRead: true }),
    );
    return (out.Items ?? []).map((i) => strip<CouncilMember>(i));
  }

  /** The round ids an account sits on the council of (owner index). */
  async councilRounds(accountId: string): Promise<string[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, IndexName: ownerIndex.indexName, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': councilPartition(accountId) } }),
    );
    return (out.Items ?? []).map((i) => String(i.roundId));
  }

  // --- dossiers --------------------------------------------------------------------------------
  private dossierItem(d: Dossier) {
    return { ...dossierKey(d.id), type: 'Dossier', ...d, GSI1PK: roundDossiersPartition(d.roundId), GSI1SK: `${d.createdAt}#${d.id}` };
  }

  private versionItem(e: DossierVersionEntry) {
    return { ...dossierVersionKey(e.snapshot.id, e.version), type: 'DossierVersion', ...e };
  }

  /** The dossier, its first version, the producer's pointer and the round's claim on the product, in one transaction. */
  async createDossier(d: Dossier, entry: DossierVersionEntry): Promise<void> {
    const TableName = this.tableName;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: this.dossierItem(d), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName, Item: this.versionItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName, Item: { ...producerDossierKey(d.producerId, d.id), type: 'ProducerDossier', dossierId: d.id, roundId: d.roundId, createdAt: d.createdAt } } },
          // One dossier per product per round: the claim is part of the same transaction.
          { Put: { TableName, Item: { ...roundProductKey(d.roundId, d.productId), type: 'RoundProduct', dossierId: d.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    ).catch((error: unknown) => {
      if (cancelled(error)?.[3] === 'ConditionalCheckFailed') throw new Conflict('Sản phẩm này đã có hồ sơ trong đợt đánh giá', 'DOSSIER_EXISTS', { productId: d.productId });
      throw error;
    });
  }

  /** Replaces the dossier if still at `expectedVersion` and writes the new version (409 DOSSIER_CONFLICT). */
  async saveDossier(next: Dossier, expectedVersion: number, entry: DossierVersionEntry): Promise<void> {
    const TableName = this.tableName;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: this.dossierItem(next), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } },
            { Put: { TableName, Item: this.versionItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (error) {
      if (cancelled(error)?.some((c) => c === 'ConditionalCheckFailed')) throw new Conflict('Hồ sơ vừa được thay đổi, vui lòng tải lại', 'DOSSIER_CONFLICT');
      throw error;
    }
  }

  async getDossier(id: string): Promise<Dossier | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: dossierKey(id), ConsistentRead: true }));
    return Item ? strip<Dossier>(Item) : undefined;
  }

  async roundDossiers(roundId: string, limit = 200): Promise<Dossier[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, IndexName: ownerIndex.indexName, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': roundDossiersPartition(roundId) }, Limit: limit }),
    );
    return (out.Items ?? []).map((i) => strip<Dossier>(i));
  }

  /** One Query of the producer's pointers and one BatchGetItem of the dossiers (≤ 100). */
  async producerDossiers(producerId: string): Promise<Dossier[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': producerDossierKey(producerId, '').PK }, ScanIndexForward: false, Limit: 100 }),
    );
    const keys = (out.Items ?? []).map((i) => dossierKey(String(i.dossierId)));
    if (keys.length === 0) return [];
    const found = await batchGet(this.db, this.tableName, keys);
    return keys.flatMap((k) => {
      const item = found.get(keyId(k));
      return item ? [strip<Dossier>(item)] : [];
    });
  }

  /** The audit trail (every version, whole snapshots read: a dossier has a handful of versions). */
  async versions(dossierId: string): Promise<(Omit<DossierVersionEntry, 'snapshot'> & { state: string })[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
        ExpressionAttributeValues: { ':pk': dossierPartition(dossierId), ':v': 'VERSION#' },
      }),
    );
    return (out.Items ?? []).map((i) => ({ version: Number(i.version), action: String(i.action), by: String(i.by), byName: String(i.byName), at: String(i.at), state: String((i.snapshot as { state?: string } | undefined)?.state) }));
  }

  // --- council scores --------------------------------------------------------------------------
  /**
   * One member's sheet, once: the Put is conditional on no sheet of theirs yet, and checks in the same
   * transaction that the dossier awaits scores and the round is in scoring (a decision or a round
   * moving on cannot slip in between). Answers which condition failed.
   */
  async putScore(score: CouncilScore, roundId: string): Promise<'ok' | 'exists' | 'dossier-moved' | 'round-moved'> {
    const TableName = this.tableName;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...scoreKey(score.dossierId, score.accountId), type: 'CouncilScore', ...score }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { ConditionCheck: { TableName, Key: dossierKey(score.dossierId), ConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':s': 'preassessed' } } },
            { ConditionCheck: { TableName, Key: roundKey(roundId), ConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':s': 'scoring' } } },
          ],
        }),
      );
      return 'ok';
    } catch (error) {
      const reasons = cancelled(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return 'exists';
      if (reasons[1] === 'ConditionalCheckFailed') return 'dossier-moved';
      if (reasons[2] === 'ConditionalCheckFailed') return 'round-moved';
      throw error;
    }
  }

  async getScore(dossierId: string, accountId: string): Promise<CouncilScore | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: scoreKey(dossierId, accountId), ConsistentRead: true }));
    return Item ? strip<CouncilScore>(Item) : undefined;
  }

  async scores(dossierId: string): Promise<CouncilScore[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ExpressionAttributeValues: { ':pk': dossierPartition(dossierId), ':s': 'SCORE#' }, ConsistentRead: true }),
    );
    return (out.Items ?? []).map((i) => strip<CouncilScore>(i));
  }
}
