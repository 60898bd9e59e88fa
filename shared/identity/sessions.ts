import type { Services } from '../services';
import type { Account } from './account';
import { principalFromAccount, type Principal } from './principal';
import { signSession, verifySession, type IssuedSession } from './session-token';

/** A new session token for an account, at the clock's now. */
export async function issueSession(services: Services, account: Account): Promise<IssuedSession> {
  const key = await services.identity.sessionSecret.get();
  return signSession(key, account, services.clock.now());
}

/**
 * The principal behind a token, or undefined. Signature and expiry first (no I/O), then one
 * BatchGetItem for the account and the token's revocation item: the token must carry the account's
 * current sessionVersion and role, and not have been logged out.
 */
export async function resolveSession(services: Services, token: string, via: 'cookie' | 'bearer'): Promise<Principal | undefined> {
  const key = await services.identity.sessionSecret.get();
  const claims = await verifySession(key, token, services.clock.now());
  if (!claims) return undefined;
  const { account, revoked } = await services.identity.sessions.load(claims.sub, claims.jti);
  if (!account || revoked || account.sessionVersion !== claims.sv || account.role !== claims.role) return undefined;
  return principalFromAccount(account, { jti: claims.jti, expiresAt: claims.exp, via });
}
