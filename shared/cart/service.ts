import { getListedProduct } from '../catalog/product-lookup';
import { Conflict, InvalidInput, NotFound } from '../http/errors';
import { groupByCodeOrUndefined } from '../reference/taxonomy';
import type { Services } from '../services';
import { addLine, removeLines, setLineQuantity, type CartLine, type LineRef } from './cart-lines';
import { evaluateCart } from './evaluate';
import type { CartOwner } from './keys';
import type { CartAddBody, CartSetBody, CartView } from './schemas';

type CartServices = Pick<Services, 'carts' | 'catalog' | 'clock'>;

/** The cart as a shopper sees it now: 1 GetItem for the cart, 1 BatchGetItem for all its products (none when empty). */
export async function cartView(services: CartServices, owner: CartOwner | undefined): Promise<CartView> {
  const lines = owner ? ((await services.carts.get(owner))?.lines ?? []) : [];
  return viewOfLines(services, lines);
}

export async function viewOfLines(services: CartServices, lines: readonly CartLine[]): Promise<CartView> {
  const products = await services.carts.products(lines.map((l) => l.productId));
  return evaluateCart(lines, products, services.clock.now());
}

/**
 * Adds a product the shopper can buy right now: listed (404 unknown or draft, 410 with the gate's
 * reason), not a service (409 NOT_SOLD_ONLINE), the variant named when it has variants (400 VARIANT_REQUIRED, 404 VARIANT_NOT_FOUND), in
 * stock (409 OUT_OF_STOCK). The line remembers the price seen, to flag a later change.
 */
export async function addToCart(services: CartServices, owner: CartOwner, body: CartAddBody): Promise<CartLine[]> {
  const product = await getListedProduct(services, body.productId);
  // A tourism service is booked with the producer, not shipped (the product page says so): no cart line.
  if (groupByCodeOrUndefined(product.group)?.isService) throw new Conflict('Dịch vụ du lịch được đặt trực tiếp với cơ sở, không qua giỏ hàng', 'NOT_SOLD_ONLINE');
  const variants = product.variants ?? [];
  let priceVnd = product.priceVnd;
  let stock = product.stock;
  if (variants.length > 0) {
    if (!body.variantId) {
      const message = 'Hãy chọn phân loại của sản phẩm';
      throw new InvalidInput(message, 'VARIANT_REQUIRED', [{ path: 'variantId', message }]);
    }
    const variant = variants.find((v) => v.id === body.variantId);
    if (!variant) throw new NotFound('Sản phẩm không có phân loại này', 'VARIANT_NOT_FOUND', { variantId: body.variantId });
    priceVnd = variant.priceVnd;
    stock = variant.stock;
  } else if (body.variantId) {
    throw new NotFound('Sản phẩm không có phân loại này', 'VARIANT_NOT_FOUND', { variantId: body.variantId });
  }
  if (stock === 0) throw new Conflict('Sản phẩm đã hết hàng', 'OUT_OF_STOCK');
  const ref: LineRef = { productId: product.id, variantId: body.variantId };
  const now = services.clock.now();
  return services.carts.update(owner, (lines) => addLine(lines, ref, body.quantity, priceVnd, now));
}

const lineNotFound = () => new NotFound('Giỏ hàng không có sản phẩm này', 'CART_LINE_NOT_FOUND');

/** Sets a line's quantity (0 removes it; removing an absent line changes nothing). No product read. */
export async function setCartQuantity(services: CartServices, owner: CartOwner | undefined, body: CartSetBody): Promise<CartLine[]> {
  if (!owner) {
    if (body.quantity === 0) return [];
    throw lineNotFound();
  }
  return services.carts.update(owner, (lines) => {
    const next = setLineQuantity(lines, body, body.quantity);
    if (next) return next;
    if (body.quantity === 0) return undefined;
    throw lineNotFound();
  });
}

export async function removeCartLine(services: CartServices, owner: CartOwner | undefined, ref: LineRef): Promise<CartLine[]> {
  if (!owner) return [];
  return services.carts.update(owner, (lines) => {
    const next = removeLines(lines, [ref]);
    return next.length === lines.length ? undefined : next;
  });
}
