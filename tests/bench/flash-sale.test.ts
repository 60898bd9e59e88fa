import { randomUUID } from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { renderFlashSale, runFlashSale } from '../../bench/flash-sale';

/**
 * The flash-sale bench at a small size (`npm run bench` runs 500 buyers on 100 units): it runs end to
 * end — accounts, the server process, the baseline, the rush, the checks — and sells exactly the units.
 */
describe('bench: flash sale', () => {
  it('50 buyers at once on 10 units: exactly 10 accepted, 40 × 409 OUT_OF_STOCK, stock 0', async () => {
    const r = await runFlashSale({ endpoint: inject('dynamoEndpoint'), tableName: `test-flash-${randomUUID().slice(0, 8)}`, buyers: 50, units: 10, warmup: 4 });
    expect(r.failures).toEqual([]);
    expect(r.checkout.accepted).toBe(10);
    expect(r.checkout.outOfStock + r.checkout.otherCount).toBe(40);
    expect(r.checkout.finalStock).toBe(0);
    expect(r.checkout.ordersFound).toBe(10);
    expect(r.baseline.committed).toBeLessThanOrEqual(10);
    expect(r.baseline.finalStock).toBe(10 - r.baseline.committed);
    // Every accepted checkout committed exactly one transaction; the tallies miss no call.
    expect(r.checkout.calls.accepted.transactWriteItems).toBe(1);
    expect(r.checkout.taggedCallsDuringRush).toBe(r.checkout.serverCallsDuringRush);
    expect(renderFlashSale(r)).toContain('Checkout ÷ baseline');
  }, 120_000);
});
