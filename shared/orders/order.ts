import { z } from '@hono/zod-openapi';
import { PhoneSchema } from '../identity/phone';
import { provinceCodes } from '../reference/provinces';
import { PublicIdSchema } from '../http/ids';
import { VariantIdSchema } from '../catalog/variants';
import { LivestreamIdSchema } from '../livestream/schemas';
import { FairIdSchema } from '../fairs/schemas';
import { subOrderStatuses } from './state-machine';

/** Bounds of one checkout: the placement transaction writes ≤ 2 + products + storefronts items (≤ 100). */
export const MAX_ORDER_LINES = 40;
export const MAX_LINE_QUANTITY = 999;
export const paymentMethods = ['cod', 'vietqr', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const OrderLineInputSchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional(),
    quantity: z.number().int('Số lượng là số nguyên').min(1, 'Số lượng ít nhất là 1').max(MAX_LINE_QUANTITY, `Tối đa ${MAX_LINE_QUANTITY} mỗi sản phẩm`),
    livestreamId: LivestreamIdSchema.optional().openapi({
      description: 'Buy at this live\'s price: only while it is on and its quota lasts (409 LIVE_QUOTA_EXHAUSTED, 409 LIVE_PRICE_UNAVAILABLE with the regular price otherwise — never a silent switch)',
    }),
    fairId: FairIdSchema.optional().openapi({
      description: "Buy at this fair's price: only while the fair is live and inside its dates, for a product an accepted booth features with a fair price, passing the 3★ gate (409 FAIR_PRICE_NOT_AVAILABLE otherwise)",
    }),
  })
  .strict()
  .refine((l) => !(l.fairId && l.livestreamId), { message: 'Một dòng chỉ theo giá live hoặc giá hội chợ', path: ['fairId'] })
  .openapi('OrderLineInput');
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

/** No district: abolished on 01/07/2025 (ocop.md); the commune/ward is the level below the province. */
export const ShippingAddressSchema = z
  .object({
    recipientName: z.string().trim().min(2, 'Nhập tên người nhận').max(100),
    phone: PhoneSchema,
    provinceCode: z.enum(provinceCodes, { message: 'Chọn tỉnh, thành phố' }),
    commune: z.string().trim().min(2, 'Nhập xã, phường').max(120),
    street: z.string().trim().min(3, 'Nhập số nhà, đường, thôn/ấp').max(200),
  })
  .strict()
  .openapi('ShippingAddress');
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

/**
 * The checkout body. Strict: a client that sends a price (or anything else unknown) is refused with
 * 400, so no one can believe the server took their number.
 */
export const PlaceOrderSchema = z
  .object({
    items: z.array(OrderLineInputSchema).min(1).max(MAX_ORDER_LINES, `Tối đa ${MAX_ORDER_LINES} dòng mỗi đơn`).optional(),
    fromCart: z.literal(true).optional(),
    shippingAddress: ShippingAddressSchema,
    paymentMethod: z.enum(paymentMethods),
    note: z.string().trim().max(500).optional(),
    saveAddress: z.boolean().optional().openapi({ description: 'Keep the address in the account for next time' }),
  })
  .strict()
  .refine((b) => (b.items === undefined) !== (b.fromCart === undefined), {
    message: 'Gửi items hoặc fromCart: true (một trong hai)',
    path: ['items'],
  })
  .openapi('PlaceOrder');
export type PlaceOrder = z.infer<typeof PlaceOrderSchema>;

export const OrderItemSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string(),
    variantLabel: z.string().optional(),
    unit: z.string(),
    quantity: z.number().int(),
    unitPriceVnd: z.number().int(),
    lineTotalVnd: z.number().int(),
    livestreamId: z.string().optional().openapi({ description: 'The live whose price this line was bought at' }),
    fairId: z.string().optional().openapi({ description: 'The fair whose price this line was bought at' }),
    regularUnitPriceVnd: z.number().int().optional().openapi({ description: 'With livestreamId or fairId: the regular price at that moment' }),
  })
  .openapi('OrderItem');
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const VietQrSchema = z
  .object({
    payload: z.string().openapi({ description: 'EMVCo (NAPAS VietQR) dynamic payload with amount and purpose; CRC included' }),
    imageUrl: z.string().openapi({ description: 'SVG image of the QR code' }),
    bankBin: z.string(),
    bankName: z.string(),
    accountNumber: z.string(),
    accountName: z.string(),
    amountVnd: z.number().int(),
    purpose: z.string().openapi({ description: 'Transfer content: the sub-order code' }),
  })
  .openapi('VietQrPayment');

export const paymentStatuses = ['unpaid', 'awaiting', 'paid', 'refund_due', 'refunded', 'expired'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const PaymentSchema = z
  .object({
    method: z.enum(paymentMethods),
    status: z.enum(paymentStatuses),
    amountVnd: z.number().int(),
    dueAt: z.iso.datetime().optional().openapi({ description: 'Unpaid transfer/card orders release their stock at this time' }),
    paidAt: z.iso.datetime().optional(),
    vietqr: VietQrSchema.optional(),
    checkoutUrl: z.string().optional().openapi({ description: 'Card: the Stripe Checkout page' }),
    paymentIntentId: z.string().optional(),
    refund: z
      .object({ method: z.enum(['stripe', 'manual']), amountVnd: z.number().int(), at: z.iso.datetime(), by: z.string(), reference: z.string().optional() })
      .optional(),
  })
  .openapi('Payment');
export type Payment = z.infer<typeof PaymentSchema>;

export const TransitionSchema = z
  .object({
    from: z.enum(subOrderStatuses),
    to: z.enum(subOrderStatuses),
    at: z.iso.datetime(),
    by: z.string().openapi({ description: 'Account id, or "system"' }),
    byRole: z.string(),
    reason: z.string().optional(),
  })
  .openapi('SubOrderTransition');
export type Transition = z.infer<typeof TransitionSchema>;

export const SubOrderSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string().openapi({ description: "The storefront's province: whose officers may read it" }),
    buyerId: z.string(),
    status: z.enum(subOrderStatuses),
    items: z.array(OrderItemSchema),
    itemsTotalVnd: z.number().int(),
    shippingFeeVnd: z.number().int(),
    totalVnd: z.number().int(),
    payment: PaymentSchema,
    shippingAddress: ShippingAddressSchema,
    note: z.string().optional(),
    carrier: z.string().optional(),
    trackingCode: z.string().optional(),
    cancelReason: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    history: z.array(TransitionSchema).optional(),
  })
  .openapi('SubOrder');
export type SubOrder = z.infer<typeof SubOrderSchema>;

export const OrderSchema = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    totalVnd: z.number().int(),
    paymentMethod: z.enum(paymentMethods),
    subOrders: z.array(SubOrderSchema),
    createdAt: z.iso.datetime(),
  })
  .openapi('Order');
export type Order = z.infer<typeof OrderSchema>;

export const OrderSummarySchema = OrderSchema.omit({ subOrders: true })
  .extend({ subOrderCount: z.number().int(), statuses: z.array(z.enum(subOrderStatuses)), producerNames: z.array(z.string()) })
  .openapi('OrderSummary');
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const TransitionRequestSchema = z
  .object({
    to: z.enum(subOrderStatuses),
    carrier: z.string().trim().min(2).max(60).optional(),
    trackingCode: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, 'Mã vận đơn gồm 4–40 chữ, số hoặc dấu gạch').optional(),
    reason: z.string().trim().min(3).max(300).optional(),
    refundReference: z.string().trim().max(100).optional().openapi({ description: 'Manual refund: the bank transfer reference' }),
  })
  .strict()
  .openapi('TransitionRequest');
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;
