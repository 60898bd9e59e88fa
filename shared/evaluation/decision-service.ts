import { Conflict, Forbidden, InvalidInput } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Certificate } from '../registry/certificate';
import { recordCertificate } from '../registry/service';
import type { Services } from '../services';
import { assertRoundOfficer, getDossier, getRound } from './access';
import type { Dossier } from './dossier';
import { saveDossierChange } from './dossier-service';
import type { DecisionInput } from './schemas';
import { computeResult } from './scoring-service';

export interface DecisionOutcome {
  dossierId: string;
  state: Dossier['state'];
  stars: number;
  total: number;
  certificate?: Certificate;
  productListed?: boolean;
}

const defaultCertificateNo = (dossier: Dossier, decisionDate: string) => `OCOP-${dossier.provinceCode}-${decisionDate.slice(0, 4)}-${dossier.id.slice(3).toUpperCase()}`;

/**
 * The certificate goes through the registry's own service (same checks, audit, 36-month expiry and
 * listing gate). A retry after the certificate was written but the dossier was not finds it and
 * carries on instead of failing on CERTIFICATE_EXISTS.
 */
async function certify(services: Services, principal: Principal, dossier: Dossier, input: DecisionInput, stars: number, total: number, certificateNo: string) {
  const existing = await services.certificates.getCertificate(certificateNo, { consistent: true });
  if (existing) {
    if (existing.subjectId === dossier.producerId && existing.productId === dossier.productId && existing.decisionNo === input.decisionNo) {
      return { certificate: existing, productListed: undefined };
    }
    throw new Conflict(`Số chứng nhận ${certificateNo} đã được dùng`, 'CERTIFICATE_EXISTS');
  }
  const central = input.level === 'central';
  const { certificate, productListed } = await recordCertificate(services, principal, {
    certificateNo,
    decisionNo: input.decisionNo,
    decisionDate: input.decisionDate,
    stars,
    score: total,
    issuingLevel: central ? 'central' : 'province',
    issuingAuthority: input.issuingAuthority,
    ...(central ? {} : { issuerProvinceCode2025: dossier.provinceCode }),
    productGroup: dossier.productGroup,
    subgroup: dossier.subgroup,
    subjectId: dossier.producerId,
    productId: dossier.productId,
  } as Parameters<typeof recordCertificate>[2]);
  return { certificate, productListed };
}

/**
 * Province level (the secretary, an officer of the round's province): each scored dossier gets its
 * computed star — 3★/4★ become certificates, 1★/2★ are recorded as not recognised, ≥ 90 (5★ gates
 * met) is forwarded to the ministry. Central level (admins only): the national 5★ decision for
 * forwarded dossiers.
 */
export async function recordDecision(services: Services, principal: Principal, roundId: string, input: DecisionInput): Promise<DecisionOutcome[]> {
  const round = await getRound(services, roundId);
  if (input.level === 'central') {
    if (principal.role !== 'admin') throw new Forbidden('Quyết định 5★ cấp trung ương chỉ quản trị viên ghi nhận', 'CENTRAL_DECISION_ADMIN_ONLY');
  } else {
    assertRoundOfficer(principal, round);
  }
  if (round.state !== 'decided') throw new Conflict('Khóa bước chấm (chuyển đợt sang "decided") trước khi ghi quyết định', 'ROUND_NOT_DECIDED', { state: round.state });
  const ids = new Set(input.items.map((i) => i.dossierId));
  if (ids.size !== input.items.length) throw new InvalidInput('Một hồ sơ xuất hiện hai lần', 'DUPLICATE_DOSSIER');
  const dossiers = await Promise.all(input.items.map((i) => getDossier(services, i.dossierId)));
  for (const d of dossiers) {
    if (d.roundId !== round.id) throw new InvalidInput(`Hồ sơ ${d.id} không thuộc đợt này`, 'DOSSIER_NOT_IN_ROUND', { dossierId: d.id });
    const expected = input.level === 'central' ? 'forwarded' : 'preassessed';
    if (d.state !== expected) throw new Conflict(`Hồ sơ ${d.id} không chờ quyết định ${input.level === 'central' ? 'cấp trung ương' : 'cấp tỉnh'}`, 'DOSSIER_NOT_AWAITING_DECISION', { dossierId: d.id, state: d.state });
  }
  const outcomes: DecisionOutcome[] = [];
  for (const [i, dossier] of dossiers.entries()) {
    const result = dossier.result ?? (await computeResult(services, dossier));
    if (result.members === 0) throw new Conflict(`Hồ sơ ${dossier.id} chưa có phiếu chấm`, 'DOSSIER_NOT_SCORED', { dossierId: dossier.id });
    const at = services.clock.now().toISOString();
    const ref = { decisionNo: input.decisionNo, decisionDate: input.decisionDate, signer: input.signer, issuingAuthority: input.issuingAuthority, recordedBy: principal.accountId, recordedAt: at };
    const certificateNo = input.items[i]!.certificateNo ?? defaultCertificateNo(dossier, input.decisionDate);
    if (input.level === 'province' && result.stars === 5) {
      await saveDossierChange(services, principal, dossier, { state: 'forwarded', result }, 'forward');
      outcomes.push({ dossierId: dossier.id, state: 'forwarded', stars: 5, total: result.total });
    } else if (input.level === 'province' && result.stars < 3) {
      await saveDossierChange(services, principal, dossier, { state: 'not-recognised', result, decision: { ...ref, stars: result.stars } }, 'decide');
      outcomes.push({ dossierId: dossier.id, state: 'not-recognised', stars: result.stars, total: result.total });
    } else {
      const stars = input.level === 'central' ? 5 : result.stars;
      const { certificate, productListed } = await certify(services, principal, dossier, input, stars, result.total, certificateNo);
      await saveDossierChange(services, principal, dossier, { state: 'recognised', result, decision: { ...ref, stars, certificateNo: certificate.certificateNo } }, 'decide');
      outcomes.push({ dossierId: dossier.id, state: 'recognised', stars, total: result.total, certificate, ...(productListed !== undefined ? { productListed } : {}) });
    }
  }
  return outcomes;
}
