import { MIN_LISTED_STARS } from '../catalog/gate';
import { productKey } from '../catalog/keys';
import type { Demand } from './pricing';

interface UpdateParams {
  Key: { PK: string; SK: string };
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * One conditional update per product taking every demanded unit of it (and of each of its variants)
 * at once — DynamoDB allows one action per item in a transaction. The condition re-checks, at commit
 * time, what the buyer was shown: the 3★ gate (active, certificate active, ≥ 3★, not expired), the
 * variant at that position, the stock and the unit price. Any of them failing cancels the whole order.
 */
export function reserveUpdate(demands: readonly Demand[], now: Date): UpdateParams {
  const product = demands[0]!.product;
  const sets: string[] = [];
  const conditions = [
    '#status = :active',
    'certificate.#status = :active',
    'certificate.stars >= :minStars',
    'certificate.expiresAt > :now',
  ];
  const values: Record<string, unknown> = { ':active': 'active', ':minStars': MIN_LISTED_STARS, ':now': now.toISOString() };
  let total = 0;
  demands.forEach((d, i) => {
    if (d.product.id !== product.id) throw new Error('reserveUpdate: demands of one product only');
    total += d.quantity;
    values[`:q${i}`] = d.quantity;
    values[`:p${i}`] = d.unitPriceVnd;
    if (d.variant && d.variantIndex !== undefined) {
      const at = `variants[${d.variantIndex}]`;
      values[`:v${i}`] = d.variant.id;
      conditions.push(`${at}.id = :v${i}`, `${at}.stock >= :q${i}`, `${at}.priceVnd = :p${i}`);
      sets.push(`${at}.stock = ${at}.stock - :q${i}`);
    } else {
      conditions.push(`stock >= :q${i}`, `priceVnd = :p${i}`, 'attribute_not_exists(variants)');
    }
  });
  values[':total'] = total;
  // Every demanded unit of the product at once: two demands of one item (a live line and a regular
  // line of different variants) must not take the summary below zero.
  conditions.push('stock >= :total');
  // The summary stock (the variants' sum) moves with them, so lists and the edit form stay true.
  sets.unshift('stock = stock - :total');
  return {
    Key: productKey(product.id),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: values,
  };
}

/**
 * Gives units back (cancellation, unpaid expiry). The variant is found by id in the product as read
 * now — the producer may have reordered the list since — and the condition pins that position.
 */
export function releaseUpdate(
  productId: string,
  lines: readonly { variantIndex?: number | undefined; variantId?: string | undefined; quantity: number }[],
): UpdateParams {
  const sets: string[] = [];
  const conditions = ['attribute_exists(PK)'];
  const values: Record<string, unknown> = {};
  let total = 0;
  lines.forEach((l, i) => {
    total += l.quantity;
    if (l.variantIndex !== undefined && l.variantId) {
      values[`:q${i}`] = l.quantity;
      const at = `variants[${l.variantIndex}]`;
      values[`:v${i}`] = l.variantId;
      conditions.push(`${at}.id = :v${i}`);
      sets.push(`${at}.stock = ${at}.stock + :q${i}`);
    }
  });
  values[':total'] = total;
  sets.unshift('stock = stock + :total');
  return { Key: productKey(productId), UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: conditions.join(' AND '), ExpressionAttributeValues: values };
}
