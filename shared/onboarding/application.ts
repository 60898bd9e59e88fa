import { z } from '@hono/zod-openapi';
import { PhoneSchema } from '../identity/phone';
import { provinceCodes } from '../reference/provinces';
import { legalForms } from '../storefront/producer';

export const applicationStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What an applicant types. Address has no district: abolished on 01/07/2025 (ocop.md §14.10). */
export const ApplicationInputSchema = z
  .object({
    subjectType: z.enum(legalForms, 'Loại hình chủ thể không hợp lệ'),
    legalName: z.string().trim().min(1, 'Nhập tên chủ thể').max(160),
    taxCode: z.string().trim().regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế / mã đăng ký có 10 chữ số (hoặc 10-3)'),
    provinceCode: z.enum(provinceCodes, 'Chọn tỉnh, thành phố (2025)'),
    commune: z.string().trim().min(1, 'Nhập xã, phường hoặc đặc khu').max(120),
    addressLine: z.string().trim().min(1, 'Nhập địa chỉ').max(200),
    phone: PhoneSchema,
    email: z.email('Email không hợp lệ').max(254),
    story: z.string().max(4000, 'Tối đa 4000 ký tự').default(''),
  })
  .openapi('StorefrontApplicationInput');
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

export const ApplicationSchema = ApplicationInputSchema.extend({
  id: z.string(),
  accountId: z.string(),
  status: z.enum(applicationStatuses),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  decidedBy: z.string().optional(),
  decisionReason: z.string().optional(),
  producerId: z.string().optional().openapi({ description: 'Set on approval' }),
}).openapi('StorefrontApplication');
export type Application = z.infer<typeof ApplicationSchema>;

export const decisions = ['submitted', 'approved', 'rejected'] as const;
export type Decision = (typeof decisions)[number];

/** One line of the append-only audit trail of an application. */
export interface ApplicationAudit {
  applicationId: string;
  decision: Decision;
  by: string;
  at: string;
  reason?: string | undefined;
}

export const RejectBodySchema = z
  .object({ reason: z.string().trim().min(5, 'Nêu lý do từ chối (ít nhất 5 ký tự)').max(1000) })
  .openapi('RejectApplication');

export const ApproveBodySchema = z
  .object({ note: z.string().trim().max(1000).optional() })
  .openapi('ApproveApplication');
