import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { Conflict } from '../http/errors';
import { cellsOf, type CellPrecision } from './geo-cells';
import {
  cellPartition,
  copySortKey,
  pointKey,
  producerLinkPartition,
  productLinkPartition,
  PROVINCE_INDEX,
  provincePartition,
  provinceSortKey,
} from './keys';
import type { PointOfSale } from './point-of-sale';

/** Where copies of a point live: its cells and its product/storefront links. */
function copyPartitions(p: PointOfSale): string[] {
  return [
    ...cellsOf(p.lat, p.lng).map((c) => cellPartition(c.precision, c.cell)),
    ...p.productIds.map(productLinkPartition),
    ...p.producerIds.map(producerLinkPartition),
  ];
}

/** `type` is a storage attribute of every item (withoutKeys strips it): the point's type is stored as `pointType`. */
const stored = ({ type, ...rest }: PointOfSale) => ({ ...rest, pointType: type });
const fromItem = (item: Record<string, unknown>): PointOfSale => {
  const { pointType, kind: _kind, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return { ...rest, type: pointType } as PointOfSale;
};
const pointItem = (p: PointOfSale) => ({ ...pointKey(p.id), GSI1PK: provincePartition(p.provinceCode), GSI1SK: provinceSortKey(p.name, p.id), kind: 'pos', ...stored(p) });
const copyItem = (PK: string, p: PointOfSale) => ({ PK, SK: copySortKey(p.id), kind: 'pos-copy', ...stored(p) });

/** Every item a point is stored as (bulk loads in tests and benches write exactly these). */
export const pointItems = (p: PointOfSale) => [pointItem(p), ...copyPartitions(p).map((PK) => copyItem(PK, p))];

/** The writes that replace `before` (same version) by `after`: the point, its moved copies. Other transactions (a declaration's decision) add these to theirs. */
export function pointTransactItems(tableName: string, before: PointOfSale, after: PointOfSale) {
  const next = new Set(copyPartitions(after));
  return [
    {
      Put: {
        TableName: tableName,
        Item: pointItem(after),
        ConditionExpression: 'attribute_exists(PK) AND version = :v',
        ExpressionAttributeValues: { ':v': before.version },
      },
    },
    ...copyPartitions(before)
      .filter((PK) => !next.has(PK))
      .map((PK) => ({ Delete: { TableName: tableName, Key: { PK, SK: copySortKey(before.id) } } })),
    ...[...next].map((PK) => ({ Put: { TableName: tableName, Item: copyItem(PK, after) } })),
  ];
}

export class PointStoreConflict extends Conflict {
  constructor() {
    super('Điểm bán vừa được người khác sửa: tải lại rồi thử lại', 'POINT_CHANGED');
  }
}

export interface PointStore {
  create(point: PointOfSale): Promise<void>;
  get(id: string): Promise<PointOfSale | undefined>;
  /** Replaces `before` (same version) by `after`, moving its copies; one transaction. */
  replace(before: PointOfSale, after: PointOfSale): Promise<void>;
  remove(point: PointOfSale): Promise<void>;
  /** Every copy in these cells (paginated to the end). */
  inCells(precision: CellPrecision, cells: readonly string[]): Promise<PointOfSale[]>;
  carrying(productId: string, producerId: string): Promise<PointOfSale[]>;
  inProvince(code: string): Promise<PointOfSale[]>;
}

export class DynamoPointStore implements PointStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(point: PointOfSale): Promise<void> {
    await this.transact([
      { Put: { TableName: this.tableName, Item: pointItem(point), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...copyPartitions(point).map((PK) => ({ Put: { TableName: this.tableName, Item: copyItem(PK, point) } })),
    ]);
  }

  async get(id: string): Promise<PointOfSale | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: pointKey(id) }));
    return Item ? fromItem(Item) : undefined;
  }

  async replace(before: PointOfSale, after: PointOfSale): Promise<void> {
    await this.transact(pointTransactItems(this.tableName, before, after));
  }

  async remove(point: PointOfSale): Promise<void> {
    await this.transact([
      { Delete: { TableName: this.tableName, Key: pointKey(point.id), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': point.version } } },
      ...copyPartitions(point).map((PK) => ({ Delete: { TableName: this.tableName, Key: { PK, SK: copySortKey(point.id) } } })),
    ]);
  }

  async inCells(precision: CellPrecision, cells: readonly string[]): Promise<PointOfSale[]> {
    const pages = await Promise.all(cells.map((cell) => this.queryAll(cellPartition(precision, cell))));
    return pages.flat();
  }

  async carrying(productId: string, producerId: string): Promise<PointOfSale[]> {
    const [byProduct, byProducer] = await Promise.all([this.queryAll(productLinkPartition(productId)), this.queryAll(producerLinkPartition(producerId))]);
    const seen = new Map<string, PointOfSale>();
    for (const p of [...byProduct, ...byProducer]) seen.set(p.id, p);
    return [...seen.values()];
  }

  inProvince(code: string): Promise<PointOfSale[]> {
    return this.queryAll(provincePartition(code), PROVINCE_INDEX);
  }

  /** Every item of one partition, of the table or of the province index, paginated to the end. */
  private async queryAll(pk: string, index?: typeof PROVINCE_INDEX): Promise<PointOfSale[]> {
    const out: PointOfSale[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          ...(index ? { IndexName: index } : {}),
          KeyConditionExpression: `${index ? 'GSI1PK' : 'PK'} = :pk`,
          ExpressionAttributeValues: { ':pk': pk },
          ExclusiveStartKey,
        }),
      );
      out.push(...(page.Items ?? []).map(fromItem));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }

  private async transact(TransactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw new PointStoreConflict();
      throw error;
    }
  }
}
