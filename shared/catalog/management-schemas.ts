import { z } from '@hono/zod-openapi';
import { groupCodes, subgroupByCode, subgroupCodes } from '../reference/taxonomy';
import { ProductImageInputSchema } from '../media/product-image-input';
import { VariantListSchema } from './variants';

const vnd = z.number().int('Giá là số nguyên đồng').min(0).max(1_000_000_000);

const fields = {
  name: z.string().trim().min(1, 'Nhập tên sản phẩm').max(200),
  description: z.string().max(8000),
  group: z.enum(groupCodes, 'Nhóm sản phẩm không hợp lệ'),
  subgroup: z.enum(subgroupCodes, 'Phân nhóm không hợp lệ'),
  priceVnd: vnd,
  unit: z.string().trim().min(1, 'Nhập đơn vị bán').max(60),
  stock: z.number().int('Tồn kho là số nguyên').min(0).max(10_000_000),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  images: z.array(ProductImageInputSchema).max(12),
};

/** A subgroup belongs to exactly one group; a mismatched pair would file the product wrongly. */
const subgroupInGroup = (v: { group?: string | undefined; subgroup?: string | undefined }) =>
  v.group === undefined || v.subgroup === undefined || subgroupByCode(v.subgroup)?.group.code === v.group;
const subgroupIssue = { message: 'Phân nhóm không thuộc nhóm đã chọn', path: ['subgroup'] };

/** With variants, price, unit and stock are derived from them (variants.ts): the body may not type them too. */
const derivedFields = ['priceVnd', 'unit', 'stock'] as const;
function noSummaryBesideVariants(v: { variants?: unknown; priceVnd?: unknown; unit?: unknown; stock?: unknown }, ctx: z.RefinementCtx): void {
  if (!Array.isArray(v.variants)) return;
  for (const k of derivedFields) {
    if (v[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `Sản phẩm có phân loại: ${k} được tính từ các phân loại, không nhập riêng` });
  }
}

/** Strict: `producerId`, `status`, `certificate` and the like are not the body's to set. */
export const NewProductSchema = z
  .object({
    ...fields,
    description: fields.description.default(''),
    priceVnd: fields.priceVnd.optional().openapi({ description: 'Required without variants; omitted with them (derived)' }),
    unit: fields.unit.optional().openapi({ description: 'Required without variants; omitted with them (derived)' }),
    stock: fields.stock.optional().openapi({ description: 'Default 0 without variants; omitted with them (derived)' }),
    tags: fields.tags.default([]),
    images: fields.images.default([]),
    variants: VariantListSchema.optional(),
  })
  .strict()
  .refine(subgroupInGroup, subgroupIssue)
  .superRefine((v, ctx) => {
    noSummaryBesideVariants(v, ctx);
    if (v.variants) return;
    if (v.priceVnd === undefined) ctx.addIssue({ code: 'custom', path: ['priceVnd'], message: 'Nhập giá (hoặc các phân loại)' });
    if (v.unit === undefined) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Nhập đơn vị bán (hoặc các phân loại)' });
  })
  .openapi('NewProduct');
export type NewProduct = z.infer<typeof NewProductSchema>;

export const ProductPatchSchema = z
  .object({
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
    /** Publishing (draft → active) and back; archiving has its own route. */
    status: z.enum(['draft', 'active']).optional(),
    expectedUpdatedAt: z.iso.datetime().optional().openapi({ description: '409 if the product changed since' }),
    variants: VariantListSchema.nullable()
      .optional()
      .openapi({ description: 'Replaces the whole list (send ids to keep them); null removes the variants (price, unit and stock stay as last derived unless given)' }),
  } as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  } & {
    status: z.ZodOptional<z.ZodEnum<{ draft: 'draft'; active: 'active' }>>;
    expectedUpdatedAt: z.ZodOptional<z.ZodISODateTime>;
    variants: z.ZodOptional<z.ZodNullable<typeof VariantListSchema>>;
  })
  .strict()
  .refine(subgroupInGroup, subgroupIssue)
  .superRefine(noSummaryBesideVariants)
  .openapi('ProductPatch');
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

export const StockBodySchema = z.object({ stock: fields.stock }).strict().openapi('StockLevel');
export const CertificateLinkSchema = z.object({ certificateNo: z.string().trim().min(1).max(80) }).strict().openapi('CertificateLink');
