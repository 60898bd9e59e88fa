/**
 * "A live price must be a real discount": below the lowest price the product (or variant) had at any
 * time in the last 30 days, as the big live platforms require — so an inflated "before" price the
 * week before the live buys nothing.
 */
export interface DiscountCheckInput {
  productId: string;
  variantId?: string | undefined;
  livePriceVnd: number;
  lowestPriceVnd: number;
}

export interface NotADiscount {
  productId: string;
  variantId?: string | undefined;
  livePriceVnd: number;
  /** The live price must be strictly below this. */
  priceToBeatVnd: number;
}

export function notADiscount(items: readonly DiscountCheckInput[]): NotADiscount[] {
  return items
    .filter((i) => i.livePriceVnd >= i.lowestPriceVnd)
    .map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}), livePriceVnd: i.livePriceVnd, priceToBeatVnd: i.lowestPriceVnd }));
}
