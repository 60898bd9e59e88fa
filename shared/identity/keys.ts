/** Key layout of identity items in the single table (docs/identity.md). */
export const accountKey = (id: string) => ({ PK: `ACCOUNT#${id}`, SK: 'ACCOUNT' });
/** Uniqueness item: written in the same transaction as the account, conditional on not existing. */
export const emailKey = (normalisedEmail: string) => ({ PK: `EMAIL#${normalisedEmail}`, SK: 'EMAIL' });
/** A logged-out session's token id; TTL = the token's own expiry, after which it is invalid anyway. */
export const revokedKey = (jti: string) => ({ PK: `REVOKED#${jti}`, SK: 'REVOKED' });

/** `reg`: registrations per client address (each costs a scrypt hash); `inq`: fair trade inquiries per client address. */
export type ThrottleScope = 'acct' | 'ip' | 'reg' | 'inq';
/** Failed-login counters, per normalised email and per client IP. */
export const throttleKey = (scope: ThrottleScope, value: string) => ({ PK: `THROTTLE#${scope}#${value}`, SK: 'THROTTLE' });
