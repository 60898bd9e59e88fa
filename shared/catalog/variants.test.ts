import { describe, expect, it } from 'vitest';
import { cardOf, type Product } from './product';
import { NewProductSchema, ProductPatchSchema } from './management-schemas';
import { highestVariantPrice, normaliseVariants, variantSummary, VariantListSchema, withVariantSummary, type Variant } from './variants';

const v = (id: string, priceVnd: number, stock: number, label = id): Variant => ({ id, label, priceVnd, stock });

const base: Product = {
  id: 'nuoc-mam-abc123',
  slug: 'nuoc-mam-abc123',
  name: 'Nước mắm',
  description: '',
  producerId: 'htx-a',
  producerName: 'HTX A',
  producerLegalForm: 'cooperative',
  provinceCode: '91',
  commune: 'đặc khu Phú Quốc',
  group: 'food',
  subgroup: 'food-condiment',
  priceVnd: 1,
  unit: 'chai',
  stock: 1,
  images: [],
  tags: [],
  status: 'active',
  certificate: {
    certificateNo: 'CN-1',
    decisionNo: '1/QĐ-UBND',
    decisionDate: '2025-09-01',
    issuingLevel: 'province',
    issuingAuthority: 'UBND tỉnh An Giang',
    stars: 4,
    status: 'active',
    expiresOn: '2028-09-01',
    expiresAt: '2028-09-01T17:00:00.000Z',
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('variantSummary: the one derivation of price, unit and stock', () => {
  it('takes the lowest price, the label of that variant as the unit, and the sum of stock', () => {
    expect(variantSummary([v('chai-1-lit', 250_000, 7, 'chai 1 lít'), v('chai-500-ml', 135_000, 3, 'chai 500 ml'), v('can-2-lit', 460_000, 0, 'can 2 lít')])).toEqual({
      priceVnd: 135_000,
      unit: 'chai 500 ml',
      stock: 10,
    });
  });

  it('on a price tie, the first variant listed gives the unit', () => {
    expect(variantSummary([v('a', 100, 1, 'hộp A'), v('b', 100, 2, 'hộp B')]).unit).toBe('hộp A');
  });

  it('one variant is its own summary; out of stock everywhere sums to 0', () => {
    expect(variantSummary([v('goi-1-kg', 280_000, 0, 'gói 1 kg')])).toEqual({ priceVnd: 280_000, unit: 'gói 1 kg', stock: 0 });
  });

  it('refuses an empty list (a product without variants has no summary to derive)', () => {
    expect(() => variantSummary([])).toThrow(RangeError);
  });
});

describe('withVariantSummary', () => {
  it('leaves a product without variants exactly as it is (same object)', () => {
    expect(withVariantSummary(base)).toBe(base);
  });

  it('drops an empty list and keeps the typed price, unit and stock', () => {
    const out = withVariantSummary({ ...base, variants: [] });
    expect('variants' in out).toBe(false);
    expect(out).toEqual(base);
  });

  it('overwrites whatever summary was typed with the derived one', () => {
    const variants = [v('hop-100-g', 380_000, 90, 'hộp 100 g'), v('hop-200-g', 720_000, 40, 'hộp 200 g')];
    expect(withVariantSummary({ ...base, priceVnd: 999, unit: 'sai', stock: 999, variants })).toMatchObject({ priceVnd: 380_000, unit: 'hộp 100 g', stock: 130, variants });
  });
});

describe('cards', () => {
  it('carry priceMaxVnd only when the variants differ in price, and the derived lowest price', () => {
    const differ = cardOf({ ...base, variants: [v('a', 200_000, 1), v('b', 120_000, 1)] });
    expect(differ).toMatchObject({ priceVnd: 120_000, priceMaxVnd: 200_000, unit: 'b' });
    expect('priceMaxVnd' in cardOf({ ...base, variants: [v('a', 120_000, 1), v('b', 120_000, 1)] })).toBe(false);
    expect('priceMaxVnd' in cardOf(base)).toBe(false);
    expect(highestVariantPrice(undefined)).toBeUndefined();
  });
});

describe('variant input', () => {
  it('derives an id from the label when none is given, and keeps a given one', () => {
    const parsed = VariantListSchema.parse([{ label: 'Chai 1 lít', priceVnd: 250_000 }, { id: 'nho', label: 'Chai 500 ml', priceVnd: 135_000, stock: 3, sku: ' PQ-500 ' }]);
    expect(normaliseVariants(parsed)).toEqual([
      { id: 'chai-1-lit', label: 'Chai 1 lít', priceVnd: 250_000, stock: 0 },
      { id: 'nho', label: 'Chai 500 ml', priceVnd: 135_000, stock: 3, sku: 'PQ-500' },
    ]);
  });

  it('refuses duplicate ids (given or derived), labels that differ only in case or spacing, duplicate SKUs, an empty list and more than 20', () => {
    const bad = [
      [{ id: 'a', label: 'X', priceVnd: 1 }, { id: 'a', label: 'Y', priceVnd: 2 }],
      [{ id: 'chai-1-lit', label: 'X', priceVnd: 1 }, { label: 'Chai 1 lít', priceVnd: 2 }],
      [{ id: 'a', label: 'Chai 1 lít', priceVnd: 1 }, { id: 'b', label: 'chai  1 LÍT', priceVnd: 2 }],
      [{ id: 'a', label: 'A', priceVnd: 1, sku: 'S' }, { id: 'b', label: 'B', priceVnd: 2, sku: 'S' }],
      [{ label: '½', priceVnd: 1 }],
      [{ id: 'Chai 1L', label: 'A', priceVnd: 1 }],
      [{ id: 'a', label: 'A', priceVnd: 1.5 }],
      [{ id: 'a', label: 'A', priceVnd: 1, stock: -1 }],
      [{ id: 'a', label: 'A', priceVnd: 1, colour: 'đỏ' }],
      [],
      Array.from({ length: 21 }, (_, i) => ({ id: `v${i}`, label: `V${i}`, priceVnd: i })),
    ];
    for (const list of bad) expect(VariantListSchema.safeParse(list).success, JSON.stringify(list)).toBe(false);
  });

  it('a new product has variants or a price and unit; with variants it may not type price, unit or stock', () => {
    const product = { name: 'Nước mắm', group: 'food', subgroup: 'food-condiment' };
    const variants = [{ label: 'chai 500 ml', priceVnd: 135_000 }];
    expect(NewProductSchema.safeParse({ ...product, variants }).success).toBe(true);
    expect(NewProductSchema.safeParse({ ...product, priceVnd: 1, unit: 'chai' }).success).toBe(true);
    expect(NewProductSchema.safeParse(product).success).toBe(false);
    for (const extra of [{ priceVnd: 1 }, { unit: 'chai' }, { stock: 3 }]) {
      expect(NewProductSchema.safeParse({ ...product, variants, ...extra }).success, JSON.stringify(extra)).toBe(false);
      expect(ProductPatchSchema.safeParse({ variants, ...extra }).success, JSON.stringify(extra)).toBe(false);
    }
    expect(ProductPatchSchema.safeParse({ variants: null, priceVnd: 1 }).success).toBe(true);
  });
});
