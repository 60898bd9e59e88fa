import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { accountView } from './account';
import type { SignedIn } from './auth-service';
import { TooManyAttempts } from './errors';
import { setSessionCookie } from './session-cookie';

/** The error handler knows no headers; a locked login must still say when to come back. */
export async function withRetryAfter<T>(c: Context, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/** Sets the cookie (browsers) and returns the token (scripts, apps): one session, two carriers. */
export function startSession(c: Context<AppEnv>, { account, session }: SignedIn) {
  setSessionCookie(c, session.token);
  c.header('Cache-Control', 'no-store');
  return {
    token: session.token,
    tokenType: 'Bearer' as const,
    expiresAt: new Date(session.claims.exp * 1000).toISOString(),
    account: accountView(account),
  };
}

export const securedBy: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
