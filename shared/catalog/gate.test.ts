import { describe, expect, it } from 'vitest';
import { checkListingGate, isListable, type GateInput } from './gate';

const expiresAt = '2026-05-15T17:00:00.000Z';
const product = (over: Partial<GateInput['certificate'] & object> = {}, status: GateInput['status'] = 'active'): GateInput => ({
  status,
  certificate: { stars: 4, status: 'active', expiresAt, ...over },
});

describe('the 3★ listing gate', () => {
  it('lists an active 3★, 4★ or 5★ product before expiry', () => {
    for (const stars of [3, 4, 5]) {
      expect(checkListingGate(product({ stars }), new Date('2026-01-01T00:00:00Z'))).toEqual({ listed: true });
    }
  });

  it('still lists it one millisecond before the expiry instant', () => {
    expect(checkListingGate(product(), new Date(Date.parse(expiresAt) - 1)).listed).toBe(true);
  });

  it('hides it at the expiry instant and after, with no job having run', () => {
    expect(checkListingGate(product(), new Date(expiresAt))).toEqual({ listed: false, reason: 'CERTIFICATE_EXPIRED' });
    expect(checkListingGate(product(), new Date(Date.parse(expiresAt) + 1000))).toEqual({ listed: false, reason: 'CERTIFICATE_EXPIRED' });
  });

  it('never lists a 1★ or 2★ result', () => {
    expect(checkListingGate(product({ stars: 2 }), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'BELOW_THREE_STARS' });
    expect(checkListingGate(product({ stars: 1 }), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'BELOW_THREE_STARS' });
  });

  it('hides revoked and superseded certificates at once', () => {
    expect(checkListingGate(product({ status: 'revoked' }), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'CERTIFICATE_REVOKED' });
    expect(checkListingGate(product({ status: 'superseded' }), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'CERTIFICATE_SUPERSEDED' });
  });

  it('hides products without a certificate and products not on sale', () => {
    expect(checkListingGate({ status: 'active' }, new Date('2026-01-01'))).toEqual({ listed: false, reason: 'NO_CERTIFICATE' });
    expect(checkListingGate(product({}, 'archived'), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'PRODUCT_NOT_ACTIVE' });
    expect(checkListingGate(product({}, 'draft'), new Date('2026-01-01'))).toEqual({ listed: false, reason: 'PRODUCT_NOT_ACTIVE' });
  });

  it('lets only active ≥3★ products have listing items; expiry is left to read time', () => {
    expect(isListable(product())).toBe(true);
    expect(isListable(product({ stars: 2 }))).toBe(false);
    expect(isListable(product({ status: 'revoked' }))).toBe(false);
    expect(isListable(product({}, 'archived'))).toBe(false);
    expect(isListable(product({ expiresAt: '2020-01-01T00:00:00.000Z' }))).toBe(true);
  });
});
