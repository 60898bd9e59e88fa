import type { Product } from './product';

/**
 * The condition of every whole-item write of a product that was read first (an edit, a certificate
 * change): the item is still the version read (`updatedAt`) AND its stock levels are still the ones
 * read. Orders move stock with an atomic update that does not touch `updatedAt`, so without the stock
 * terms an edit read before a sale and written after it would put the sold units back on sale.
 */
export function productWriteCondition(previous: Pick<Product, 'updatedAt' | 'stock' | 'variants'>): {
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const terms = ['updatedAt = :prev', 'stock = :prevStock'];
  const values: Record<string, unknown> = { ':prev': previous.updatedAt, ':prevStock': previous.stock };
  (previous.variants ?? []).forEach((v, i) => {
    terms.push(`variants[${i}].stock = :prevStock${i}`);
    values[`:prevStock${i}`] = v.stock;
  });
  return { ConditionExpression: terms.join(' AND '), ExpressionAttributeValues: values };
}
