import { describe, expect, it } from 'vitest';
import { lowestPriceSince, pricesChanged, pricePointOf, type PricePoint } from './price-history';

const since = new Date('2026-11-01T00:00:00.000Z');

describe('lowestPriceSince', () => {
  it('is the current price when nothing was recorded', () => {
    expect(lowestPriceSince([], 120_000, since)).toBe(120_000);
  });

  it('counts a lower price inside the window even if the price went up since (the inflated "before" price)', () => {
    const history: PricePoint[] = [
      { at: '2026-11-05T00:00:00.000Z', priceVnd: 90_000 },
      { at: '2026-11-20T00:00:00.000Z', priceVnd: 150_000 },
    ];
    expect(lowestPriceSince(history, 150_000, since)).toBe(90_000);
  });

  it('counts the price in effect when the window opened, not older changes', () => {
    const history: PricePoint[] = [
      { at: '2026-09-01T00:00:00.000Z', priceVnd: 50_000 },
      { at: '2026-10-15T00:00:00.000Z', priceVnd: 100_000 },
      { at: '2026-11-10T00:00:00.000Z', priceVnd: 130_000 },
    ];
    expect(lowestPriceSince(history, 130_000, since)).toBe(100_000);
  });

  it('a change exactly at the window start is inside it', () => {
    const history: PricePoint[] = [
      { at: '2026-10-01T00:00:00.000Z', priceVnd: 70_000 },
      { at: since.toISOString(), priceVnd: 110_000 },
    ];
    expect(lowestPriceSince(history, 110_000, since)).toBe(110_000);
  });

  it('reads one variant only, ignoring points from before it existed', () => {
    const history: PricePoint[] = [
      { at: '2026-10-20T00:00:00.000Z', priceVnd: 40_000, variants: { nho: 40_000 } },
      { at: '2026-11-12T00:00:00.000Z', priceVnd: 40_000, variants: { nho: 40_000, lon: 75_000 } },
    ];
    expect(lowestPriceSince(history, 80_000, since, 'lon')).toBe(75_000);
    expect(lowestPriceSince(history, 45_000, since, 'nho')).toBe(40_000);
  });
});

describe('pricesChanged', () => {
  const base = { priceVnd: 100, variants: [{ id: 'a', label: 'A', priceVnd: 100, stock: 1 }] };
  it('is true for a new product and for any moved variant price, false for a stock-only edit', () => {
    expect(pricesChanged(base, undefined)).toBe(true);
    expect(pricesChanged({ ...base, variants: [{ id: 'a', label: 'A', priceVnd: 90, stock: 1 }] }, base)).toBe(true);
    expect(pricesChanged({ ...base, variants: [{ id: 'a', label: 'A mới', priceVnd: 100, stock: 9 }] }, base)).toBe(false);
    expect(pricesChanged({ priceVnd: 100 }, { priceVnd: 100 })).toBe(false);
  });

  it('a point records every variant price', () => {
    expect(pricePointOf({ ...base, updatedAt: '2026-11-01T00:00:00.000Z' })).toEqual({ at: '2026-11-01T00:00:00.000Z', priceVnd: 100, variants: { a: 100 } });
  });
});
