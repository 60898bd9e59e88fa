import { z } from '@hono/zod-openapi';
import type { Principal } from '../identity/principal';
import { CertificateSchema, type Certificate } from './certificate';
import { ulid } from './ulid';

/** `evidence`: the scanned decision was attached or replaced (nothing the buyer sees changes). */
export const auditActions = ['record', 'revoke', 'downgrade', 'renew', 'evidence'] as const;
export type AuditAction = (typeof auditActions)[number];

export const AuditEntrySchema = z
  .object({
    certificateNo: z.string(),
    at: z.iso.datetime(),
    action: z.enum(auditActions),
    actor: z.object({
      accountId: z.string(),
      role: z.enum(['officer', 'admin']),
      provinceCode: z.string().optional(),
      /** The name at the time of the change: an audit trail must not change when an account is renamed. */
      displayName: z.string().optional(),
    }),
    reason: z.string().optional(),
    before: CertificateSchema.nullable(),
    after: CertificateSchema,
  })
  .openapi('CertificateAuditEntry');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const auditPartition = (certificateNo: string) => `AUDIT#CERT#${certificateNo}`;

/** One audit item: time first so a Query on the partition reads the history in order. */
export function auditItem(entry: AuditEntry) {
  return { PK: auditPartition(entry.certificateNo), SK: `${entry.at}#${ulid(new Date(entry.at))}`, type: 'CertificateAudit', ...entry };
}

export function actorOf(principal: Extract<Principal, { role: 'officer' | 'admin' }>): AuditEntry['actor'] {
  const name = principal.displayName ? { displayName: principal.displayName } : {};
  return principal.role === 'officer'
    ? { accountId: principal.accountId, role: 'officer', provinceCode: principal.provinceCode, ...name }
    : { accountId: principal.accountId, role: 'admin', ...name };
}

export function auditEntry(input: {
  action: AuditAction;
  at: Date;
  actor: AuditEntry['actor'];
  before: Certificate | undefined;
  after: Certificate;
  reason?: string | undefined;
}): AuditEntry {
  return {
    certificateNo: input.after.certificateNo,
    at: input.at.toISOString(),
    action: input.action,
    actor: input.actor,
    ...(input.reason ? { reason: input.reason } : {}),
    before: input.before ?? null,
    after: input.after,
  };
}
