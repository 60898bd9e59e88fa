import { randomUUID } from 'node:crypto';
import { principalFromAccount } from '../../shared/identity/principal';
import { placeOrder } from '../../shared/orders/placement';
import type { MatrixContext } from '../authz/matrix-context';
import type { TestAccount } from '../authz/accounts';
import { makeProduct } from '../support/catalog-fixtures';
import { address } from './fixtures';

/** A listed product of producerA's storefront with plenty of stock, for one matrix case. */
export async function productOfA(ctx: MatrixContext) {
  const product = makeProduct({ id: `mt-${ctx.unique()}`, producerId: ctx.fixtures.producerA, producerName: `Cơ sở ${ctx.fixtures.producerA}`, stock: 100 });
  await ctx.services.catalog.saveProduct(product);
  return product;
}

export async function placeBody(ctx: MatrixContext) {
  return { items: [{ productId: (await productOfA(ctx)).id, quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' as const };
}

/** A COD order of producerA's product placed by `buyer` (default: a new shopper), through the service. */
export async function orderBy(ctx: MatrixContext, buyer?: TestAccount): Promise<{ orderId: string; subOrderId: string }> {
  const who = buyer ?? (await ctx.createAccount('shopper'));
  const principal = principalFromAccount(who.account, { jti: randomUUID(), expiresAt: 0, via: 'bearer' });
  if (!principal) throw new Error('matrix buyer cannot act');
  const body = await placeBody(ctx);
  const { orderId } = await placeOrder(ctx.services, principal, randomUUID(), { ...body, shippingAddress: { ...address, phone: '+84912345678' } }, 'http://localhost');
  return { orderId, subOrderId: `${orderId}-1` };
}
