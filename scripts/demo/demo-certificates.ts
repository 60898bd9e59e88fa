import { certificateExpiresAt, certificateExpiresOn } from '../../shared/registry/certificate-expiry';
import type { Certificate, IssuingLevel } from '../../shared/registry/certificate';
import { provinceLabel } from '../../shared/reference/labels';
import { provinceByCode, provinceForName } from '../../shared/reference/provinces';
import { shiftIsoDate } from './demo-dates';
import { stableInt } from './ids';
import type { DemoCertificateSpec, DemoProducerSpec } from './demo-spec';

/** Decision 148/QĐ-TTg: district People's Committees recognise 3★ from this date. */
const DISTRICT_LEVEL_FROM = '2023-02-24';
/** The ministry became "Bộ Nông nghiệp và Môi trường" (ocop.md §6). */
const MINISTRY_RENAMED_FROM = '2025-03-01';
/** Merged provinces operate and districts are gone (Resolution 202/2025/QH15, Constitution Art. 110). */
export const MERGER_FROM = '2025-07-01';
/** Where a decision must predate the merger whatever `now` is, it is pulled back to this day. */
const LAST_PRE_MERGER_DECISION = '2025-06-18';
/** Huế became a centrally-run city; before that its issuer was "UBND tỉnh Thừa Thiên Huế". */
const HUE_CITY_FROM = '2025-01-01';
const CENTRAL_CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'TP. Hồ Chí Minh', 'Huế']);

/** Score bands of Decision 148 (ocop.md §5); demo scores sit inside them, away from the edges. */
const SCORE_BANDS: Record<number, [number, number]> = { 1: [15, 28], 2: [36, 48], 3: [52, 68], 4: [71, 88], 5: [90, 97] };

export type Issuer = Pick<Certificate, 'issuingLevel' | 'issuingAuthority' | 'issuerProvinceLegacyName' | 'issuerProvinceCode2025'> & {
  decisionSuffix: string;
};

/** The decision date of a demo certificate: relative to today, so the demo never ages out. */
export function decisionDateFor(spec: DemoCertificateSpec, today: string, salt: string): string {
  const jitter = spec.exact ? 0 : stableInt(`${salt}#day`, 0, 20);
  const date = shiftIsoDate(today, { months: -spec.monthsAgo, days: -jitter });
  return spec.beforeMerger && date >= MERGER_FROM ? LAST_PRE_MERGER_DECISION : date;
}

/**
 * Who signs a certificate of `stars` on `decisionDate` for this producer (ocop.md §6, §14.5):
 * 5★ the ministry; before the merger the old province (4★) or the old district (3★ under 148);
 * after it the 2025 province. The authority is written the way the decision itself names it.
 */
export function issuerFor(stars: number, decisionDate: string, producer: DemoProducerSpec): Issuer {
  if (stars === 5) {
    return decisionDate >= MINISTRY_RENAMED_FROM
      ? { issuingLevel: 'central', issuingAuthority: 'Bộ Nông nghiệp và Môi trường', decisionSuffix: 'QĐ-BNNMT' }
      : { issuingLevel: 'central', issuingAuthority: 'Bộ Nông nghiệp và Phát triển nông thôn', decisionSuffix: 'QĐ-BNN-VPĐP' };
  }
  const province2025 = provinceByCode(producer.provinceCode);
  if (!province2025) throw new Error(`Demo producer ${producer.key}: unknown province ${producer.provinceCode}`);
  if (decisionDate >= MERGER_FROM) {
    return {
      issuingLevel: 'province',
      issuingAuthority: `UBND ${provinceLabel(province2025)}`,
      issuerProvinceCode2025: province2025.code,
      decisionSuffix: 'QĐ-UBND',
    };
  }
  const legacyName = producer.legacyProvince === 'Huế' && decisionDate < HUE_CITY_FROM ? 'Thừa Thiên Huế' : producer.legacyProvince;
  if (provinceForName(legacyName)?.code !== province2025.code) {
    throw new Error(`Demo producer ${producer.key}: ${legacyName} is not part of ${province2025.name}`);
  }
  const level: IssuingLevel = stars <= 3 && decisionDate >= DISTRICT_LEVEL_FROM ? 'district' : 'province';
  const authority =
    level === 'district'
      ? `UBND ${producer.legacyDistrict}`
      : `UBND ${CENTRAL_CITIES.has(legacyName) ? 'thành phố' : 'tỉnh'} ${legacyName}`;
  return {
    issuingLevel: level,
    issuingAuthority: authority,
    issuerProvinceLegacyName: legacyName,
    issuerProvinceCode2025: province2025.code,
    decisionSuffix: 'QĐ-UBND',
  };
}

export interface DemoCertificateInput {
  spec: DemoCertificateSpec;
  /** The product's name: salt for the stable numbers, so each certificate differs. */
  salt: string;
  /** Position in the catalogue: keeps certificate numbers unique. */
  serial: number;
  decisionDate: string;
  today: string;
  producer: DemoProducerSpec;
  producerId: string;
  productGroup: string;
  subgroup: string;
}

export type DemoCertificate = Certificate & { demo: true };

export function buildCertificate(input: DemoCertificateInput): DemoCertificate {
  const { spec, salt, decisionDate } = input;
  const { decisionSuffix, ...issuer } = issuerFor(spec.stars, decisionDate, input.producer);
  const [low, high] = SCORE_BANDS[spec.stars] as [number, number];
  const expiresOn = certificateExpiresOn(decisionDate);
  const year = decisionDate.slice(0, 4);
  const revoked = spec.revokedMonthsAgo !== undefined;
  const cert: DemoCertificate = {
    certificateNo: `OCOP-${issuer.issuerProvinceCode2025 ?? 'TW'}-${year}-${stableInt(`${salt}#no`, 10, 89)}${String(input.serial).padStart(2, '0')}`,
    decisionNo: `${stableInt(`${salt}#qd`, issuer.issuingLevel === 'district' ? 120 : 300, issuer.issuingLevel === 'district' ? 2900 : 4800)}/${decisionSuffix}`,
    decisionDate,
    ...withoutUndefined(issuer),
    stars: spec.stars,
    score: stableInt(`${salt}#score`, low, high),
    productGroup: input.productGroup,
    subgroup: input.subgroup,
    subjectId: input.producerId,
    status: revoked ? 'revoked' : 'active',
    expiresOn,
    expiresAt: certificateExpiresAt(expiresOn),
    demo: true,
    // As the registry records one: officers change it on top of this revision (registry-store.ts).
    revision: 1,
  };
  if (revoked) {
    cert.revokedOn = shiftIsoDate(input.today, { months: -(spec.revokedMonthsAgo ?? 0) });
    cert.revocationDecisionNo = `${stableInt(`${salt}#thuhoi`, 1500, 3900)}/QĐ-UBND`;
  }
  return cert;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
