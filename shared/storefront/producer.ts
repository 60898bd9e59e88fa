import { z } from '@hono/zod-openapi';
import { ImageSchema } from '../media/image-record';
import { BankAccountSchema } from '../payments/bank-account';
import { provinceCodes } from '../reference/provinces';

/** Legal forms an OCOP subject may have (ocop.md §2, §14.8). */
export const legalForms = ['enterprise', 'cooperative', 'cooperative_group', 'household_business'] as const;
export type LegalForm = (typeof legalForms)[number];

export const legalFormLabels: Record<LegalForm, string> = {
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household_business: 'Hộ kinh doanh',
};

/** An OCOP subject and its storefront. Address has no district: abolished on 01/07/2025. */
export const ProducerSchema = z
  .object({
    id: z.string(),
    name: z.string().min(1).max(160),
    legalForm: z.enum(legalForms),
    taxCode: z.string().regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế có 10 chữ số (hoặc 10-3)'),
    provinceCode: z.enum(provinceCodes),
    commune: z.string().min(1).max(120).openapi({ description: 'Xã / phường / đặc khu (2025)' }),
    addressLine: z.string().max(200).optional(),
    story: z.string().max(4000),
    phone: z.string().regex(/^\+84\d{9}$/).openapi({ description: 'E.164' }),
    email: z.email().optional(),
    logoKey: z.string().optional(),
    bannerKey: z.string().optional(),
    /** The pipeline's record for logoKey / bannerKey (sizes, widths: srcset), set by the dashboard's upload forms. */
    logo: ImageSchema.optional(),
    banner: ImageSchema.optional(),
    /** Integer VND; absent means "agreed with the buyer" (older storefronts). */
    shippingFeeVnd: z.number().int().min(0).max(10_000_000).optional(),
    freeShippingThresholdVnd: z.number().int().min(0).max(1_000_000_000).optional(),
    /** Where buyers pay by VietQR transfer. Private: shown on an order's payment page only, never on public views (publicProducer). */
    bank: BankAccountSchema.optional(),
    createdAt: z.iso.datetime(),
    /** Optimistic-concurrency token of storefront edits; absent on storefronts never edited. */
    updatedAt: z.iso.datetime().optional(),
    demo: z.boolean().optional(),
  })
  .openapi('Producer');
export type Producer = z.infer<typeof ProducerSchema>;

/** Fields no public view shows: the tax code, and the bank account (only an order's payment page shows it). */
export type PublicProducer = Omit<Producer, 'taxCode' | 'bank'>;

/** The storefront as anyone may see it (public API, storefront page). */
export function publicProducer(producer: Producer): PublicProducer {
  const { taxCode: _taxCode, bank: _bank, ...rest } = producer;
  return rest;
}
