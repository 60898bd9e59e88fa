import { describe, expect, it } from 'vitest';
import { makeProducer, makeProduct, makeCertificateSnapshot } from '../../tests/support/catalog-fixtures';
import { mergeLines, priceSubOrders, resolveDemands, shippingFee } from './pricing';
import { releaseUpdate, reserveUpdate } from './stock-updates';

const now = new Date('2026-11-23T03:00:00Z');

describe('checkout pricing (pure)', () => {
  const honey = makeProduct({ id: 'mat-ong', producerId: 'a', priceVnd: 150_000, stock: 5 });
  const tea = makeProduct({
    id: 'tra',
    producerId: 'b',
    variants: [
      { id: 'nho', label: 'gói nhỏ', priceVnd: 50_000, stock: 3 },
      { id: 'lon', label: 'gói lớn', priceVnd: 90_000, stock: 1 },
    ],
  });
  const products = new Map([honey, tea].map((p) => [p.id, p]));
  const producers = new Map([
    ['a', makeProducer({ id: 'a', shippingFeeVnd: 30_000, freeShippingThresholdVnd: 300_000 })],
    ['b', makeProducer({ id: 'b' })],
  ]);

  it('merges lines of the same product and variant, keeps different variants apart', () => {
    expect(
      mergeLines([
        { productId: 'tra', variantId: 'nho', quantity: 1 },
        { productId: 'tra', variantId: 'lon', quantity: 1 },
        { productId: 'tra', variantId: 'nho', quantity: 2 },
      ]),
    ).toEqual([
      { productId: 'tra', variantId: 'nho', quantity: 3 },
      { productId: 'tra', variantId: 'lon', quantity: 1 },
    ]);
  });

  it('charges the flat fee below the threshold, nothing from it, nothing when the storefront set none', () => {
    const a = producers.get('a')!;
    expect([shippingFee(a, 299_999), shippingFee(a, 300_000), shippingFee(producers.get('b')!, 10)]).toEqual([30_000, 0, 0]);
  });

  it('splits per storefront with integer totals', () => {
    const { demands, problems } = resolveDemands(
      [
        { productId: 'mat-ong', quantity: 2 },
        { productId: 'tra', variantId: 'lon', quantity: 1 },
      ],
      products,
      now,
    );
    expect(problems).toEqual([]);
    const { subOrders, totalVnd } = priceSubOrders(demands, producers);
    expect(subOrders.map((s) => [s.producer.id, s.itemsTotalVnd, s.shippingFeeVnd, s.totalVnd])).toEqual([
      ['a', 300_000, 0, 300_000],
      ['b', 90_000, 0, 90_000],
    ]);
    expect(totalVnd).toBe(390_000);
    expect(subOrders[1]!.items[0]).toMatchObject({ variantId: 'lon', variantLabel: 'gói lớn', unitPriceVnd: 90_000, lineTotalVnd: 90_000 });
  });

  it('names every problem: gate, missing or unknown variant, stock', () => {
    const revoked = makeProduct({ id: 'thu-hoi', certificate: makeCertificateSnapshot({ status: 'revoked' }) });
    const all = new Map([...products, [revoked.id, revoked]]);
    const { problems } = resolveDemands(
      [
        { productId: 'thu-hoi', quantity: 1 },
        { productId: 'khong-co', quantity: 1 },
        { productId: 'tra', quantity: 1 },
        { productId: 'tra', variantId: 'to', quantity: 1 },
        { productId: 'mat-ong', variantId: 'nho', quantity: 1 },
        { productId: 'tra', variantId: 'nho', quantity: 4 },
      ],
      all,
      now,
    );
    expect(problems.map((p) => (p.kind === 'not_listed' ? p.reason : `${p.requested}>${p.available}`))).toEqual([
      'CERTIFICATE_REVOKED',
      'PRODUCT_NOT_FOUND',
      'VARIANT_REQUIRED',
      'VARIANT_NOT_FOUND',
      'VARIANT_NOT_FOUND',
      '4>3',
    ]);
  });
});

it('does not sell a tourism service online (booked with the producer)', () => {
  const tour = makeProduct({ id: 'tour', group: 'tourism' as never });
  const { problems } = resolveDemands([{ productId: 'tour', quantity: 1 }], new Map([[tour.id, tour]]), now);
  expect(problems).toMatchObject([{ kind: 'not_listed', reason: 'NOT_SOLD_ONLINE' }]);
});

describe('stock updates', () => {
  it('takes every variant of a product in one update whose condition re-checks gate, stock and price', () => {
    const tea = makeProduct({
      id: 'tra',
      variants: [
        { id: 'nho', label: 'gói nhỏ', priceVnd: 50_000, stock: 3 },
        { id: 'lon', label: 'gói lớn', priceVnd: 90_000, stock: 1 },
      ],
    });
    const u = reserveUpdate(
      [
        { product: tea, variant: tea.variants![1], variantIndex: 1, quantity: 1, unitPriceVnd: 90_000 },
        { product: tea, variant: tea.variants![0], variantIndex: 0, quantity: 2, unitPriceVnd: 50_000 },
      ],
      now,
    );
    expect(u.UpdateExpression).toBe('SET stock = stock - :total, variants[1].stock = variants[1].stock - :q0, variants[0].stock = variants[0].stock - :q1');
    expect(u.ConditionExpression).toContain('certificate.stars >= :minStars');
    expect(u.ConditionExpression).toContain('certificate.expiresAt > :now');
    expect(u.ConditionExpression).toContain('variants[1].stock >= :q0');
    expect(u.ConditionExpression).toContain('variants[0].priceVnd = :p1');
    expect(u.ExpressionAttributeValues).toMatchObject({ ':total': 3, ':minStars': 3, ':now': now.toISOString() });
  });

  it('gives back a single-price product without variant terms', () => {
    const u = releaseUpdate('mat-ong', [{ quantity: 2 }]);
    expect([u.UpdateExpression, u.ConditionExpression, u.ExpressionAttributeValues]).toEqual(['SET stock = stock + :total', 'attribute_exists(PK)', { ':total': 2 }]);
  });
});
