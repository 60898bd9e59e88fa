import { checkListingGate, gateReasonMessages } from '../catalog/gate';
import type { Product } from '../catalog/product';
import { MAX_CART_LINES, type CartLine } from './cart-lines';
import type { CartLineReason, CartLineView, CartStorefront, CartView } from './schemas';

/**
 * Every read of a cart re-checks each line against its product as it is now (pure: the products
 * and `now` are passed in): the 3★ gate, the variant, the stock and the price.
 */

export const cartReasonMessages: Record<CartLineReason, string> = {
  ...gateReasonMessages,
  PRODUCT_NOT_FOUND: 'Sản phẩm không còn trên Chợ OCOP',
  VARIANT_NOT_FOUND: 'Phân loại này không còn được bán',
  VARIANT_REQUIRED: 'Sản phẩm nay có nhiều phân loại: hãy chọn lại phân loại',
  OUT_OF_STOCK: 'Sản phẩm đã hết hàng',
  INSUFFICIENT_STOCK: 'Không đủ hàng cho số lượng này',
};

/** The message shown for a line's reason; the stock one names what is left. */
export function reasonMessageOf(reason: CartLineReason, stockAvailable: number): string {
  return reason === 'INSUFFICIENT_STOCK' ? `Chỉ còn ${stockAvailable} sản phẩm: hãy giảm số lượng` : cartReasonMessages[reason];
}

const UNKNOWN_STOREFRONT = { producerId: '', producerName: 'Sản phẩm không còn trên chợ' };

export function evaluateLine(line: CartLine, product: Product | undefined, now: Date): CartLineView {
  const ref = { productId: line.productId, ...(line.variantId ? { variantId: line.variantId } : {}), quantity: line.quantity };
  if (!product) {
    const reason = 'PRODUCT_NOT_FOUND' as const;
    return {
      ...ref,
      name: cartReasonMessages.PRODUCT_NOT_FOUND,
      unitPriceVnd: line.addedPriceVnd,
      lineTotalVnd: line.addedPriceVnd * line.quantity,
      ...UNKNOWN_STOREFRONT,
      available: false,
      reason,
      reasonMessage: cartReasonMessages[reason],
      stockAvailable: 0,
    };
  }
  const variants = product.variants ?? [];
  const variant = line.variantId ? variants.find((v) => v.id === line.variantId) : undefined;
  const unitPriceVnd = variant?.priceVnd ?? product.priceVnd;
  const stockAvailable = variant?.stock ?? (line.variantId ? 0 : product.stock);
  const gate = checkListingGate(product, now);
  let reason: CartLineReason | undefined;
  if (!gate.listed) reason = gate.reason;
  else if (line.variantId && !variant) reason = 'VARIANT_NOT_FOUND';
  else if (!line.variantId && variants.length > 0) reason = 'VARIANT_REQUIRED';
  else if (stockAvailable === 0) reason = 'OUT_OF_STOCK';
  else if (stockAvailable < line.quantity) reason = 'INSUFFICIENT_STOCK';
  return {
    ...ref,
    name: product.name,
    ...(variant ? { variantLabel: variant.label } : {}),
    unitPriceVnd,
    lineTotalVnd: unitPriceVnd * line.quantity,
    producerId: product.producerId,
    producerName: product.producerName,
    ...(product.images[0] ? { image: product.images[0] } : {}),
    available: reason === undefined,
    ...(reason ? { reason, reasonMessage: reasonMessageOf(reason, stockAvailable) } : {}),
    ...(line.addedPriceVnd !== unitPriceVnd ? { priceChangedFromVnd: line.addedPriceVnd } : {}),
    stockAvailable,
  };
}

/** The cart as a shopper sees it: lines grouped by storefront (first-added order), subtotals of what can be ordered. */
export function evaluateCart(lines: readonly CartLine[], products: ReadonlyMap<string, Product>, now: Date): CartView {
  const groups = new Map<string, CartStorefront>();
  let quantityCount = 0;
  let availableLineCount = 0;
  let totalVnd = 0;
  for (const line of lines) {
    const view = evaluateLine(line, products.get(line.productId), now);
    let group = groups.get(view.producerId);
    if (!group) {
      group = { producerId: view.producerId, producerName: view.producerName, lines: [], subtotalVnd: 0 };
      groups.set(view.producerId, group);
    }
    group.lines.push(view);
    quantityCount += view.quantity;
    if (view.available) {
      group.subtotalVnd += view.lineTotalVnd;
      totalVnd += view.lineTotalVnd;
      availableLineCount++;
    }
  }
  return { storefronts: [...groups.values()], lineCount: lines.length, quantityCount, availableLineCount, totalVnd, maxLines: MAX_CART_LINES };
}
