import { randomBytes } from 'node:crypto';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import { normaliseEmail } from '../identity/email';
import type { Services } from '../services';
import { assertRoundOfficer, getRound, roundStanding } from './access';
import { mayTransition, type CouncilMember, type Round, type RoundState } from './round';
import type { NewRound } from './schemas';

type RoundServices = Pick<Services, 'evaluation' | 'clock' | 'identity'>;

const newRoundId = () => `dot-${randomBytes(5).toString('hex')}`;

export async function createRound(services: RoundServices, principal: Principal, input: NewRound): Promise<Round> {
  let provinceCode: string;
  if (principal.role === 'officer') {
    if (input.provinceCode && input.provinceCode !== principal.provinceCode) throw new Forbidden('Cán bộ chỉ mở đợt đánh giá của tỉnh mình', 'NOT_PROVINCE_OFFICER');
    provinceCode = principal.provinceCode;
  } else if (principal.role === 'admin') {
    if (!input.provinceCode) throw new InvalidInput('Chọn tỉnh, thành phố của đợt đánh giá', 'PROVINCE_REQUIRED');
    provinceCode = input.provinceCode;
  } else {
    throw new Forbidden('Chỉ cán bộ OCOP mở đợt đánh giá', 'NOT_ROUND_OFFICER');
  }
  const at = services.clock.now().toISOString();
  const { provinceCode: _p, ...rest } = input;
  const round: Round = { ...rest, id: newRoundId(), provinceCode: provinceCode as Round['provinceCode'], state: 'draft', createdBy: principal.accountId, createdAt: at, updatedAt: at, version: 1 };
  await services.evaluation.createRound(round, { action: 'create', to: 'draft', by: principal.accountId, byName: principal.displayName, at });
  return round;
}

/** The officers (or an admin) move a round one step forward; anything else is 409 ILLEGAL_TRANSITION. */
export async function transitionRound(services: RoundServices, principal: Principal, id: string, to: RoundState): Promise<Round> {
  const round = await getRound(services, id);
  assertRoundOfficer(principal, round);
  if (!mayTransition(round.state, to)) {
    throw new Conflict(`Không chuyển được đợt đánh giá từ "${round.state}" sang "${to}"`, 'ILLEGAL_TRANSITION', { from: round.state, to });
  }
  const at = services.clock.now().toISOString();
  const next: Round = { ...round, state: to, updatedAt: at, version: round.version + 1 };
  await services.evaluation.updateRound(next, round.version, { action: 'transition', from: round.state, to, by: principal.accountId, byName: principal.displayName, at });
  return next;
}

/** A round's officers, or one of its council members. */
export async function readRound(services: RoundServices, principal: Principal, id: string) {
  const round = await getRound(services, id);
  const standing = await roundStanding(services, principal, round);
  return { round, standing };
}

/**
 * The officer names council members by account e-mail. Producers cannot sit on a council (they would
 * score their competitors); the council role is the member item of this one round, nothing more.
 */
export async function addCouncilMember(services: RoundServices, principal: Principal, id: string, email: string): Promise<CouncilMember> {
  const round = await getRound(services, id);
  assertRoundOfficer(principal, round);
  if (round.state === 'decided' || round.state === 'closed') throw new Conflict('Đợt đánh giá đã có quyết định', 'ROUND_DECIDED');
  const account = await services.identity.accounts.getAccountByEmail(normaliseEmail(email));
  if (!account || account.status !== 'active') throw new NotFound(`Không có tài khoản ${email}`, 'ACCOUNT_NOT_FOUND');
  if (account.role === 'producer') throw new InvalidInput('Chủ thể sản xuất không được là thành viên hội đồng', 'COUNCIL_MEMBER_ROLE');
  const at = services.clock.now().toISOString();
  const member: CouncilMember = { accountId: account.id, displayName: account.displayName, email: account.email, addedBy: principal.accountId, addedAt: at };
  await services.evaluation.addMember(round.id, member, { action: 'council', by: principal.accountId, byName: principal.displayName, at, detail: { accountId: account.id } });
  return member;
}

/** Rounds an officer (their province) or a council member (their rounds) may open in the console. */
export async function visibleRounds(services: RoundServices, principal: Principal): Promise<Round[]> {
  if (principal.role === 'officer') return services.evaluation.provinceRounds(principal.provinceCode);
  const ids = await services.evaluation.councilRounds(principal.accountId);
  const rounds = await Promise.all(ids.map((rid) => services.evaluation.getRound(rid)));
  return rounds.filter((r): r is Round => r !== undefined);
}
