import type { z } from 'zod';
import type { FieldErrors } from '../components/form/form';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, PlaceOrderSchema, type OrderLineInput, type PaymentMethod, type PlaceOrder, type ShippingAddress } from '../../shared/orders/order';

/** The checkout form's fields; `line` (one per product) and the radios are read apart. */
export const addressFields = ['recipientName', 'phone', 'provinceCode', 'commune', 'street'] as const;
export const checkoutFields = [...addressFields, 'note', 'savedAddress', 'saveAddress', 'paymentMethod', 'key', 'source'] as const;

export const checkoutLabels: Record<string, string> = {
  lines: 'Sản phẩm',
  savedAddress: 'Địa chỉ nhận hàng',
  recipientName: 'Họ và tên người nhận',
  phone: 'Số điện thoại di động',
  provinceCode: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  street: 'Số nhà, đường, thôn/ấp',
  note: 'Ghi chú cho người bán',
  paymentMethod: 'Cách thanh toán',
};

/** `savedAddress` value meaning "the address typed below". */
export const NEW_ADDRESS = 'moi';

/** Where the lines came from: the account's cart (bought lines leave it) or "Mua ngay" on a product. */
export type LineSource = 'cart' | 'mua-ngay';

/**
 * A line as one hidden field: `productId|variantId|quantity[|livestreamId or fairId]` (variant empty
 * without one; the id's own prefix, `live-` or `fair-`, says which price it asks for).
 */
export const encodeLine = (l: OrderLineInput) => {
  const priceOf = l.livestreamId ?? l.fairId;
  return `${l.productId}|${l.variantId ?? ''}|${l.quantity}${priceOf ? `|${priceOf}` : ''}`;
};

const QUANTITY = /^\d{1,4}$/;

/** The quantity people type: decimal digits only ("1e2", "+3", "2.0" are not numbers here). */
export function quantityOf(raw: string | undefined): number | undefined {
  const text = raw?.trim() ?? '';
  if (!QUANTITY.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_LINE_QUANTITY ? n : undefined;
}

/** The hidden lines back; undefined when any is malformed or there are too many (the page was edited). */
export function decodeLines(values: readonly string[]): OrderLineInput[] | undefined {
  if (values.length === 0 || values.length > MAX_ORDER_LINES) return undefined;
  const lines: OrderLineInput[] = [];
  for (const value of values) {
    const [productId, variantId, qty, priceOf, extra] = value.split('|');
    const quantity = quantityOf(qty);
    if (extra !== undefined || !productId || quantity === undefined) return undefined;
    const price = priceOf ? (priceOf.startsWith('fair-') ? { fairId: priceOf } : { livestreamId: priceOf }) : {};
    lines.push({ productId, quantity, ...(variantId ? { variantId } : {}), ...price });
  }
  return lines;
}

/** The "Mua ngay" GET (`?product=&variant=&qty=`, the product page's buy form; `&live=` from a live's page, `&fair=` from a fair booth) as one line. */
export function buyNowLine(query: { product?: string | undefined; variant?: string | undefined; qty?: string | undefined; live?: string | undefined; fair?: string | undefined }): OrderLineInput | undefined {
  const productId = query.product?.trim();
  if (!productId) return undefined;
  const quantity = query.qty === undefined || query.qty === '' ? 1 : quantityOf(query.qty);
  if (quantity === undefined) return undefined;
  const variantId = query.variant?.trim();
  const livestreamId = query.live?.trim();
  const fairId = livestreamId ? undefined : query.fair?.trim();
  return { productId, quantity, ...(variantId ? { variantId } : {}), ...(livestreamId ? { livestreamId } : {}), ...(fairId ? { fairId } : {}) };
}

export function isPaymentMethod(value: string | undefined): value is PaymentMethod {
  return value === 'cod' || value === 'vietqr' || value === 'card';
}

/**
 * The form as the checkout body: a saved address chosen by its position, or the typed one. A blank
 * note is no note. The body is what the idempotency key is bound to, so a resubmit of the same form
 * builds the same body.
 */
export function checkoutBody(values: Record<string, string>, lines: OrderLineInput[], saved: readonly ShippingAddress[]): unknown {
  const chosen = values.savedAddress && values.savedAddress !== NEW_ADDRESS ? saved[Number(values.savedAddress)] : undefined;
  const typed = Object.fromEntries(addressFields.map((f) => [f, values[f] ?? '']));
  const note = values.note?.trim();
  return {
    items: lines,
    shippingAddress: chosen ?? typed,
    paymentMethod: values.paymentMethod ?? '',
    ...(note ? { note } : {}),
    ...(!chosen && values.saveAddress === '1' ? { saveAddress: true } : {}),
  };
}

/** A typed address that failed is shown on its fields; a saved one that no longer parses, on the choice. */
export function checkoutErrorsOf(error: z.ZodError, usedSaved: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path.map(String);
    let name = first ?? '';
    if (first === 'shippingAddress') name = usedSaved ? 'savedAddress' : (second ?? 'savedAddress');
    else if (first === 'items') name = 'lines';
    if (name && !errors[name]) errors[name] = first === 'paymentMethod' ? 'Chọn cách thanh toán' : issue.message;
  }
  return errors;
}

export function parseCheckout(values: Record<string, string>, lines: OrderLineInput[], saved: readonly ShippingAddress[]): { ok: true; body: PlaceOrder } | { ok: false; errors: FieldErrors } {
  const usedSaved = Boolean(values.savedAddress && values.savedAddress !== NEW_ADDRESS && saved[Number(values.savedAddress)]);
  const errors: FieldErrors = {};
  if (values.savedAddress && values.savedAddress !== NEW_ADDRESS && !usedSaved) errors.savedAddress = 'Địa chỉ đã lưu này không còn: chọn lại hoặc nhập địa chỉ mới';
  const parsed = PlaceOrderSchema.safeParse(checkoutBody(values, lines, saved));
  if (!parsed.success) return { ok: false, errors: { ...checkoutErrorsOf(parsed.error, usedSaved), ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
