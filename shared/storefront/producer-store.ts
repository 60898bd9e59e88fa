import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { Conflict } from '../http/errors';
import { withoutKeys } from '../catalog/items';
import { ownerPartition, producerKey } from '../catalog/keys';
import type { Producer } from './producer';

export interface ProducerStore {
  getProducer(id: string): Promise<Producer | undefined>;
  createProducer(producer: Producer): Promise<void>;
}

export class DynamoProducerStore implements ProducerStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getProducer(id: string): Promise<Producer | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: producerKey(id) }));
    return Item ? withoutKeys<Producer>(Item) : undefined;
  }

  async createProducer(producer: Producer): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...producerKey(producer.id), GSI1PK: ownerPartition(producer.id), GSI1SK: '#PROFILE', type: 'Producer', ...producer },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new Conflict(`Producer ${producer.id} exists`, 'PRODUCER_EXISTS');
      throw error;
    }
  }
}
