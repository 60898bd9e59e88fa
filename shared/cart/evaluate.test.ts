import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog/product';
import type { CartLine } from './cart-lines';
import { evaluateCart, evaluateLine } from './evaluate';

const now = new Date('2026-11-23T03:00:00Z');
const cert = { certificateNo: 'CN-1', decisionNo: '1/QĐ', decisionDate: '2025-09-01', issuingLevel: 'province', issuingAuthority: 'UBND tỉnh An Giang', stars: 4, status: 'active', expiresOn: '2028-09-01', expiresAt: '2028-09-01T17:00:00.000Z' } as const;

function product(over: Partial<Product> = {}): Product {
  return {
    id: 'nuoc-mam',
    slug: 'nuoc-mam',
    name: 'Nước mắm Phú Quốc',
    description: '',
    producerId: 'htx-a',
    producerName: 'HTX A',
    producerLegalForm: 'cooperative',
    provinceCode: '91',
    commune: 'đặc khu Phú Quốc',
    group: 'food',
    subgroup: 'food-condiment',
    priceVnd: 100_000,
    unit: 'chai',
    stock: 10,
    images: [],
    tags: [],
    status: 'active',
    certificate: { ...cert },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
const line = (over: Partial<CartLine> = {}): CartLine => ({ productId: 'nuoc-mam', quantity: 2, addedPriceVnd: 100_000, addedAt: '2026-11-20T00:00:00.000Z', ...over });

describe('evaluateLine', () => {
  it('an available line: price now, total, storefront, stock', () => {
    expect(evaluateLine(line(), product(), now)).toEqual({
      productId: 'nuoc-mam',
      quantity: 2,
      name: 'Nước mắm Phú Quốc',
      unitPriceVnd: 100_000,
      lineTotalVnd: 200_000,
      producerId: 'htx-a',
      producerName: 'HTX A',
      available: true,
      stockAvailable: 10,
    });
  });

  it('flags a changed price with the old one, and stays available', () => {
    const view = evaluateLine(line({ addedPriceVnd: 90_000 }), product({ priceVnd: 110_000 }), now);
    expect(view).toMatchObject({ available: true, unitPriceVnd: 110_000, priceChangedFromVnd: 90_000, lineTotalVnd: 220_000 });
  });

  it('a product the gate hides since it was added: unavailable with the gate reason and its message', () => {
    const expired = evaluateLine(line(), product({ certificate: { ...cert, expiresAt: '2026-11-23T02:59:59.999Z' } }), now);
    expect(expired).toMatchObject({ available: false, reason: 'CERTIFICATE_EXPIRED', reasonMessage: 'Chứng nhận OCOP của sản phẩm đã hết hạn', name: 'Nước mắm Phú Quốc' });
    expect(evaluateLine(line(), product({ certificate: { ...cert, status: 'revoked' } }), now)).toMatchObject({ available: false, reason: 'CERTIFICATE_REVOKED' });
    expect(evaluateLine(line(), product({ status: 'archived' }), now)).toMatchObject({ available: false, reason: 'PRODUCT_NOT_ACTIVE' });
    // The boundary: valid until the instant it expires.
    expect(evaluateLine(line(), product({ certificate: { ...cert, expiresAt: '2026-11-23T03:00:00.001Z' } }), now).available).toBe(true);
  });

  it('a vanished product: unavailable, priced as added', () => {
    expect(evaluateLine(line({ addedPriceVnd: 80_000 }), undefined, now)).toMatchObject({ available: false, reason: 'PRODUCT_NOT_FOUND', unitPriceVnd: 80_000, stockAvailable: 0 });
  });

  it('stock below the quantity says what is left; none left is out of stock', () => {
    const short = evaluateLine(line({ quantity: 5 }), product({ stock: 3 }), now);
    expect(short).toMatchObject({ available: false, reason: 'INSUFFICIENT_STOCK', stockAvailable: 3 });
    expect(short.reasonMessage).toContain('Chỉ còn 3');
    expect(evaluateLine(line(), product({ stock: 0 }), now)).toMatchObject({ available: false, reason: 'OUT_OF_STOCK' });
  });

  it('variants: its own price, label and stock; an unknown variant or a missing one is flagged', () => {
    const variants = [
      { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 90_000, stock: 4 },
      { id: 'can-1-lit', label: 'can 1 lít', priceVnd: 160_000, stock: 0 },
    ];
    const p = product({ variants, priceVnd: 90_000, stock: 4 });
    expect(evaluateLine(line({ variantId: 'chai-500-ml', addedPriceVnd: 90_000 }), p, now)).toMatchObject({ available: true, variantId: 'chai-500-ml', variantLabel: 'chai 500 ml', unitPriceVnd: 90_000, stockAvailable: 4 });
    expect(evaluateLine(line({ variantId: 'can-1-lit', addedPriceVnd: 160_000 }), p, now)).toMatchObject({ available: false, reason: 'OUT_OF_STOCK' });
    expect(evaluateLine(line({ variantId: 'chai-2-lit' }), p, now)).toMatchObject({ available: false, reason: 'VARIANT_NOT_FOUND', stockAvailable: 0 });
    expect(evaluateLine(line(), p, now)).toMatchObject({ available: false, reason: 'VARIANT_REQUIRED' });
    expect(evaluateLine(line({ variantId: 'chai-500-ml' }), product(), now)).toMatchObject({ available: false, reason: 'VARIANT_NOT_FOUND' });
  });
});

describe('evaluateCart', () => {
  it('groups by storefront in first-added order; subtotals and total count available lines only', () => {
    const products = new Map([
      ['a1', product({ id: 'a1', producerId: 'htx-a', producerName: 'HTX A', priceVnd: 50_000 })],
      ['b1', product({ id: 'b1', producerId: 'htx-b', producerName: 'HTX B', priceVnd: 30_000 })],
      ['a2', product({ id: 'a2', producerId: 'htx-a', producerName: 'HTX A', priceVnd: 20_000, certificate: { ...cert, stars: 2 } })],
      ['a3', product({ id: 'a3', producerId: 'htx-a', producerName: 'HTX A', priceVnd: 10_000 })],
    ]);
    const lines = ['a1', 'b1', 'a2', 'a3'].map((id, i) => line({ productId: id, quantity: i + 1, addedPriceVnd: products.get(id)!.priceVnd }));
    const view = evaluateCart(lines, products, now);
    expect(view.storefronts.map((s) => [s.producerId, s.lines.map((l) => l.productId), s.subtotalVnd])).toEqual([
      ['htx-a', ['a1', 'a2', 'a3'], 50_000 * 1 + 10_000 * 4],
      ['htx-b', ['b1'], 30_000 * 2],
    ]);
    expect(view.storefronts[0]?.lines[1]).toMatchObject({ available: false, reason: 'BELOW_THREE_STARS' });
    expect(view).toMatchObject({ lineCount: 4, quantityCount: 10, availableLineCount: 3, totalVnd: 150_000, maxLines: 40 });
  });

  it('an empty cart', () => {
    expect(evaluateCart([], new Map(), now)).toEqual({ storefronts: [], lineCount: 0, quantityCount: 0, availableLineCount: 0, totalVnd: 0, maxLines: 40 });
  });
});
