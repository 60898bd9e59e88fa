import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from '../support/error-shape';
import { address, openShop, placeRequest, stockOf, type OrderAnswer, type Shop } from './fixtures';

/**
 * Real DynamoDB cancels a transaction that meets another one on the same item (TransactionConflict);
 * DynamoDB Local queues them instead, so the conflict is injected here (an SDK middleware on the
 * document client) — everything else goes through to DynamoDB Local.
 */
describe('checkout under transaction conflicts', () => {
  let shop: Shop;
  let transactions = 0;
  beforeAll(async () => {
    shop = await openShop();
  });
  afterEach(() => shop.services.db.middlewareStack.remove('injectTransactionConflict'));

  /** Fails the next `times` transactions (all of them with Infinity), as a real contended table would. */
  function conflictNext(times: number) {
    let left = times;
    transactions = 0;
    shop.services.db.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^TransactWrite/.test(context.commandName ?? '')) {
          transactions++;
          if (left-- > 0) throw conflict();
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectTransactionConflict' },
    );
  }

  const conflict = () =>
    new TransactionCanceledException({
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, None, TransactionConflict]',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'TransactionConflict' }],
    });

  it('retries a conflicted placement and commits it once', async () => {
    const before = (await stockOf(shop.services, shop.honey.id)).stock!;
    conflictNext(2);
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 2 }], shippingAddress: address, paymentMethod: 'cod' }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as OrderAnswer).subOrders).toHaveLength(1);
    expect(transactions).toBe(3);
    expect((await stockOf(shop.services, shop.honey.id)).stock).toBe(before - 2);
  });

  it('answers 503 CHECKOUT_BUSY with Retry-After when every attempt conflicts, and reserves nothing', async () => {
    const before = (await stockOf(shop.services, shop.honey.id)).stock!;
    conflictNext(Infinity);
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }));
    expect(res.status).toBe(503);
    await expectErrorShape(res, 'CHECKOUT_BUSY');
    expect(res.headers.get('retry-after')).toBe('1');
    expect(transactions).toBe(12);
    shop.services.db.middlewareStack.remove('injectTransactionConflict');
    expect((await stockOf(shop.services, shop.honey.id)).stock).toBe(before);
  }, 30_000);
});
