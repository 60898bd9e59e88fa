import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import { BankAccountSchema } from '../../shared/payments/bank-account';
import { vietQrPayment } from '../../shared/payments/vietqr';

describe('demo storefronts can be bought from', () => {
  const { producers } = demoCatalog(new Date('2026-12-01T00:00:00Z'));

  it('every demo storefront has shipping terms and a VietQR account the schema accepts', () => {
    for (const p of producers) {
      expect([p.shippingFeeVnd, p.freeShippingThresholdVnd]).toEqual([30_000, 500_000]);
      expect(BankAccountSchema.parse(p.bank)).toEqual(p.bank);
      expect(vietQrPayment({ bank: p.bank!, amountVnd: 150_000, purpose: 'OCOP DEMO 1' }).payload.length).toBeGreaterThan(50);
    }
  });
});
