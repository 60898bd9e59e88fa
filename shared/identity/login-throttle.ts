import type { Services } from '../services';
import { TooManyAttempts } from './errors';
import { LOGIN_THROTTLE, retryAfterSeconds } from './throttle-policy';
import type { ThrottleRef } from './throttle-store';

/** The two counters a password check is throttled by: the account (normalised email) and the client IP. */
export function loginThrottleRefs(normalisedEmail: string, ip: string): { account: ThrottleRef; ip: ThrottleRef } {
  return { account: { scope: 'acct', value: normalisedEmail }, ip: { scope: 'ip', value: ip } };
}

/** 429 while either counter is locked, before any password is checked. Returns whether the account had a counter. */
export async function assertNotLocked(services: Services, refs: { account: ThrottleRef; ip: ThrottleRef }): Promise<{ accountCounted: boolean }> {
  const [account, ip] = await services.identity.throttles.read([refs.account, refs.ip]);
  const now = services.clock.now();
  const wait = Math.max(retryAfterSeconds(account, now), retryAfterSeconds(ip, now));
  if (wait > 0) throw new TooManyAttempts(wait);
  return { accountCounted: account !== undefined };
}

export async function recordFailedLogin(services: Services, refs: { account: ThrottleRef; ip: ThrottleRef }): Promise<void> {
  const now = services.clock.now();
  await Promise.all([refs.account, refs.ip].map((ref) => services.identity.throttles.recordFailure(ref, now, LOGIN_THROTTLE)));
}

/**
 * After a correct password the account starts over; the IP counter does not, or an attacker with
 * one valid account could reset it between guesses at others.
 */
export async function clearAccountFailures(services: Services, refs: { account: ThrottleRef }): Promise<void> {
  await services.identity.throttles.clear(refs.account);
}
