import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UploadRecord } from './upload-record';

export const uploadKey = (id: string) => ({ PK: `UPLOAD#${id}`, SK: 'UPLOAD' });

/** Raw records expire: a day is plenty to poll, and the image itself lives on in the product. */
const TTL_SECONDS = 24 * 60 * 60;

export interface UploadStore {
  get(id: string): Promise<UploadRecord | undefined>;
  /** Whole-item writes only, so the processor needs PutItem and GetItem and nothing else. */
  put(record: UploadRecord): Promise<void>;
}

export class DynamoUploadStore implements UploadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<UploadRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: uploadKey(id) }));
    if (!Item) return undefined;
    const { PK: _pk, SK: _sk, ttl: _ttl, ...record } = Item;
    return record as UploadRecord;
  }

  async put(record: UploadRecord): Promise<void> {
    const ttl = Math.floor(Date.parse(record.updatedAt) / 1000) + TTL_SECONDS;
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...uploadKey(record.id), ...record, ttl } }));
  }
}
