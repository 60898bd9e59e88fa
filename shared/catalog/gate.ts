import type { CertificateSnapshot } from '../registry/certificate';

export const MIN_LISTED_STARS = 3;

export type GateReason =
  | 'PRODUCT_NOT_ACTIVE'
  | 'NO_CERTIFICATE'
  | 'BELOW_THREE_STARS'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_SUPERSEDED'
  | 'CERTIFICATE_EXPIRED';

export type GateResult = { listed: true } | { listed: false; reason: GateReason };

export interface GateInput {
  status: 'active' | 'draft' | 'archived';
  certificate?: Pick<CertificateSnapshot, 'stars' | 'status' | 'expiresAt'> | undefined;
}

/**
 * The product's identity rule: visible and sellable only while it has an active certificate with
 * ≥ 3★ that has not expired *at this instant*. No job has to run for an expiry to take effect.
 */
export function checkListingGate(product: GateInput, now: Date): GateResult {
  if (product.status !== 'active') return { listed: false, reason: 'PRODUCT_NOT_ACTIVE' };
  const cert = product.certificate;
  if (!cert) return { listed: false, reason: 'NO_CERTIFICATE' };
  if (cert.status === 'revoked') return { listed: false, reason: 'CERTIFICATE_REVOKED' };
  if (cert.status === 'superseded') return { listed: false, reason: 'CERTIFICATE_SUPERSEDED' };
  if (cert.stars < MIN_LISTED_STARS) return { listed: false, reason: 'BELOW_THREE_STARS' };
  if (now.getTime() >= Date.parse(cert.expiresAt)) return { listed: false, reason: 'CERTIFICATE_EXPIRED' };
  return { listed: true };
}

/** Whether a product may have listing items at all; expiry alone is left to query time. */
export function isListable(product: GateInput): boolean {
  const cert = product.certificate;
  return product.status === 'active' && cert !== undefined && cert.status === 'active' && cert.stars >= MIN_LISTED_STARS;
}

export const gateReasonMessages: Record<GateReason, string> = {
  PRODUCT_NOT_ACTIVE: 'Sản phẩm đã ngừng bán',
  NO_CERTIFICATE: 'Sản phẩm chưa có chứng nhận OCOP',
  BELOW_THREE_STARS: 'Sản phẩm chưa đạt OCOP 3 sao',
  CERTIFICATE_REVOKED: 'Chứng nhận OCOP của sản phẩm đã bị thu hồi',
  CERTIFICATE_SUPERSEDED: 'Chứng nhận OCOP của sản phẩm đã được thay thế',
  CERTIFICATE_EXPIRED: 'Chứng nhận OCOP của sản phẩm đã hết hạn',
};
