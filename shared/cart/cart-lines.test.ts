import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { addLine, CartFull, mergeLines, MAX_CART_LINES, removeLines, setLineQuantity, type CartLine } from './cart-lines';

const now = new Date('2026-11-23T03:00:00Z');
const line = (productId: string, quantity: number, over: Partial<CartLine> = {}): CartLine => ({
  productId,
  quantity,
  addedPriceVnd: 100_000,
  addedAt: '2026-11-20T00:00:00.000Z',
  ...over,
});
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : String(error);
  }
  return 'no error';
};

describe('addLine', () => {
  it('appends a new line with the price seen and the time', () => {
    expect(addLine([], { productId: 'mat-ong', variantId: 'hu-500-g' }, 2, 150_000, now)).toEqual([
      { productId: 'mat-ong', variantId: 'hu-500-g', quantity: 2, addedPriceVnd: 150_000, addedAt: now.toISOString() },
    ]);
  });

  it('adds to the same product and variant, resetting the price to the one seen now, keeping the first date', () => {
    const lines = [line('mat-ong', 2, { variantId: 'hu-500-g' }), line('mat-ong', 1)];
    const next = addLine(lines, { productId: 'mat-ong', variantId: 'hu-500-g' }, 3, 120_000, now);
    expect(next).toEqual([line('mat-ong', 5, { variantId: 'hu-500-g', addedPriceVnd: 120_000 }), line('mat-ong', 1)]);
  });

  it('refuses a 41st distinct line (409 CART_FULL) but still adds to an existing one', () => {
    const full = Array.from({ length: MAX_CART_LINES }, (_, i) => line(`san-pham-${i}`, 1));
    expect(codeOf(() => addLine(full, { productId: 'moi-them' }, 1, 1000, now))).toBe('409 CART_FULL');
    expect(() => addLine(full, { productId: 'moi-them' }, 1, 1000, now)).toThrow(CartFull);
    expect(addLine(full, { productId: 'san-pham-3' }, 4, 1000, now)[3]?.quantity).toBe(5);
  });

  it('keeps every line within 1..999 (400 QUANTITY_OUT_OF_RANGE)', () => {
    expect(codeOf(() => addLine([], { productId: 'a' }, 0, 1, now))).toBe('400 QUANTITY_OUT_OF_RANGE');
    expect(codeOf(() => addLine([], { productId: 'a' }, 1000, 1, now))).toBe('400 QUANTITY_OUT_OF_RANGE');
    expect(codeOf(() => addLine([line('a', 990)], { productId: 'a' }, 10, 1, now))).toBe('400 QUANTITY_OUT_OF_RANGE');
    expect(addLine([line('a', 990)], { productId: 'a' }, 9, 1, now)[0]?.quantity).toBe(999);
  });
});

describe('setLineQuantity and removeLines', () => {
  const lines = [line('a', 1), line('b', 2, { variantId: 'lon' }), line('b', 3)];

  it('sets, removes at 0, and says undefined for a line not in the cart', () => {
    expect(setLineQuantity(lines, { productId: 'b', variantId: 'lon' }, 7)?.map((l) => l.quantity)).toEqual([1, 7, 3]);
    expect(setLineQuantity(lines, { productId: 'b' }, 0)).toEqual([line('a', 1), line('b', 2, { variantId: 'lon' })]);
    expect(setLineQuantity(lines, { productId: 'c' }, 2)).toBeUndefined();
    expect(codeOf(() => setLineQuantity(lines, { productId: 'a' }, 1000))).toBe('400 QUANTITY_OUT_OF_RANGE');
  });

  it('removes exactly the named lines (product + variant)', () => {
    expect(removeLines(lines, [{ productId: 'b', variantId: 'lon' }, { productId: 'khong-co' }])).toEqual([line('a', 1), line('b', 3)]);
  });
});

describe('mergeLines (guest cart into the account cart at sign-in)', () => {
  it('sums the quantities of a line in both (capped at 999), keeps the earlier date and the later price', () => {
    const account = [line('a', 2, { addedAt: '2026-11-01T00:00:00.000Z', addedPriceVnd: 90_000 }), line('b', 600)];
    const guest = [line('a', 3, { addedAt: '2026-11-22T00:00:00.000Z', addedPriceVnd: 95_000 }), line('b', 600), line('c', 1)];
    const { lines, dropped } = mergeLines(account, guest);
    expect(lines).toEqual([
      line('a', 5, { addedAt: '2026-11-01T00:00:00.000Z', addedPriceVnd: 95_000 }),
      line('b', 999),
      line('c', 1),
    ]);
    expect(dropped).toEqual([]);
  });

  it('keeps variants apart and stops at 40 lines, returning what did not fit', () => {
    const account = Array.from({ length: MAX_CART_LINES - 1 }, (_, i) => line(`tk-${i}`, 1));
    const guest = [line('x', 1, { variantId: 'nho' }), line('x', 1, { variantId: 'lon' }), line('tk-0', 2)];
    const { lines, dropped } = mergeLines(account, guest);
    expect(lines).toHaveLength(MAX_CART_LINES);
    expect(lines.at(-1)).toEqual(line('x', 1, { variantId: 'nho' }));
    expect(lines[0]?.quantity).toBe(3);
    expect(dropped).toEqual([line('x', 1, { variantId: 'lon' })]);
  });

  it('leaves the account cart as it is when the guest cart is empty', () => {
    const account = [line('a', 2)];
    expect(mergeLines(account, [])).toEqual({ lines: account, dropped: [] });
  });
});
