import { describe, expect, it } from 'vitest';
import { certificateExpiresAt, certificateExpiresOn } from './certificate-expiry';

describe('certificateExpiresOn (decision date + 36 calendar months)', () => {
  it.each([
    ['2023-05-15', '2026-05-15'],
    ['2024-01-31', '2027-01-31'],
    ['2023-12-31', '2026-12-31'],
    ['2022-11-30', '2025-11-30'],
  ])('%s → %s', (decided, expires) => {
    expect(certificateExpiresOn(decided)).toBe(expires);
  });

  it('clamps 29 February to the end of a non-leap February', () => {
    expect(certificateExpiresOn('2024-02-29')).toBe('2027-02-28');
  });

  it('clamps month-end days when the target month is shorter', () => {
    expect(certificateExpiresOn('2024-03-31', 11)).toBe('2025-02-28');
    expect(certificateExpiresOn('2023-08-31', 1)).toBe('2023-09-30');
  });

  it('refuses anything that is not a calendar date', () => {
    expect(() => certificateExpiresOn('15/05/2023')).toThrow(RangeError);
  });
});

describe('certificateExpiresAt', () => {
  it('ends validity at midnight after the expiry day in Vietnam (17:00 UTC)', () => {
    expect(certificateExpiresAt('2026-05-15')).toBe('2026-05-15T17:00:00.000Z');
  });
});
