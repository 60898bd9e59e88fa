import { describe, expect, it } from 'vitest';
import { cardOf, ProductSchema } from '../../shared/catalog/product';
import { variantSummary } from '../../shared/catalog/variants';
import { DEMO_IDS, demoCatalog } from '../../scripts/demo/demo-catalog';

const NOW = new Date('2026-11-23T03:00:00Z');

describe('demo products sold in several sizes', () => {
  const products = demoCatalog(NOW).products;
  const sized = products.filter((p) => p.variants);

  it('a few products have 2–3 variants, each valid, with its summary derived', () => {
    expect(sized.length).toBeGreaterThanOrEqual(3);
    for (const p of sized) {
      expect(ProductSchema.safeParse(p).error).toBeUndefined();
      expect(p.variants!.length).toBeGreaterThanOrEqual(2);
      expect(p.variants!.length).toBeLessThanOrEqual(3);
      expect(new Set(p.variants!.map((v) => v.id)).size).toBe(p.variants!.length);
      expect({ priceVnd: p.priceVnd, unit: p.unit, stock: p.stock }).toEqual(variantSummary(p.variants!));
    }
  });

  it('the 43 độ đạm nước mắm comes in 250 ml, 500 ml and 1 lít (sold out), listed from its 250 ml price', () => {
    const p = products.find((x) => x.name === 'Nước mắm cá cơm nhĩ Phú Quốc 43 độ đạm')!;
    expect(p.variants?.map((v) => [v.id, v.priceVnd, v.stock > 0])).toEqual([
      ['chai-250-ml', 98_000, true],
      ['chai-500-ml', 185_000, true],
      ['can-1-lit', 350_000, false],
    ]);
    expect(cardOf(p)).toMatchObject({ priceVnd: 98_000, unit: 'chai 250 ml', priceMaxVnd: 350_000 });
  });

  it('the notable records tests open (5★, Trà Vinh, 2★, expired, revoked) and the services keep a single price', () => {
    for (const id of [DEMO_IDS.listedFiveStar, DEMO_IDS.traVinhLegacy, DEMO_IDS.twoStar, DEMO_IDS.expired, DEMO_IDS.revoked]) expect(products.find((p) => p.id === id)?.variants).toBeUndefined();
    for (const p of products.filter((x) => x.group === 'tourism')) expect(p.variants).toBeUndefined();
  });
});
