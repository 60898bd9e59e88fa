import type { AuditAction } from './audit';
import type { Certificate } from './certificate';

/**
 * "Certificates of a province", newest decision first, without a Scan: one small index item per
 * certificate under `CERTS#P#<subject's province>`, sorted by `<decisionDate>#<no>`.
 *
 * Keyed on the SUBJECT's province (producer.provinceCode), not on the issuer's: that is the province
 * whose officer may act on it (registry-scope.ts), and a 5★ central decision has no issuer province.
 * It is written in the same TransactWriteItems as the certificate (registry-store.ts commit,
 * certificate-store.ts createCertificate), so it cannot drift from it; a renewal moves it (new
 * decision date), every other change overwrites it in place.
 */
export const provinceCertificatesPartition = (provinceCode: string) => `CERTS#P#${provinceCode}`;
export const provinceCertificateSortKey = (cert: Pick<Certificate, 'decisionDate' | 'certificateNo'>) => `${cert.decisionDate}#${cert.certificateNo}`;

/** What a list row needs; names are read fresh at request time (a storefront can be renamed). */
export interface CertificateIndexItem {
  PK: string;
  SK: string;
  type: 'CertificateIndex';
  certificateNo: string;
  provinceCode: string;
  subjectId: string;
  productId?: string | undefined;
  stars: number;
  status: Certificate['status'];
  decisionNo: string;
  decisionDate: string;
  issuingLevel: Certificate['issuingLevel'];
  expiresOn: string;
  expiresAt: string;
  /** The change that produced this version: lets the list say "đã hạ hạng" without reading the audit trail. */
  lastAction: AuditAction;
  updatedAt?: string | undefined;
  demo?: boolean | undefined;
}

export type CertificateIndexEntry = Omit<CertificateIndexItem, 'PK' | 'SK' | 'type'>;

export function certificateIndexKey(cert: Pick<Certificate, 'decisionDate' | 'certificateNo'>, provinceCode: string) {
  return { PK: provinceCertificatesPartition(provinceCode), SK: provinceCertificateSortKey(cert) };
}

export function certificateIndexItem(cert: Certificate, provinceCode: string, lastAction: AuditAction): CertificateIndexItem {
  return {
    ...certificateIndexKey(cert, provinceCode),
    type: 'CertificateIndex',
    certificateNo: cert.certificateNo,
    provinceCode,
    subjectId: cert.subjectId,
    ...(cert.productId ? { productId: cert.productId } : {}),
    stars: cert.stars,
    status: cert.status,
    decisionNo: cert.decisionNo,
    decisionDate: cert.decisionDate,
    issuingLevel: cert.issuingLevel,
    expiresOn: cert.expiresOn,
    expiresAt: cert.expiresAt,
    lastAction,
    ...(cert.updatedAt ? { updatedAt: cert.updatedAt } : {}),
    ...(cert.demo ? { demo: true } : {}),
  };
}

/**
 * The index writes that take `before` to `after`: always put the new item; delete the old one when
 * its key moved (a renewal changes the decision date). A subject's province is fixed once the
 * storefront exists (only an officer could change it, and no flow does yet), so `before` and
 * `after` share the partition; a future "move subject" flow must move these items too.
 */
export function certificateIndexWrites(
  before: Certificate | undefined,
  after: Certificate,
  provinceCode: string,
  lastAction: AuditAction,
): { put: CertificateIndexItem; delete?: { PK: string; SK: string } } {
  const put = certificateIndexItem(after, provinceCode, lastAction);
  const old = before ? certificateIndexKey(before, provinceCode) : undefined;
  return old && (old.PK !== put.PK || old.SK !== put.SK) ? { put, delete: old } : { put };
}
