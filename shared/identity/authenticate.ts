import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import type { Principal } from './principal';
import { clearSessionCookie, readCredential } from './session-cookie';
import { resolveSession } from './sessions';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by authenticate() when the request carries a valid session; unset for anonymous callers. */
    principal: Principal | undefined;
  }
}

/**
 * App-wide: resolves the caller from `Authorization: Bearer` or the `ocop_session` cookie. Requests
 * without either cost nothing; signed-in ones one BatchGetItem. An invalid or ended session makes
 * the request anonymous (routes that need a principal answer 401) and a stale cookie is cleared.
 */
export function authenticate() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const credential = readCredential(c);
    if (credential) {
      const principal = await resolveSession(c.get('services'), credential.token, credential.via);
      if (principal) c.set('principal', principal);
      else if (credential.via === 'cookie') clearSessionCookie(c);
    }
    await next();
  });
}

export function currentPrincipal(c: Context): Principal | undefined {
  return c.get('principal');
}
