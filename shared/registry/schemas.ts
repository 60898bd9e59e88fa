import { z } from '@hono/zod-openapi';
import { CertificateSchema } from './certificate';
import { AuditEntrySchema } from './audit';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');
const reason = z.string().trim().min(3).max(1000);

/** Strict: `expiresOn`, `status` or `revision` sent by a client is an error, not silently used. */
export const RecordCertificateBodySchema = CertificateSchema.pick({
  certificateNo: true,
  decisionNo: true,
  decisionDate: true,
  stars: true,
  score: true,
  issuingLevel: true,
  issuingAuthority: true,
  issuerProvinceLegacyName: true,
  issuerProvinceCode2025: true,
  productGroup: true,
  subgroup: true,
  subjectId: true,
})
  .extend({ productId: z.string().min(1).max(80) })
  .strict()
  .openapi('RecordCertificateBody');
export type RecordCertificateBody = z.infer<typeof RecordCertificateBodySchema>;

export const RevokeBodySchema = z
  .object({ revocationDecisionNo: z.string().trim().min(1).max(80), revokedOn: isoDate, reason })
  .strict()
  .openapi('RevokeCertificateBody');
export type RevokeBody = z.infer<typeof RevokeBodySchema>;

export const DowngradeBodySchema = z
  .object({
    stars: z.number().int().min(1).max(4),
    decisionNo: z.string().trim().min(1).max(80).openapi({ description: 'The decision that re-rated the product' }),
    score: z.number().min(0).max(100).multipleOf(0.1).optional(),
    reason,
  })
  .strict()
  .openapi('DowngradeCertificateBody');
export type DowngradeBody = z.infer<typeof DowngradeBodySchema>;

export const RenewBodySchema = z
  .object({
    decisionNo: z.string().trim().min(1).max(80),
    decisionDate: isoDate.openapi({ description: 'Date of the re-evaluation decision; expiry is derived from it' }),
    stars: z.number().int().min(1).max(5).optional().openapi({ description: 'Defaults to the current star' }),
    score: z.number().min(0).max(100).multipleOf(0.1).optional(),
    reason: reason.optional(),
  })
  .strict()
  .openapi('RenewCertificateBody');
export type RenewBody = z.infer<typeof RenewBodySchema>;

export const CertificateNoParamSchema = z.object({
  no: z.string().min(1).max(80).openapi({ param: { name: 'no', in: 'path' }, example: '86-2025-0042' }),
});

export const FindingSchema = z
  .object({ severity: z.enum(['warning', 'error']), code: z.string(), message: z.string() })
  .openapi('IssuerFinding');

export const RegistryResultSchema = z
  .object({
    certificate: CertificateSchema,
    warnings: z.array(FindingSchema),
    productListed: z.boolean().openapi({ description: 'Whether the product passes the listing gate after this change' }),
  })
  .openapi('RegistryResult');

export const AuditTrailSchema = z.object({ items: z.array(AuditEntrySchema) }).openapi('CertificateAuditTrail');
