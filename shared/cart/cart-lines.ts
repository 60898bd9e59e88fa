import { Conflict, InvalidInput } from '../http/errors';

/**
 * The lines of a cart and the pure rules that change them (no I/O, `now` passed in). The store
 * applies one of these to the lines it read and writes the result under a version condition.
 */

/**
 * At most this many distinct (product, variant) lines. The order transaction writes one item per
 * product and one per storefront plus 2, and must stay within DynamoDB's 100 actions: 40 lines can
 * never need more than 40 + 40 + 2 = 82.
 */
export const MAX_CART_LINES = 40;
export const MIN_LINE_QUANTITY = 1;
export const MAX_LINE_QUANTITY = 999;

export interface CartLine {
  productId: string;
  variantId?: string | undefined;
  quantity: number;
  /** The unit price (integer đồng) when the shopper last added it: a later change is flagged. */
  addedPriceVnd: number;
  /** ISO-8601 UTC, when the line first entered the cart. */
  addedAt: string;
}

/** Which line: a product, and its variant when it is sold in several sizes. */
export interface LineRef {
  productId: string;
  variantId?: string | undefined;
}

export const lineKeyOf = (ref: LineRef) => `${ref.productId}|${ref.variantId ?? ''}`;
export const sameLine = (a: LineRef, b: LineRef) => lineKeyOf(a) === lineKeyOf(b);

export class CartFull extends Conflict {
  constructor() {
    super(`Giỏ hàng đã có tối đa ${MAX_CART_LINES} sản phẩm khác nhau. Hãy đặt hàng hoặc bỏ bớt trước khi thêm.`, 'CART_FULL', { maxLines: MAX_CART_LINES });
  }
}

/** A quantity outside 1..999 (after adding to what the line already holds). */
export class QuantityOutOfRange extends InvalidInput {
  constructor(quantity: number) {
    super(`Số lượng mỗi sản phẩm từ ${MIN_LINE_QUANTITY} đến ${MAX_LINE_QUANTITY}`, 'QUANTITY_OUT_OF_RANGE', {
      quantity,
      min: MIN_LINE_QUANTITY,
      max: MAX_LINE_QUANTITY,
    });
  }
}

function assertQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < MIN_LINE_QUANTITY || quantity > MAX_LINE_QUANTITY) throw new QuantityOutOfRange(quantity);
}

/**
 * Adds `quantity` of a line: to the existing line (quantities summed, the price reset to what the
 * shopper saw just now) or as a new last line. 409 CART_FULL for a 41st line, 400 over 999.
 */
export function addLine(lines: readonly CartLine[], ref: LineRef, quantity: number, unitPriceVnd: number, now: Date): CartLine[] {
  assertQuantity(quantity);
  const existing = lines.find((l) => sameLine(l, ref));
  if (existing) {
    const total = existing.quantity + quantity;
    assertQuantity(total);
    return lines.map((l) => (l === existing ? { ...l, quantity: total, addedPriceVnd: unitPriceVnd } : l));
  }
  if (lines.length >= MAX_CART_LINES) throw new CartFull();
  return [...lines, { productId: ref.productId, ...(ref.variantId ? { variantId: ref.variantId } : {}), quantity, addedPriceVnd: unitPriceVnd, addedAt: now.toISOString() }];
}

/** Sets a line's quantity; 0 removes it. Undefined when the line is not in the cart. */
export function setLineQuantity(lines: readonly CartLine[], ref: LineRef, quantity: number): CartLine[] | undefined {
  if (quantity !== 0) assertQuantity(quantity);
  if (!lines.some((l) => sameLine(l, ref))) return undefined;
  return quantity === 0 ? lines.filter((l) => !sameLine(l, ref)) : lines.map((l) => (sameLine(l, ref) ? { ...l, quantity } : l));
}

export function removeLines(lines: readonly CartLine[], refs: readonly LineRef[]): CartLine[] {
  const gone = new Set(refs.map(lineKeyOf));
  return lines.filter((l) => !gone.has(lineKeyOf(l)));
}

/**
 * A guest cart poured into the account cart at sign-in: a line in both gets the sum of the
 * quantities (at most 999), the later price seen and the earlier date; the guest's other lines
 * follow the account's, in their order, while there is room (40 lines). What did not fit is returned.
 */
export function mergeLines(account: readonly CartLine[], guest: readonly CartLine[]): { lines: CartLine[]; dropped: CartLine[] } {
  const lines = account.map((l) => ({ ...l }));
  const dropped: CartLine[] = [];
  for (const g of guest) {
    const same = lines.find((l) => sameLine(l, g));
    if (same) {
      const later = g.addedAt > same.addedAt ? g : same;
      same.addedPriceVnd = later.addedPriceVnd;
      same.quantity = Math.min(MAX_LINE_QUANTITY, same.quantity + g.quantity);
      if (g.addedAt < same.addedAt) same.addedAt = g.addedAt;
    } else if (lines.length < MAX_CART_LINES) {
      lines.push({ ...g, quantity: Math.min(MAX_LINE_QUANTITY, Math.max(MIN_LINE_QUANTITY, g.quantity)) });
    } else {
      dropped.push(g);
    }
  }
  return { lines, dropped };
}
