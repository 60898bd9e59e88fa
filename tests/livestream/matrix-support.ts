import { randomUUID } from 'node:crypto';
import { principalFromAccount } from '../../shared/identity/principal';
import { createLivestream } from '../../shared/livestream/service';
import type { MatrixContext } from '../authz/matrix-context';
import { productOfA } from '../orders/matrix-support';
import { liveBody } from './fixtures';

/** A valid schedule body for a fresh listed product of producerA (admins name the storefront). */
export async function liveBodyOfA(ctx: MatrixContext) {
  const product = await productOfA(ctx);
  return liveBody(ctx.services.clock.now(), [{ productId: product.id, livePriceVnd: Math.floor(product.priceVnd / 2), quota: 10 }], { producerId: ctx.fixtures.producerA });
}

/** A scheduled live of producerA's storefront, made through the service by its owner, for one matrix case. */
export async function liveOfA(ctx: MatrixContext): Promise<string> {
  const owner = await ctx.createAccount('producer', { producerId: ctx.fixtures.producerA });
  const principal = principalFromAccount(owner.account, { jti: randomUUID(), expiresAt: 0, via: 'bearer' });
  if (!principal) throw new Error('matrix owner cannot act');
  const live = await createLivestream(ctx.services, principal, await liveBodyOfA(ctx));
  return live.id;
}

/** A live of producerA that is on (started early), so `end` is a legal move. */
export async function runningLiveOfA(ctx: MatrixContext): Promise<string> {
  const id = await liveOfA(ctx);
  const live = (await ctx.services.livestreams.get(id, true))!;
  await ctx.services.livestreams.move(live, { ...live, status: 'live', startedAt: ctx.services.clock.now().toISOString(), version: live.version + 1 });
  return id;
}

/** A live of producerA that has ended (started and ended early), so a replay may be attached. */
export async function endedLiveOfA(ctx: MatrixContext): Promise<string> {
  const id = await runningLiveOfA(ctx);
  const live = (await ctx.services.livestreams.get(id, true))!;
  await ctx.services.livestreams.move(live, { ...live, status: 'ended', endedAt: ctx.services.clock.now().toISOString(), version: live.version + 1 });
  return id;
}
