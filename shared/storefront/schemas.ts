import { z } from '@hono/zod-openapi';
import { PhoneSchema } from '../identity/phone';
import { BankAccountSchema } from '../payments/bank-account';

/**
 * Media keys come from the image pipeline (shared/media); here only their shape is checked: the
 * pipeline's `logos/<producer>/<uuid>` / `banners/<producer>/<uuid>`, or the older `media/…` form.
 */
export const MediaKeySchema = z
  .string()
  .regex(/^(media\/[a-z0-9][a-z0-9/_-]{2,150}|(logos|banners)\/[a-z0-9-]{3,80}\/[0-9a-f-]{36})$/, 'Mã ảnh không hợp lệ')
  .openapi({ example: 'media/producers/htx-mat-ong/logo-7f3a' });

const vnd = (max: number) => z.number().int('Số tiền là số nguyên đồng').min(0).max(max);

/**
 * What the owner may change. Strict: a field not listed (tax code, province, legal form: those go
 * through the officer) is refused, not silently dropped. `id`, when sent, must be the path's id.
 */
export const StorefrontPatchSchema = z
  .object({
    id: z.string().optional().openapi({ description: 'Refused unless it is the storefront in the path' }),
    expectedUpdatedAt: z.iso.datetime().optional().openapi({ description: 'updatedAt of the version edited; 409 if it changed since' }),
    name: z.string().trim().min(1, 'Nhập tên gian hàng').max(160).optional(),
    story: z.string().max(4000, 'Tối đa 4000 ký tự').optional().openapi({ description: 'Markdown; raw HTML is not rendered' }),
    phone: PhoneSchema.optional(),
    email: z.email('Email không hợp lệ').max(254).optional(),
    addressLine: z.string().trim().max(200).optional(),
    shippingFeeVnd: vnd(10_000_000).optional(),
    freeShippingThresholdVnd: vnd(1_000_000_000).optional(),
    logoKey: MediaKeySchema.optional(),
    bannerKey: MediaKeySchema.optional(),
    bank: BankAccountSchema.nullable()
      .optional()
      .openapi({ description: 'Where buyers pay by VietQR transfer (a bank of the NAPAS list); null removes it. Never shown on the public storefront' }),
  })
  .strict()
  .openapi('StorefrontPatch');
export type StorefrontPatch = z.infer<typeof StorefrontPatchSchema>;
