import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { Conflict, Forbidden } from '../http/errors';
import { withoutKeys } from '../db/item-keys';
import { batchGet } from '../db/batch-get';
import { producerKey } from './keys';
import { producerItem } from './items';
import type { Producer } from './producer';

export interface ProducerStore {
  getProducer(id: string): Promise<Producer | undefined>;
  /** Several storefronts in one BatchGetItem (≤ 100 ids). */
  getProducers(ids: readonly string[]): Promise<Map<string, Producer>>;
  createProducer(producer: Producer): Promise<void>;
  /**
   * Replaces the profile, only if it is still `previous` (optimistic concurrency on updatedAt) and
   * only for the storefront the caller owns: the object-level check lives here too, so no route can
   * forget it. 403 NOT_STOREFRONT_OWNER, 409 PRODUCER_CONFLICT.
   */
  updateProducer(ownerProducerId: string, next: Producer, previous: Producer): Promise<void>;
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

  async getProducers(ids: readonly string[]): Promise<Map<string, Producer>> {
    const found = await batchGet(this.db, this.tableName, [...new Set(ids)].map(producerKey));
    const out = new Map<string, Producer>();
    for (const item of found.values()) {
      const producer = withoutKeys<Producer>(item);
      out.set(producer.id, producer);
    }
    return out;
  }

  async createProducer(producer: Producer): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: producerItem(producer),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new Conflict(`Producer ${producer.id} exists`, 'PRODUCER_EXISTS');
      throw error;
    }
  }

  async updateProducer(ownerProducerId: string, next: Producer, previous: Producer): Promise<void> {
    if (next.id !== ownerProducerId || previous.id !== ownerProducerId) throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: producerItem(next),
          ...(previous.updatedAt
            ? { ConditionExpression: 'updatedAt = :prev', ExpressionAttributeValues: { ':prev': previous.updatedAt } }
            : { ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(updatedAt)' }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new Conflict('Gian hàng vừa được sửa ở nơi khác, vui lòng tải lại', 'PRODUCER_CONFLICT');
      throw error;
    }
  }
}
