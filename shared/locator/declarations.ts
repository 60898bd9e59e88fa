import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import { withoutKeys } from '../db/item-keys';
import { Conflict, Forbidden, NotFound } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import { pointNotFound } from './errors';
import { PROVINCE_INDEX, pointKey } from './keys';
import type { PointOfSale } from './point-of-sale';
import { assertCarriedExist, type LocatorServices } from './service';
import { pointTransactItems } from './store';

/**
 * A producer says "my products are sold at point X" (the whole storefront, or named products); the
 * point's officer confirms — the products then join what the point carries, under the same 3★ gate —
 * or rejects. Item: `POS#<pointId>` / `DECL#<producerId>` (one open declaration per producer and
 * point), GSI1 `POSDECL#<province>` / `<declaredAt>#<pointId>#<producerId>` for the officer's queue.
 */
export const DECL_SK_PREFIX = 'DECL#';
export const declarationKey = (pointId: string, producerId: string) => ({ PK: pointKey(pointId).PK, SK: `${DECL_SK_PREFIX}${producerId}` });
export const declarationQueue = (province: string) => `POSDECL#${province}`;

export const DeclarationInputSchema = z
  .object({
    productIds: z.array(PublicIdSchema).max(40).default([]).openapi({ description: 'Empty: the whole storefront is sold there' }),
  })
  .strict()
  .openapi('PointDeclarationInput', { example: { productIds: ['nuoc-mam-phu-quoc-40-dam-7f3a'] } });

export const DecisionInputSchema = z.object({ decision: z.enum(['confirm', 'reject']) }).strict().openapi('PointDeclarationDecision', { example: { decision: 'confirm' } });

export interface Declaration {
  pointId: string;
  pointName: string;
  provinceCode: string;
  producerId: string;
  productIds: string[];
  status: 'pending' | 'confirmed' | 'rejected';
  declaredAt: string;
  decidedAt?: string | undefined;
}

const fromItem = (item: Record<string, unknown>): Declaration => {
  const { kind: _kind, ...rest } = withoutKeys<Declaration & { kind?: string }>(item);
  return rest;
};

export class DeclarationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private item(d: Declaration) {
    return {
      ...declarationKey(d.pointId, d.producerId),
      ...(d.status === 'pending' ? { GSI1PK: declarationQueue(d.provinceCode), GSI1SK: `${d.declaredAt}#${d.pointId}#${d.producerId}` } : {}),
      kind: 'pos-declaration',
      ...d,
    };
  }

  /** A new pending declaration; a pending one of the same producer and point is replaced (re-declaring changes the products). */
  async put(d: Declaration): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.tableName, Key: pointKey(d.pointId), ConditionExpression: 'attribute_exists(PK)' } },
            { Put: { TableName: this.tableName, Item: this.item(d), ConditionExpression: 'attribute_not_exists(PK) OR #s <> :confirmed', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':confirmed': 'confirmed' } } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        if (error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw pointNotFound();
        if (error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') throw new Conflict('Điểm bán đã xác nhận cơ sở của bạn', 'DECLARATION_CONFIRMED');
      }
      throw error;
    }
  }

  async get(pointId: string, producerId: string): Promise<Declaration | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: declarationKey(pointId, producerId), ConsistentRead: true }));
    return Item ? fromItem(Item) : undefined;
  }

  async pending(province: string): Promise<Declaration[]> {
    const out: Declaration[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ TableName: this.tableName, IndexName: PROVINCE_INDEX, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': declarationQueue(province) }, ExclusiveStartKey }),
      );
      out.push(...(page.Items ?? []).map(fromItem));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }

  /** The decision and (on confirm) the point's new carried lists in one transaction: both or neither. */
  async decide(d: Declaration, decided: Declaration, point?: { before: PointOfSale; after: PointOfSale }): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.item(decided), ConditionExpression: '#s = :pending AND declaredAt = :at', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':pending': 'pending', ':at': d.declaredAt } } },
            ...(point ? pointTransactItems(this.tableName, point.before, point.after) : []),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        throw new Conflict('Khai báo hoặc điểm bán vừa thay đổi: tải lại rồi thử lại', 'DECLARATION_CHANGED');
      }
      throw error;
    }
  }
}

type DeclServices = LocatorServices & { pointDeclarations: DeclarationStore };

export async function declarePoint(s: DeclServices, principal: Principal, pointId: string, productIds: string[]): Promise<Declaration> {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ cơ sở có gian hàng mới khai báo điểm bán', 'NOT_STOREFRONT_OWNER');
  const producerId = principal.producerId;
  const point = await s.points.get(pointId);
  if (!point) throw pointNotFound();
  const ids = [...new Set(productIds)];
  await assertCarriedExist(s, ids, []);
  if (ids.length) {
    const products = await s.catalog.getProducts(ids);
    const foreign = ids.filter((id) => products.get(id)?.producerId !== producerId);
    if (foreign.length) throw new Forbidden('Chỉ khai báo sản phẩm của cơ sở mình', 'NOT_STOREFRONT_OWNER');
  }
  const d: Declaration = { pointId, pointName: point.name, provinceCode: point.provinceCode, producerId, productIds: ids, status: 'pending', declaredAt: s.clock.now().toISOString() };
  await s.pointDeclarations.put(d);
  return d;
}

export async function decideDeclaration(s: DeclServices, principal: Principal, pointId: string, producerId: string, decision: 'confirm' | 'reject'): Promise<Declaration> {
  const point = await s.points.get(pointId);
  if (!point) throw pointNotFound();
  assertOfficerOf(principal, point.provinceCode, { orAdmin: true });
  const d = await s.pointDeclarations.get(pointId, producerId);
  if (!d || d.status !== 'pending') throw new NotFound('Không có khai báo đang chờ của cơ sở này', 'DECLARATION_NOT_FOUND');
  const at = s.clock.now().toISOString();
  const decided: Declaration = { ...d, status: decision === 'confirm' ? 'confirmed' : 'rejected', decidedAt: at };
  if (decision === 'reject') {
    await s.pointDeclarations.decide(d, decided);
    return decided;
  }
  const after: PointOfSale = {
    ...point,
    productIds: d.productIds.length ? [...new Set([...point.productIds, ...d.productIds])] : point.productIds,
    producerIds: d.productIds.length ? point.producerIds : [...new Set([...point.producerIds, producerId])],
    updatedAt: at,
    version: point.version + 1,
  };
  if (after.productIds.length > 40 || after.producerIds.length > 5) throw new Conflict('Điểm bán đã đủ số sản phẩm / cơ sở tối đa (40 / 5)', 'POINT_FULL');
  await s.pointDeclarations.decide(d, decided, { before: point, after });
  return decided;
}
