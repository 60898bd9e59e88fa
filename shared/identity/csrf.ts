import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../http/app-env';
import { Forbidden } from '../http/errors';
import { hasBearer, hasSessionCookie } from './session-cookie';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;
const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** The request's own origin, plus the public origins a proxy may hide (CloudFront in front of API Gateway). */
function isAllowedOrigin(origin: string | undefined, c: Context<AppEnv>): boolean {
  if (!origin) return false;
  const { config } = c.get('services');
  if (origin === new URL(c.req.url).origin || config.publicOrigins.includes(origin)) return true;
  // A browser cannot set X-Forwarded-Host on a cross-site request (it would need a preflight), so
  // when CloudFront sets it, it names the site the request really came to.
  const forwardedHost = config.trustForwardedHost ? c.req.header('x-forwarded-host') : undefined;
  return forwardedHost !== undefined && origin === `https://${forwardedHost}`;
}

const crossSite = () => new Forbidden('Yêu cầu đến từ một trang web khác nên đã bị chặn', 'CROSS_SITE_REQUEST');

/**
 * 403 CROSS_SITE_REQUEST unless the request comes from this site (Origin, or Sec-Fetch-Site). Also for
 * API routes whose own cookie a browser attaches by itself (the guest cart's).
 */
export function assertSameOrigin(c: Context<AppEnv>): void {
  if (!isAllowedOrigin(c.req.header('origin'), c) && c.req.header('sec-fetch-site') !== 'same-origin') throw crossSite();
}

/**
 * CSRF defence, on top of SameSite=Lax cookies:
 * - pages: hono/csrf — a form-encoded or text POST must come from an allowed Origin (or say
 *   Sec-Fetch-Site: same-origin);
 * - /api with the session cookie (and no Bearer token): the same Origin check, whatever the content type;
 * - /api with a Bearer token, or with no credential at all: nothing — a browser never attaches a
 *   token by itself, and the API's bodies are JSON, which another site cannot send without a CORS
 *   preflight we never grant (so it cannot log a victim in to its own account either).
 */
export function csrfProtection() {
  const formGuard = csrf({ origin: isAllowedOrigin });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.test(c.req.method)) return next();
    if (isApi(c.req.path)) {
      if (hasSessionCookie(c) && !hasBearer(c)) assertSameOrigin(c);
      return next();
    }
    try {
      // Only the check: the rest of the chain runs below, outside this try.
      await formGuard(c, async () => undefined);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) throw crossSite();
      throw error;
    }
    await next();
  });
}
