import type { Product } from './product';
import { PRODUCT_PREFIX } from './keys';

/**
 * Price history: one item per saved change of a product's prices, in the product's own partition
 * (`PRODUCT#<id>` / `PRICE#<at>`), written in the same transaction as the product. It holds the
 * base price and every variant's, so "what did this variant cost on day d" is one item. Read only by
 * the livestream rule "a live price must be below the lowest price of the last 30 days" (a real
 * discount, not an inflated "before" price), never on a list page.
 */
export const PRICE_HISTORY_SK_PREFIX = 'PRICE#';

export interface PricePoint {
  /** When the prices took effect (the product's `updatedAt` of that save), ISO UTC. */
  at: string;
  priceVnd: number;
  /** Variant id → price, when the product is sold in sizes. */
  variants?: Record<string, number> | undefined;
}

export const priceHistoryKey = (productId: string, at: string) => ({ PK: `${PRODUCT_PREFIX}${productId}`, SK: `${PRICE_HISTORY_SK_PREFIX}${at}` });

export function pricePointOf(product: Pick<Product, 'priceVnd' | 'variants' | 'updatedAt'>): PricePoint {
  const variants = product.variants?.length ? Object.fromEntries(product.variants.map((v) => [v.id, v.priceVnd])) : undefined;
  return { at: product.updatedAt, priceVnd: product.priceVnd, ...(variants ? { variants } : {}) };
}

/** A new product, or a save where the base price or any variant's price moved. */
export function pricesChanged(product: Pick<Product, 'priceVnd' | 'variants'>, previous: Pick<Product, 'priceVnd' | 'variants'> | undefined): boolean {
  if (!previous) return true;
  if (product.priceVnd !== previous.priceVnd) return true;
  const now = new Map((product.variants ?? []).map((v) => [v.id, v.priceVnd]));
  const before = new Map((previous.variants ?? []).map((v) => [v.id, v.priceVnd]));
  if (now.size !== before.size) return true;
  for (const [id, price] of now) if (before.get(id) !== price) return true;
  return false;
}

/** The price of the product (or of one variant) a point records; undefined if the variant did not exist then. */
export function priceAt(point: PricePoint, variantId?: string): number | undefined {
  return variantId ? point.variants?.[variantId] : point.priceVnd;
}

export const PRICE_LOOKBACK_DAYS = 30;

/**
 * The lowest price the product (or variant) had at any instant of [since, now]: the current price,
 * every change inside the window, and the price in effect when the window opened (the last change
 * at or before it). A product with no recorded history has had only its current price as far as we know.
 */
export function lowestPriceSince(history: readonly PricePoint[], currentVnd: number, since: Date, variantId?: string): number {
  const sinceIso = since.toISOString();
  let lowest = currentVnd;
  let before: PricePoint | undefined;
  for (const point of history) {
    if (point.at > sinceIso) {
      const p = priceAt(point, variantId);
      if (p !== undefined && p < lowest) lowest = p;
    } else if (!before || point.at > before.at) {
      before = point;
    }
  }
  const opening = before ? priceAt(before, variantId) : undefined;
  return opening !== undefined && opening < lowest ? opening : lowest;
}
