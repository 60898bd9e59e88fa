import { z } from '@hono/zod-openapi';
import { CertificateSnapshotSchema } from '../registry/certificate';
import { provinceCodes } from '../reference/provinces';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';
import { legalForms } from '../storefront/producer';
import { ImageSchema } from '../media/image-record';
import { highestVariantPrice, MAX_VARIANTS, VariantSchema, withVariantSummary } from './variants';

export const productStatuses = ['draft', 'active', 'archived'] as const;

export { ImageSchema, type Image } from '../media/image-record';

export const ProductSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string().min(1).max(200),
    description: z.string().max(8000),
    producerId: z.string(),
    producerName: z.string(),
    producerLegalForm: z.enum(legalForms),
    provinceCode: z.enum(provinceCodes).openapi({ description: 'Origin province, 2025 code (from the producer\'s current address)' }),
    commune: z.string(),
    group: z.enum(groupCodes),
    subgroup: z.enum(subgroupCodes),
    priceVnd: z.number().int().min(0).max(1_000_000_000).openapi({ description: 'Integer đồng; with variants, the lowest variant price (derived)' }),
    unit: z.string().min(1).max(60).openapi({ example: 'chai 500 ml', description: 'With variants, the label of the cheapest one (derived)' }),
    stock: z.number().int().min(0).openapi({ description: 'With variants, their sum (derived)' }),
    variants: z
      .array(VariantSchema)
      .min(1)
      .max(MAX_VARIANTS)
      .optional()
      .openapi({ description: 'Sizes sold separately, each with its own price and stock; absent for a single-price product' }),
    images: z.array(ImageSchema),
    tags: z.array(z.string()).default([]),
    status: z.enum(productStatuses),
    certificate: CertificateSnapshotSchema.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    demo: z.boolean().optional(),
  })
  .openapi('Product');
export type Product = z.infer<typeof ProductSchema>;

/** What a list or a card needs: denormalised onto each listing item so a page is one Query. */
export const ProductCardSchema = ProductSchema.pick({
  id: true,
  slug: true,
  name: true,
  producerId: true,
  producerName: true,
  provinceCode: true,
  group: true,
  subgroup: true,
  priceVnd: true,
  unit: true,
  createdAt: true,
  demo: true,
})
  .extend({
    stars: z.number().int().min(3).max(5),
    certificateNo: z.string(),
    expiresAt: z.iso.datetime(),
    image: ImageSchema.optional(),
    priceMaxVnd: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Present only when the variants differ in price: the highest; cards then show "từ <priceVnd>"' }),
  })
  .openapi('ProductCard');
export type ProductCard = z.infer<typeof ProductCardSchema>;

export function cardOf(stored: Product): ProductCard {
  // Derived here too, so listing items and search records agree with the variants whoever wrote the product.
  const product = withVariantSummary(stored);
  const cert = product.certificate;
  const priceMaxVnd = highestVariantPrice(product.variants);
  if (!cert) throw new Error(`Product ${product.id} has no certificate: it cannot be listed`);
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    producerId: product.producerId,
    producerName: product.producerName,
    provinceCode: product.provinceCode,
    group: product.group,
    subgroup: product.subgroup,
    priceVnd: product.priceVnd,
    unit: product.unit,
    createdAt: product.createdAt,
    stars: cert.stars,
    certificateNo: cert.certificateNo,
    expiresAt: cert.expiresAt,
    image: product.images[0],
    ...(priceMaxVnd !== undefined ? { priceMaxVnd } : {}),
    ...(product.demo ? { demo: true } : {}),
  };
}
