import { Forbidden, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import type { Dossier } from './dossier';
import type { Round } from './round';

type AccessServices = Pick<Services, 'evaluation'>;

/** How a caller stands towards a round: its province's officers (or an admin), or a council member. */
export type RoundStanding = 'officer' | 'council';
/** …and towards a dossier: also its producer. */
export type DossierStanding = RoundStanding | 'producer';

export const isOfficerOf = (principal: Principal, provinceCode: string) =>
  principal.role === 'admin' || (principal.role === 'officer' && principal.provinceCode === provinceCode);

export async function getRound(services: AccessServices, id: string): Promise<Round> {
  const round = await services.evaluation.getRound(id);
  if (!round) throw new NotFound(`Không tìm thấy đợt đánh giá ${id}`, 'ROUND_NOT_FOUND');
  return round;
}

export async function getDossier(services: AccessServices, id: string): Promise<Dossier> {
  const dossier = await services.evaluation.getDossier(id);
  if (!dossier) throw new NotFound(`Không tìm thấy hồ sơ ${id}`, 'DOSSIER_NOT_FOUND');
  return dossier;
}

/**
 * The council is a role scoped to a round: a member item in that round's partition. A member of
 * another round — or an officer of another province — gets 403 and learns nothing of this one.
 */
export async function roundStanding(services: AccessServices, principal: Principal, round: Round): Promise<RoundStanding> {
  if (isOfficerOf(principal, round.provinceCode)) return 'officer';
  if (await services.evaluation.getMember(round.id, principal.accountId)) return 'council';
  throw new Forbidden('Bạn không tham gia đợt đánh giá này', 'NOT_IN_ROUND');
}

export function assertRoundOfficer(principal: Principal, round: Round): void {
  if (!isOfficerOf(principal, round.provinceCode)) throw new Forbidden('Chỉ cán bộ OCOP của tỉnh tổ chức đợt đánh giá', 'NOT_ROUND_OFFICER');
}

export async function dossierStanding(services: AccessServices, principal: Principal, dossier: Dossier): Promise<DossierStanding> {
  if (principal.role === 'producer' && principal.producerId === dossier.producerId) return 'producer';
  if (isOfficerOf(principal, dossier.provinceCode)) return 'officer';
  if (await services.evaluation.getMember(dossier.roundId, principal.accountId)) return 'council';
  throw new Forbidden('Bạn không được xem hồ sơ này', 'NOT_DOSSIER_READER');
}

export function assertDossierProducer(principal: Principal, dossier: Dossier): void {
  if (principal.role !== 'producer' || principal.producerId !== dossier.producerId) throw new Forbidden('Chỉ chủ thể nộp hồ sơ', 'NOT_DOSSIER_PRODUCER');
}
