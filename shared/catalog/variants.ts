import { z } from '@hono/zod-openapi';
import { slugify } from '../text/fold';

/**
 * Variants: one product sold in several sizes ("chai 500 ml" / "chai 1 lít"), each with its own
 * price and stock. The product keeps `priceVnd`, `unit` and `stock` as a summary derived here and
 * nowhere else (`variantSummary`), so listings, the byPrice index, cards, search and the API read
 * one product the same way whether it has variants or not. A product without variants is unchanged.
 */

export const MAX_VARIANTS = 20;
const MAX_VARIANT_ID = 40;

/** Short, stable within its product, safe in a URL path: "chai-500-ml", "1l". */
export const VariantIdSchema = z
  .string()
  .max(MAX_VARIANT_ID)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Mã phân loại chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
  .openapi({ example: 'chai-500-ml' });

const vnd = z.number().int('Giá là số nguyên đồng').min(0).max(1_000_000_000);
const stockLevel = z.number().int('Tồn kho là số nguyên').min(0).max(10_000_000);

/** A variant as stored and answered. */
export const VariantSchema = z
  .object({
    id: VariantIdSchema,
    label: z.string().min(1).max(60).openapi({ example: 'chai 500 ml' }),
    priceVnd: vnd.openapi({ description: 'Integer đồng' }),
    stock: stockLevel,
    sku: z.string().min(1).max(64).optional(),
  })
  .openapi('ProductVariant');
export type Variant = z.infer<typeof VariantSchema>;

/** A variant as a body gives it: without `id`, the id is the label's slug ("Chai 1 lít" → "chai-1-lit"). */
export const VariantInputSchema = z
  .object({
    id: VariantIdSchema.optional().openapi({ description: 'Keep it to keep the variant stable; default: the slug of the label' }),
    label: z.string().trim().min(1, 'Nhập tên phân loại').max(60),
    priceVnd: vnd,
    stock: stockLevel.default(0),
    sku: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .openapi('ProductVariantInput');
export type VariantInput = z.infer<typeof VariantInputSchema>;

export function variantIdOf(v: { id?: string | undefined; label: string }): string {
  return v.id ?? slugify(v.label).slice(0, MAX_VARIANT_ID).replace(/-+$/, '');
}

/** "Chai 500 ml" and "chai  500 ml" are the same label to a shopper. */
const labelKey = (label: string) => label.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Every id, label and SKU appears once; ids derived from labels are checked too. */
export const VariantListSchema = z
  .array(VariantInputSchema)
  .min(1, 'Cần ít nhất một phân loại (hoặc bỏ trường variants)')
  .max(MAX_VARIANTS, `Tối đa ${MAX_VARIANTS} phân loại`)
  .superRefine((list, ctx) => {
    const seen = { id: new Set<string>(), label: new Set<string>(), sku: new Set<string>() };
    list.forEach((v, i) => {
      const id = variantIdOf(v);
      if (!id) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'Tên phân loại không tạo được mã: nhập mã (id)' });
      else if (seen.id.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Mã phân loại "${id}" bị trùng` });
      seen.id.add(id);
      const label = labelKey(v.label);
      if (seen.label.has(label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `Phân loại "${v.label}" bị trùng` });
      seen.label.add(label);
      if (v.sku !== undefined) {
        if (seen.sku.has(v.sku)) ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: `SKU "${v.sku}" bị trùng` });
        seen.sku.add(v.sku);
      }
    });
  })
  .openapi({ description: `1–${MAX_VARIANTS} sizes, each with its own price and stock; ids, labels and SKUs unique` });

/** Input → stored variants (ids filled in). The list schema has already refused duplicates. */
export function normaliseVariants(list: readonly VariantInput[]): Variant[] {
  return list.map((v) => ({ id: variantIdOf(v), label: v.label, priceVnd: v.priceVnd, stock: v.stock, ...(v.sku !== undefined ? { sku: v.sku } : {}) }));
}

export interface VariantSummary {
  /** The lowest variant price: what lists sort by and cards show ("từ …"). */
  priceVnd: number;
  /** The label of that cheapest variant (the first one listed on a tie), so "120.000 ₫ / chai 500 ml" stays true. */
  unit: string;
  /** The sum over variants. */
  stock: number;
}

/** THE derivation: every write path gets the product's price, unit and stock from here. */
export function variantSummary(variants: readonly Variant[]): VariantSummary {
  const [first, ...rest] = variants;
  if (!first) throw new RangeError('variantSummary needs at least one variant');
  let cheapest = first;
  let stock = first.stock;
  for (const v of rest) {
    if (v.priceVnd < cheapest.priceVnd) cheapest = v;
    stock += v.stock;
  }
  return { priceVnd: cheapest.priceVnd, unit: cheapest.label, stock };
}

interface Priced {
  priceVnd: number;
  unit: string;
  stock: number;
  variants?: Variant[] | undefined;
}

/**
 * The product with its summary fields derived from its variants. Without variants (absent or an
 * empty list) the product is returned as it is, minus an empty `variants`: it behaves as before.
 */
export function withVariantSummary<T extends Priced>(product: T): T {
  if (!product.variants || product.variants.length === 0) {
    if (!('variants' in product)) return product;
    const { variants: _v, ...rest } = product;
    return rest as T;
  }
  return { ...product, ...variantSummary(product.variants) };
}

/** The highest price when the variants' prices differ, else undefined (cards then show no "từ"). */
export function highestVariantPrice(variants: readonly Variant[] | undefined): number | undefined {
  if (!variants || variants.length < 2) return undefined;
  const prices = variants.map((v) => v.priceVnd);
  const max = Math.max(...prices);
  return max > Math.min(...prices) ? max : undefined;
}
