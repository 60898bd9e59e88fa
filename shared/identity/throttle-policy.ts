/**
 * Growing delays for failed logins (pure, so the boundaries are unit-tested without a database).
 * Up to `freeFailures` failures cost nothing; the n-th failure from then on locks for
 * 2^(n - freeFailures) seconds, at most `maxLockMs`. A counter lives while failures keep coming:
 * it goes stale `windowMs` after the later of the last failure and the end of the lock, so waiting
 * out a long lock does not hand back a fresh set of free attempts.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  windowMs: number;
  maxLockMs: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { freeFailures: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };

/**
 * Registrations per client address: every attempt counts (each costs ~120 ms of scrypt, and a
 * flood of them probes for accounts). Ten in a quarter-hour leave room for a family or a shop
 * sharing one address; then the same growing delays as login.
 */
export const REGISTER_THROTTLE: ThrottlePolicy = { freeFailures: 10, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };

/** One counter as stored; times are epoch milliseconds. */
export interface ThrottleRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil?: number | undefined;
}

/** How long the `failures`-th failure locks, in ms (0 below the threshold). */
export function lockMs(failures: number, policy: ThrottlePolicy = LOGIN_THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = failures - policy.freeFailures;
  // 2^30 s is already far past any cap: avoid building huge numbers for absurd counters.
  return exponent >= 30 ? policy.maxLockMs : Math.min(2 ** exponent * 1000, policy.maxLockMs);
}

/** Whole seconds until the lock ends (what `Retry-After` says), 0 when not locked. */
export function retryAfterSeconds(record: ThrottleRecord | undefined, now: Date): number {
  const until = record?.lockedUntil ?? 0;
  const left = until - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** The time before which a counter is still live: a new failure adds to it rather than starting over. */
export function staleFloor(now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE): number {
  return now.getTime() - policy.windowMs;
}

/** Epoch seconds after which DynamoDB TTL may remove a counter: every live counter is younger. */
export function throttleTtl(now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE): number {
  return Math.ceil((now.getTime() + policy.maxLockMs + policy.windowMs) / 1000);
}
