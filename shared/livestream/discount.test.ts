import { describe, expect, it } from 'vitest';
import { notADiscount } from './discount';

describe('live price must be a real discount', () => {
  it('accepts one đồng below the lowest price of the last 30 days, refuses equal or above with the price to beat', () => {
    expect(notADiscount([{ productId: 'a', livePriceVnd: 89_999, lowestPriceVnd: 90_000 }])).toEqual([]);
    expect(notADiscount([{ productId: 'a', livePriceVnd: 90_000, lowestPriceVnd: 90_000 }])).toEqual([{ productId: 'a', livePriceVnd: 90_000, priceToBeatVnd: 90_000 }]);
    expect(notADiscount([{ productId: 'b', variantId: 'lon', livePriceVnd: 120_000, lowestPriceVnd: 100_000 }])).toEqual([
      { productId: 'b', variantId: 'lon', livePriceVnd: 120_000, priceToBeatVnd: 100_000 },
    ]);
  });
});
