import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One cheap read of an item that never exists: proves the table answers. */
export interface TableProbe {
  probe(): Promise<void>;
}

export const HEALTH_PREFIX = 'HEALTH';

export const tableProbe = (db: DynamoDBDocumentClient, tableName: string): TableProbe => ({
  async probe() {
    await db.send(new GetCommand({ TableName: tableName, Key: { PK: HEALTH_PREFIX, SK: HEALTH_PREFIX } }));
  },
});
