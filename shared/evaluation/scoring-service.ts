import { Conflict, Forbidden, InvalidInput } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { dossierStanding, getDossier, getRound } from './access';
import type { Dossier } from './dossier';
import { evaluate, choiceProblems, type EvaluationResult } from './scoring-rules';
import { findSheet } from './sheets-service';
import type { CouncilScore } from './store';

/** A council member of the dossier's round submits their sheet, once (409 SCORES_ALREADY_SUBMITTED). */
export async function submitScores(services: Services, principal: Principal, id: string, choices: Record<string, string>): Promise<CouncilScore> {
  const dossier = await getDossier(services, id);
  const member = await services.evaluation.getMember(dossier.roundId, principal.accountId);
  if (!member) throw new Forbidden('Chỉ thành viên hội đồng của đợt này chấm điểm', 'NOT_COUNCIL_MEMBER');
  const round = await getRound(services, dossier.roundId);
  if (round.state !== 'scoring') throw new Conflict('Đợt đánh giá chưa (hoặc không còn) ở bước chấm điểm', 'ROUND_NOT_SCORING', { state: round.state });
  if (dossier.state !== 'preassessed') throw new Conflict('Hồ sơ chưa được xã đánh giá sơ bộ hoặc đã có kết quả', 'DOSSIER_NOT_SCORABLE', { state: dossier.state });
  const sheet = await findSheet(services, dossier.sheetId);
  const problems = choiceProblems(sheet, choices);
  if (problems.length > 0) throw new InvalidInput('Phiếu chấm chưa đầy đủ hoặc sai', 'INVALID_SCORES', { problems });
  const score: CouncilScore = { dossierId: id, accountId: principal.accountId, displayName: member.displayName, choices, submittedAt: services.clock.now().toISOString() };
  const outcome = await services.evaluation.putScore(score, round.id);
  if (outcome === 'exists') throw new Conflict('Bạn đã nộp phiếu chấm cho hồ sơ này', 'SCORES_ALREADY_SUBMITTED');
  if (outcome === 'dossier-moved') throw new Conflict('Hồ sơ vừa có kết quả', 'DOSSIER_NOT_SCORABLE');
  if (outcome === 'round-moved') throw new Conflict('Đợt đánh giá vừa kết thúc bước chấm', 'ROUND_NOT_SCORING');
  return score;
}

/**
 * Members score independently: a member sees the others' sheets (and the computed result) only once
 * their own is in — also when the member is one of the round's officers. Other officers of the round
 * see everything; the producer never sees individual sheets.
 */
async function assertMaySeeScores(services: Services, principal: Principal, dossier: Dossier): Promise<void> {
  const standing = await dossierStanding(services, principal, dossier);
  if (standing === 'producer') throw new Forbidden('Chủ thể không xem phiếu chấm của từng thành viên', 'SCORES_NOT_FOR_PRODUCER');
  // An officer who also sits on the council is a member first: blind until their own sheet is in.
  const member = standing === 'council' || (await services.evaluation.getMember(dossier.roundId, principal.accountId)) !== undefined;
  if (!member) return;
  if (!(await services.evaluation.getScore(dossier.id, principal.accountId))) {
    throw new Forbidden('Nộp phiếu chấm của bạn trước khi xem phiếu của thành viên khác', 'SCORES_HIDDEN_UNTIL_SUBMITTED');
  }
}

export async function readScores(services: Services, principal: Principal, id: string): Promise<CouncilScore[]> {
  const dossier = await getDossier(services, id);
  await assertMaySeeScores(services, principal, dossier);
  return services.evaluation.scores(id);
}

export async function computeResult(services: Services, dossier: Dossier): Promise<EvaluationResult> {
  const [sheet, scores] = await Promise.all([findSheet(services, dossier.sheetId), services.evaluation.scores(dossier.id)]);
  return evaluate(sheet, scores.map((s) => s.choices));
}

/**
 * The result computed on the server from the submitted sheets. The producer sees it once the
 * decision is recorded (frozen on the dossier); council members after submitting; officers always.
 */
export async function readResult(services: Services, principal: Principal, id: string): Promise<EvaluationResult & { final: boolean }> {
  const dossier = await getDossier(services, id);
  const standing = await dossierStanding(services, principal, dossier);
  if (standing === 'producer') {
    if (!dossier.result) throw new Forbidden('Kết quả được công bố khi có quyết định', 'RESULT_NOT_PUBLISHED');
    return { ...dossier.result, final: true };
  }
  await assertMaySeeScores(services, principal, dossier);
  if (dossier.result) return { ...dossier.result, final: true };
  return { ...(await computeResult(services, dossier)), final: false };
}
