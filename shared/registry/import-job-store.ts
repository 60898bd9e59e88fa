import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PlannedRow, RowOutcome, RowReport } from './csv-import';
import { putIfAbsent } from '../db/put-if-absent';

/** The job's summary item: what the console page shows while the rows run. */
export interface ImportJob {
  id: string;
  ownerAccountId: string;
  dryRun: boolean;
  fileName?: string | undefined;
  totalRows: number;
  chunkCount: number;
  rowsPerChunk: number;
  /** Rows done, in file order; the next slice starts at this one, wherever it falls in a chunk. */
  doneRows: number;
  counts: Record<RowOutcome, number>;
  status: 'running' | 'done';
  createdAt: string;
  updatedAt: string;
}

const pk = (id: string) => `IMPORT#${id}`;
const chunkSk = (kind: 'ROWS' | 'REPORT', n: number) => `${kind}#${String(n).padStart(5, '0')}`;
/** Kept a month for the officer to come back to the report; then DynamoDB's TTL removes it all. */
const TTL_SECONDS = 30 * 24 * 3600;

/** Items under `IMPORT#<id>` (docs/data-model.md): `JOB`, `ROWS#<chunk>`, `REPORT#<first row of the slice>`. */
export class DynamoImportJobStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The summary and every chunk of rows in ONE transaction: a job exists whole or not at all. */
  async create(job: ImportJob, chunks: PlannedRow[][]): Promise<void> {
    const ttl = Math.floor(Date.parse(job.createdAt) / 1000) + TTL_SECONDS;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          putIfAbsent(this.tableName, { PK: pk(job.id), SK: 'JOB', ...job, ttl }),
          ...chunks.map((rows, n) => ({ Put: { TableName: this.tableName, Item: { PK: pk(job.id), SK: chunkSk('ROWS', n), rows, ttl } } })),
        ],
      }),
    );
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: pk(id), SK: 'JOB' }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { PK: _pk, SK: _sk, ttl: _ttl, ...job } = Item;
    return job as ImportJob;
  }

  async rowsOf(id: string, n: number): Promise<PlannedRow[]> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: pk(id), SK: chunkSk('ROWS', n) }, ConsistentRead: true }));
    return (Item?.rows as PlannedRow[] | undefined) ?? [];
  }

  /**
   * A slice's report and the summary's progress in one transaction, on condition that nobody
   * committed these rows first (two tabs refreshing at once): the loser's result is dropped, and
   * the rows it touched were conditional writes anyway. Returns false when it lost.
   */
  async commitSlice(job: ImportJob, report: RowReport[], now: string): Promise<boolean> {
    const counts = { ...job.counts };
    for (const r of report) counts[r.outcome]++;
    const doneRows = job.doneRows + report.length;
    const ttl = Math.floor(Date.parse(job.createdAt) / 1000) + TTL_SECONDS;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.tableName, { PK: pk(job.id), SK: chunkSk('REPORT', job.doneRows), rows: report, ttl }),
            {
              Update: {
                TableName: this.tableName,
                Key: { PK: pk(job.id), SK: 'JOB' },
                UpdateExpression: 'SET doneRows = :next, counts = :counts, #status = :status, updatedAt = :now',
                ConditionExpression: 'doneRows = :read',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':next': doneRows, ':read': job.doneRows, ':counts': counts, ':status': doneRows >= job.totalRows ? 'done' : 'running', ':now': now },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
      throw error;
    }
  }

  /** The per-row report so far, in file order: one Query (5,000 rows of report fit in about one 1 MB page). */
  async report(id: string): Promise<RowReport[]> {
    const rows: RowReport[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :report)',
          ExpressionAttributeValues: { ':pk': pk(id), ':report': 'REPORT#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) rows.push(...(item.rows as RowReport[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
