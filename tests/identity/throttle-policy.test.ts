import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, lockMs, retryAfterSeconds } from '../../shared/identity/throttle-policy';

describe('login throttle policy', () => {
  it('is free for the first 4 failures, then locks 2^(n-5) s, capped at 15 min', () => {
    expect([1, 2, 3, 4].map((n) => lockMs(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(lockMs(14)).toBe(512_000);
    expect(lockMs(15)).toBe(LOGIN_THROTTLE.maxLockMs);
    expect(lockMs(10_000)).toBe(15 * 60_000);
  });

  it('says how many whole seconds remain, rounding up', () => {
    const now = new Date('2026-11-23T03:00:00.000Z');
    expect(retryAfterSeconds(undefined, now)).toBe(0);
    expect(retryAfterSeconds({ failures: 3, lastFailureAt: now.getTime() }, now)).toBe(0);
    expect(retryAfterSeconds({ failures: 5, lastFailureAt: now.getTime(), lockedUntil: now.getTime() + 1 }, now)).toBe(1);
    expect(retryAfterSeconds({ failures: 6, lastFailureAt: now.getTime(), lockedUntil: now.getTime() + 2000 }, now)).toBe(2);
    expect(retryAfterSeconds({ failures: 6, lastFailureAt: 0, lockedUntil: now.getTime() }, now)).toBe(0);
  });
});
