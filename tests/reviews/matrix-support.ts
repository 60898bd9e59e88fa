import { randomUUID } from 'node:crypto';
import { principalFromAccount, type Principal } from '../../shared/identity/principal';
import { moveSubOrder } from '../../shared/orders/transitions';
import { placeOrder } from '../../shared/orders/placement';
import { createReview, reportReview } from '../../shared/reviews/service';
import type { MatrixContext } from '../authz/matrix-context';
import type { TestAccount } from '../authz/accounts';
import { makeProduct } from '../support/catalog-fixtures';
import { address } from '../orders/fixtures';

const principalOf = (who: TestAccount): Principal => {
  const p = principalFromAccount(who.account, { jti: randomUUID(), expiresAt: 0, via: 'bearer' });
  if (!p) throw new Error('matrix account cannot act');
  return p;
};

/**
 * A delivered COD order of a producerA product made in province X, bought by `buyer` (default: a
 * new shopper): its line 0 is reviewable by that buyer.
 */
export async function deliveredLineBy(ctx: MatrixContext, buyer?: TestAccount): Promise<{ orderId: string; lineId: string; buyer: TestAccount }> {
  const who = buyer ?? (await ctx.createAccount('shopper'));
  const product = makeProduct({ id: `rv-${ctx.unique()}`, producerId: ctx.fixtures.producerA, producerName: `Cơ sở ${ctx.fixtures.producerA}`, provinceCode: ctx.fixtures.provinceX as '01', stock: 10 });
  await ctx.services.catalog.saveProduct(product);
  const { orderId } = await placeOrder(
    ctx.services,
    principalOf(who),
    randomUUID(),
    { items: [{ productId: product.id, quantity: 1 }], shippingAddress: { ...address, phone: '+84912345678' }, paymentMethod: 'cod' },
    'http://localhost',
  );
  const owner = principalOf(await ctx.createAccount('producer', { producerId: ctx.fixtures.producerA }));
  const subId = `${orderId}-1`;
  for (const to of ['packed', 'shipped', 'delivered'] as const) {
    await moveSubOrder(ctx.services, { principal: owner }, subId, to === 'shipped' ? { to, carrier: 'Viettel Post', trackingCode: 'VTP123456789' } : { to });
  }
  return { orderId, lineId: `${subId}.0`, buyer: who };
}

/** A review of that line by its buyer (`buyer`, default a new shopper), reported once if asked. */
export async function reviewOfA(ctx: MatrixContext, options: { buyer?: TestAccount; reported?: boolean } = {}) {
  const line = await deliveredLineBy(ctx, options.buyer);
  await createReview(ctx.services, principalOf(line.buyer), line.orderId, line.lineId, { stars: 4, text: 'Ngon' });
  if (options.reported) await reportReview(ctx.services, principalOf(await ctx.createAccount('shopper')), line.lineId, 'Kiểm tra');
  return line;
}
