import { randomUUID } from 'node:crypto';
import { principalFromAccount, type Principal } from '../../shared/identity/principal';
import { acceptApplication, applyForBooth, createFair, moveFair } from '../../shared/fairs/service';
import { submitInquiry } from '../../shared/fairs/inquiry-service';
import { CreateFairSchema } from '../../shared/fairs/schemas';
import type { MatrixContext } from '../authz/matrix-context';
import type { Role } from '../../shared/identity/principal';
import { fairBody } from './fixtures';

async function principalOf(ctx: MatrixContext, role: Role, options: { producerId?: string; provinceCode?: string } = {}): Promise<Principal> {
  const account = await ctx.createAccount(role, options);
  const principal = principalFromAccount(account.account, { jti: randomUUID(), expiresAt: 0, via: 'bearer' });
  if (!principal) throw new Error('matrix helper cannot act');
  return principal;
}

/** A creation body for provinceX (officerX may create it; officerY may not). */
export const fairBodyOfX = (ctx: MatrixContext) => fairBody(ctx.services.clock.now(), { provinceCodes: [ctx.fixtures.provinceX] });

/** A fair organised by provinceX, moved to `to` through the service by its officer. */
export async function fairOfX(ctx: MatrixContext, to: 'draft' | 'open' | 'live' = 'draft'): Promise<string> {
  const officer = await principalOf(ctx, 'officer', { provinceCode: ctx.fixtures.provinceX });
  const fair = await createFair(ctx.services, officer, CreateFairSchema.parse(fairBodyOfX(ctx)));
  if (to !== 'draft') await moveFair(ctx.services, officer, fair.id, 'open');
  if (to === 'live') await moveFair(ctx.services, officer, fair.id, 'live');
  return fair.id;
}

/** A pending application of producerA to an open fair of provinceX. */
export async function applicationOfA(ctx: MatrixContext): Promise<string> {
  const fairId = await fairOfX(ctx, 'open');
  const producer = await principalOf(ctx, 'producer', { producerId: ctx.fixtures.producerA });
  return (await applyForBooth(ctx.services, producer, fairId, {})).id;
}

/** Booth 1 of a live fair of provinceX, held by producerA. */
export async function boothOfA(ctx: MatrixContext): Promise<{ fairId: string; boothNo: number }> {
  const fairId = await fairOfX(ctx, 'open');
  const producer = await principalOf(ctx, 'producer', { producerId: ctx.fixtures.producerA });
  const application = await applyForBooth(ctx.services, producer, fairId, {});
  await acceptApplication(ctx.services, await principalOf(ctx, 'admin'), application.id, 1);
  return { fairId, boothNo: 1 };
}

export const inquiryBody = { company: 'Sakura Foods', country: 'Nhật Bản', contactName: 'Tanaka', contactEmail: 'buyer@sakura.example', product: 'Nước mắm', quantity: '1 container', message: 'Chúng tôi muốn nhập khẩu thường xuyên.' };

/** An inquiry to producerA's booth (each from its own client address, so the limit never trips here). */
export async function inquiryToA(ctx: MatrixContext): Promise<string> {
  const { fairId, boothNo } = await boothOfA(ctx);
  return (await submitInquiry(ctx.services, `matrix-${ctx.unique()}`, fairId, boothNo, inquiryBody)).id;
}
