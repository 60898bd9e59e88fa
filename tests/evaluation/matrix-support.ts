import { recordPreAssessment, sendBack, submitDossier } from '../../shared/evaluation/dossier-service';
import { addCouncilMember, createRound, transitionRound } from '../../shared/evaluation/round-service';
import type { Principal } from '../../shared/identity/principal';
import type { MatrixContext } from '../authz/matrix-context';
import { makeProduct } from '../support/catalog-fixtures';
import { preAssessmentBody, roundBody, sheetChoices, foodSheet } from './eval-fixtures';

const session = { jti: 'matrix-eval', expiresAt: 0, via: 'bearer' as const };
const setupAdmin: Principal = { role: 'admin', accountId: 'matrix-eval-admin', email: 'matrix-eval@thu-nghiem.vn', displayName: 'Matrix setup', session };

/** A round of provinceX (producerA's province) in `state`, so officerX is its officer and officerY is not. */
export async function roundInProvinceX(ctx: MatrixContext, state: 'draft' | 'open' | 'scoring' = 'draft'): Promise<string> {
  const round = await createRound(ctx.services, setupAdmin, { ...roundBody(), provinceCode: ctx.fixtures.provinceX } as Parameters<typeof createRound>[2]);
  const steps = { draft: [], open: ['open'], scoring: ['open', 'scoring'] } as const;
  for (const to of steps[state]) await transitionRound(ctx.services, setupAdmin, round.id, to);
  return round.id;
}

/**
 * A dossier of producerA (a fresh product) in a provinceX round: `returned` for the producer's
 * corrections, `preassessed` with the round in scoring for council scores.
 */
export async function dossierOfA(ctx: MatrixContext, state: 'submitted' | 'returned' | 'preassessed' = 'submitted'): Promise<string> {
  const roundId = await roundInProvinceX(ctx, 'open');
  const product = makeProduct({ id: `sp-danh-gia-${ctx.unique()}`, producerId: ctx.fixtures.producerA, provinceCode: ctx.fixtures.provinceX, certificate: undefined });
  await ctx.services.catalog.saveProduct(product);
  const producer: Principal = { role: 'producer', producerId: ctx.fixtures.producerA, accountId: 'matrix-eval-producer', email: 'p@thu-nghiem.vn', displayName: 'Cơ sở A', session };
  const dossier = await submitDossier(ctx.services, producer, roundId, { productId: product.id, selfAssessment: sheetChoices() });
  if (state === 'returned') await sendBack(ctx.services, setupAdmin, dossier.id, 'Bổ sung tài liệu');
  if (state === 'preassessed') {
    await recordPreAssessment(ctx.services, setupAdmin, dossier.id, preAssessmentBody);
    await transitionRound(ctx.services, setupAdmin, roundId, 'scoring');
  }
  return dossier.id;
}

/** The caller sits on the dossier's round council (producers cannot: they keep their 403). */
export async function seatCaller(ctx: MatrixContext, dossierId: string): Promise<void> {
  if (!ctx.caller || ctx.caller.account.role === 'producer') return;
  const dossier = (await ctx.services.evaluation.getDossier(dossierId))!;
  await addCouncilMember(ctx.services, setupAdmin, dossier.roundId, ctx.caller.account.email);
}

export const newSheetBody = (ctx: MatrixContext) => ({ ...structuredClone(foodSheet), id: `phieu-ma-tran-${ctx.unique()}`.toLowerCase() });
export { sheetChoices };
