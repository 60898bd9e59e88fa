import { describe, expect, it } from 'vitest';
import { bucketMonths } from '../../shared/registry/expiry-job';
import { dueNotice } from '../../shared/registry/expiry-notice';

const expiresAt = '2027-03-15T17:00:00.000Z';
const DAY = 24 * 3600 * 1000;
const before = (ms: number) => new Date(Date.parse(expiresAt) - ms);

describe('dueNotice: 90/30/7 days before expiry, then expired', () => {
  it.each([
    [90 * DAY + 1, undefined],
    [90 * DAY, 'd90'],
    [30 * DAY + 1, 'd90'],
    [30 * DAY, 'd30'],
    [7 * DAY + 1, 'd30'],
    [7 * DAY, 'd7'],
    [1, 'd7'],
    [0, 'expired'],
    [-DAY, 'expired'],
  ])('%i ms before the expiry instant → %s', (ms, kind) => {
    expect(dueNotice(expiresAt, before(ms))).toBe(kind);
  });
});

describe('bucketMonths', () => {
  it('covers last month to the month the 90-day horizon reaches', () => {
    expect(bucketMonths(new Date('2026-11-23T03:00:00Z'))).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });
  it('takes the month in Vietnam time (UTC+7) and wraps the year', () => {
    expect(bucketMonths(new Date('2026-12-31T18:00:00Z'), 0)[0]).toBe('2027-01');
    expect(bucketMonths(new Date('2027-01-10T00:00:00Z'), 2)[0]).toBe('2026-11');
  });
});
