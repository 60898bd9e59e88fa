import type { IssuingLevel } from './certificate';

/** Decision 1489/QĐ-TTg: two-tier government, province recognises 3–4★ from this date. */
const TWO_TIER_FROM = '2025-07-06';
/** District level abolished (amended Constitution Art. 110). */
const DISTRICTS_ABOLISHED_FROM = '2025-07-01';

export interface IssuerFinding {
  severity: 'warning' | 'error';
  code: string;
  message: string;
}

/**
 * Issuer vs star consistency (ocop.md §14.5): warn, don't block — except a district issuer after
 * districts ceased to exist, which cannot be right.
 */
export function checkIssuer(input: { stars: number; issuingLevel: IssuingLevel; decisionDate: string; score?: number }): IssuerFinding[] {
  const findings: IssuerFinding[] = [];
  const { stars, issuingLevel, decisionDate, score } = input;
  if (stars === 5 && issuingLevel !== 'central') {
    findings.push({ severity: 'warning', code: 'FIVE_STAR_NOT_CENTRAL', message: '5★ được công nhận ở cấp trung ương' });
  }
  if (issuingLevel === 'district' && decisionDate >= DISTRICTS_ABOLISHED_FROM) {
    findings.push({ severity: 'error', code: 'DISTRICT_AFTER_ABOLITION', message: 'Cấp huyện không còn tồn tại sau 01/07/2025' });
  }
  if (issuingLevel === 'district' && stars > 3) {
    findings.push({ severity: 'warning', code: 'DISTRICT_ABOVE_THREE', message: 'Cấp huyện chỉ công nhận 3★' });
  }
  if (decisionDate >= TWO_TIER_FROM && stars >= 3 && stars <= 4 && issuingLevel !== 'province') {
    findings.push({ severity: 'warning', code: 'THREE_FOUR_NOT_PROVINCE', message: 'Từ 06/07/2025, 3★ và 4★ do cấp tỉnh công nhận' });
  }
  if (score !== undefined) {
    const band = score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : score >= 30 ? 2 : 1;
    if (band !== stars) {
      findings.push({ severity: 'warning', code: 'SCORE_STAR_MISMATCH', message: `Điểm ${score} không khớp với ${stars}★` });
    }
  }
  return findings;
}
