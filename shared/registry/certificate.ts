import { z } from '@hono/zod-openapi';
import { provinceCodes } from '../reference/provinces';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';

export const issuingLevels = ['district', 'province', 'central'] as const;
export type IssuingLevel = (typeof issuingLevels)[number];
export const certificateStatuses = ['active', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');

/**
 * An OCOP evaluation result as recorded in the registry. Stars 1–2 are results, not certificates:
 * they never open the listing gate. `expiresOn`/`expiresAt` are derived from `decisionDate`.
 */
export const CertificateSchema = z
  .object({
    certificateNo: z.string().min(1).max(80),
    decisionNo: z.string().min(1).max(80).openapi({ example: '1234/QĐ-UBND' }),
    decisionDate: isoDate,
    issuingLevel: z.enum(issuingLevels),
    issuingAuthority: z.string().min(1).max(200).openapi({ example: 'UBND tỉnh Trà Vinh' }),
    issuerProvinceLegacyName: z.string().max(80).optional(),
    issuerProvinceCode2025: z.enum(provinceCodes).optional(),
    stars: z.number().int().min(1).max(5),
    score: z.number().min(0).max(100).multipleOf(0.1).optional(),
    productGroup: z.enum(groupCodes),
    subgroup: z.enum(subgroupCodes),
    subjectId: z.string().min(1),
    productId: z.string().optional().openapi({ description: 'The product this result was recorded for (officer recording)' }),
    status: z.enum(certificateStatuses),
    revokedOn: isoDate.optional(),
    revocationDecisionNo: z.string().max(80).optional(),
    expiresOn: isoDate,
    expiresAt: z.iso.datetime(),
    demo: z.boolean().optional(),
    /** The scanned decision (PDF/JPEG/PNG) in the media store; officers and admins only (registry-evidence.ts). */
    evidence: z
      .object({
        key: z.string(),
        contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
        bytes: z.number().int().min(1),
        fileName: z.string().max(200),
        uploadedAt: z.iso.datetime(),
      })
      .optional(),
    /** Bumped on every registry change; the optimistic-concurrency token of the certificate item. */
    revision: z.number().int().min(1).optional(),
    updatedAt: z.iso.datetime().optional(),
  })
  .openapi('Certificate');
export type Certificate = z.infer<typeof CertificateSchema>;

/** What a product carries of its certificate, so a listing or a product page reads one item. */
export const CertificateSnapshotSchema = CertificateSchema.pick({
  certificateNo: true,
  decisionNo: true,
  decisionDate: true,
  issuingLevel: true,
  issuingAuthority: true,
  issuerProvinceLegacyName: true,
  issuerProvinceCode2025: true,
  stars: true,
  score: true,
  status: true,
  expiresOn: true,
  expiresAt: true,
}).openapi('CertificateSnapshot');
export type CertificateSnapshot = z.infer<typeof CertificateSnapshotSchema>;

export function snapshotOf(cert: Certificate): CertificateSnapshot {
  const {
    productGroup: _g,
    subgroup: _s,
    subjectId: _subj,
    productId: _p,
    revokedOn: _r,
    revocationDecisionNo: _rd,
    demo: _demo,
    evidence: _evidence,
    revision: _rev,
    updatedAt: _u,
    ...snapshot
  } = cert;
  return snapshot;
}
