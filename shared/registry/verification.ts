import { z } from '@hono/zod-openapi';
import type { Product } from '../catalog/product';
import { checkListingGate, MIN_LISTED_STARS } from '../catalog/gate';
import { issuingLevelLabels } from '../catalog/product-view';
import { issuerLabel, provinceLabelByCode } from '../reference/labels';
import type { Producer } from '../storefront/producer';
import type { Certificate } from './certificate';

export const verificationStates = ['valid', 'expired', 'revoked', 'superseded', 'below_three_stars'] as const;
export type VerificationState = (typeof verificationStates)[number];

export const verificationStateLabels: Record<VerificationState, string> = {
  valid: 'Còn hiệu lực',
  expired: 'Hết hạn',
  revoked: 'Đã thu hồi',
  superseded: 'Đã được thay thế',
  below_three_stars: 'Chưa đạt OCOP (dưới 3 sao)',
};

export const VerificationSchema = z
  .object({
    certificateNo: z.string(),
    state: z.enum(verificationStates),
    stateLabel: z.string(),
    valid: z.boolean().openapi({ description: 'True only for an active ≥3★ certificate not expired at the time of the request' }),
    stars: z.number().int(),
    score: z.number().optional(),
    decisionNo: z.string(),
    decisionDate: z.string(),
    issuingLevel: z.string(),
    issuingLevelLabel: z.string(),
    issuingAuthority: z.string().openapi({ description: 'Verbatim, as on the decision' }),
    issuer: z.string().openapi({ example: 'UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)' }),
    expiresOn: z.string(),
    expiresAt: z.iso.datetime(),
    revokedOn: z.string().optional(),
    revocationDecisionNo: z.string().optional(),
    producer: z.object({ id: z.string(), name: z.string(), commune: z.string(), province: z.string() }).optional(),
    products: z.array(z.object({ id: z.string(), name: z.string(), listed: z.boolean() })),
    checkedAt: z.iso.datetime(),
  })
  .openapi('CertificateVerification');
export type Verification = z.infer<typeof VerificationSchema>;

/** Evaluated at `now`, never stored: an expiry takes effect the second it passes, with no job. */
export function verificationState(cert: Pick<Certificate, 'status' | 'stars' | 'expiresAt'>, now: Date): VerificationState {
  if (cert.status === 'revoked') return 'revoked';
  if (cert.status === 'superseded') return 'superseded';
  if (cert.stars < MIN_LISTED_STARS) return 'below_three_stars';
  if (now.getTime() >= Date.parse(cert.expiresAt)) return 'expired';
  return 'valid';
}

export function verificationOf(cert: Certificate, producer: Producer | undefined, products: Product[], now: Date): Verification {
  const state = verificationState(cert, now);
  return {
    certificateNo: cert.certificateNo,
    state,
    stateLabel: verificationStateLabels[state],
    valid: state === 'valid',
    stars: cert.stars,
    ...(cert.score !== undefined ? { score: cert.score } : {}),
    decisionNo: cert.decisionNo,
    decisionDate: cert.decisionDate,
    issuingLevel: cert.issuingLevel,
    issuingLevelLabel: issuingLevelLabels[cert.issuingLevel],
    issuingAuthority: cert.issuingAuthority,
    issuer: issuerLabel(cert.issuingAuthority, cert.issuerProvinceLegacyName),
    expiresOn: cert.expiresOn,
    expiresAt: cert.expiresAt,
    ...(cert.revokedOn ? { revokedOn: cert.revokedOn } : {}),
    ...(cert.revocationDecisionNo ? { revocationDecisionNo: cert.revocationDecisionNo } : {}),
    ...(producer
      ? { producer: { id: producer.id, name: producer.name, commune: producer.commune, province: provinceLabelByCode(producer.provinceCode) } }
      : {}),
    products: products.map((p) => ({ id: p.id, name: p.name, listed: checkListingGate(p, now).listed })),
    checkedAt: now.toISOString(),
  };
}
