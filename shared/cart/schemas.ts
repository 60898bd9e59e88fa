import { z } from '@hono/zod-openapi';
import { ImageSchema } from '../media/image-record';
import { VariantIdSchema } from '../catalog/variants';
import { PublicIdSchema } from '../http/ids';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from './cart-lines';

const quantity = (min: number) =>
  z
    .number()
    .int('Số lượng là số nguyên')
    .min(min, `Số lượng từ ${Math.max(min, MIN_LINE_QUANTITY)} đến ${MAX_LINE_QUANTITY}`)
    .max(MAX_LINE_QUANTITY, `Số lượng từ ${Math.max(min, MIN_LINE_QUANTITY)} đến ${MAX_LINE_QUANTITY}`);

/** `POST /cart/items`: adds to the line (product, variant) if the cart has it. */
export const CartAddBodySchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional().openapi({ description: 'Required when the product is sold in several sizes; refused otherwise' }),
    quantity: quantity(MIN_LINE_QUANTITY).openapi({ description: `${MIN_LINE_QUANTITY}–${MAX_LINE_QUANTITY}; the line's sum must stay ≤ ${MAX_LINE_QUANTITY}` }),
  })
  .strict()
  .openapi('CartAdd');
export type CartAddBody = z.infer<typeof CartAddBodySchema>;

/** `PUT /cart/items`: sets the quantity of a line already in the cart; 0 removes it. */
export const CartSetBodySchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional(),
    quantity: quantity(0).openapi({ description: `0–${MAX_LINE_QUANTITY}; 0 removes the line` }),
  })
  .strict()
  .openapi('CartSet');
export type CartSetBody = z.infer<typeof CartSetBodySchema>;

/** `DELETE /cart/items?productId=…&variantId=…`. */
export const CartLineQuerySchema = z.object({
  productId: PublicIdSchema,
  variantId: VariantIdSchema.optional(),
});

/** Why a line cannot be bought now: the 3★ gate's reasons, plus these. */
export const cartLineReasons = [
  'PRODUCT_NOT_FOUND',
  'PRODUCT_NOT_ACTIVE',
  'NO_CERTIFICATE',
  'BELOW_THREE_STARS',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_SUPERSEDED',
  'CERTIFICATE_EXPIRED',
  'VARIANT_NOT_FOUND',
  'VARIANT_REQUIRED',
  'OUT_OF_STOCK',
  'INSUFFICIENT_STOCK',
] as const;
export type CartLineReason = (typeof cartLineReasons)[number];

export const CartLineViewSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    quantity: z.number().int(),
    name: z.string(),
    variantLabel: z.string().optional(),
    unitPriceVnd: z.number().int().openapi({ description: 'The price now (integer đồng)' }),
    lineTotalVnd: z.number().int(),
    producerId: z.string(),
    producerName: z.string(),
    image: ImageSchema.optional(),
    available: z.boolean().openapi({ description: 'False when the line cannot be ordered now (see reason); it is left out of the subtotals' }),
    reason: z.enum(cartLineReasons).optional(),
    reasonMessage: z.string().optional().openapi({ example: 'Chứng nhận OCOP của sản phẩm đã hết hạn' }),
    priceChangedFromVnd: z.number().int().optional().openapi({ description: 'Present when the price differs from the one at which the line was added' }),
    stockAvailable: z.number().int().openapi({ description: 'Units in stock now (0 for a product no longer on the market)' }),
  })
  .openapi('CartLine');
export type CartLineView = z.infer<typeof CartLineViewSchema>;

export const CartStorefrontSchema = z
  .object({
    producerId: z.string(),
    producerName: z.string(),
    lines: z.array(CartLineViewSchema),
    subtotalVnd: z.number().int().openapi({ description: 'Available lines only' }),
  })
  .openapi('CartStorefront');
export type CartStorefront = z.infer<typeof CartStorefrontSchema>;

export const CartViewSchema = z
  .object({
    storefronts: z.array(CartStorefrontSchema).openapi({ description: 'Lines grouped by storefront, in the order they were first added' }),
    lineCount: z.number().int().openapi({ description: `Distinct lines (at most ${MAX_CART_LINES})` }),
    quantityCount: z.number().int().openapi({ description: 'Sum of the quantities of all lines' }),
    availableLineCount: z.number().int(),
    totalVnd: z.number().int().openapi({ description: 'Sum of the storefront subtotals (before shipping)' }),
    maxLines: z.number().int(),
  })
  .openapi('Cart');
export type CartView = z.infer<typeof CartViewSchema>;
