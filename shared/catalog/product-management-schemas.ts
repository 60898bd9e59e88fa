import { z } from '@hono/zod-openapi';
import { groupCodes, subgroupByCode, subgroupCodes } from '../reference/taxonomy';
import { ImageSchema } from './product';

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
  images: z.array(ImageSchema).max(12),
};

/** A subgroup belongs to exactly one group; a mismatched pair would file the product wrongly. */
const subgroupInGroup = (v: { group?: string | undefined; subgroup?: string | undefined }) =>
  v.group === undefined || v.subgroup === undefined || subgroupByCode(v.subgroup)?.group.code === v.group;
const subgroupIssue = { message: 'Phân nhóm không thuộc nhóm đã chọn', path: ['subgroup'] };

/** Strict: `producerId`, `status`, `certificate` and the like are not the body's to set. */
export const NewProductSchema = z
  .object({ ...fields, description: fields.description.default(''), stock: fields.stock.default(0), tags: fields.tags.default([]), images: fields.images.default([]) })
  .strict()
  .refine(subgroupInGroup, subgroupIssue)
  .openapi('NewProduct');
export type NewProduct = z.infer<typeof NewProductSchema>;

export const ProductPatchSchema = z
  .object({
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
    /** Publishing (draft → active) and back; archiving has its own route. */
    status: z.enum(['draft', 'active']).optional(),
    expectedUpdatedAt: z.iso.datetime().optional().openapi({ description: '409 if the product changed since' }),
  } as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  } & { status: z.ZodOptional<z.ZodEnum<{ draft: 'draft'; active: 'active' }>>; expectedUpdatedAt: z.ZodOptional<z.ZodISODateTime> })
  .strict()
  .refine(subgroupInGroup, subgroupIssue)
  .openapi('ProductPatch');
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

export const StockBodySchema = z.object({ stock: fields.stock }).strict().openapi('StockLevel');
export const CertificateLinkSchema = z.object({ certificateNo: z.string().trim().min(1).max(80) }).strict().openapi('CertificateLink');
