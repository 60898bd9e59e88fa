import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { Forbidden } from '../http/errors';
import { currentPrincipal } from './authenticate';
import { Unauthenticated } from './errors';
import { roles, type Principal, type Role } from './principal';

type PrincipalOf<R extends Role> = Extract<Principal, { role: R }>;

/** The principal, or 401. */
export function requirePrincipal(c: Context): Principal {
  const principal = currentPrincipal(c);
  if (!principal) throw new Unauthenticated();
  return principal;
}

function assertRole<R extends Role>(principal: Principal | undefined, allowed: readonly R[]): asserts principal is PrincipalOf<R> {
  if (!principal) throw new Unauthenticated();
  if (!(allowed as readonly Role[]).includes(principal.role)) throw new Forbidden('Tài khoản của bạn không có quyền thực hiện thao tác này');
}

/**
 * Route middleware: 401 without a session, 403 for other roles. Put it in createRoute's
 * `middleware` so it runs before input validation (a stranger learns nothing about the body).
 */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertRole(currentPrincipal(c), allowed);
    await next();
  });
}

/** Any signed-in account. */
export const requireSignedIn = () => requireRole(...roles);

interface ObjectCheckOptions {
  /** Let an admin through as well (for support and moderation routes). */
  orAdmin?: boolean;
}

/** The producer who owns storefront `producerId` (403 for anyone else, 401 without a session). */
export function assertOwnsStorefront(principal: Principal | undefined, producerId: string, options: ObjectCheckOptions = {}): asserts principal is Principal {
  if (!principal) throw new Unauthenticated();
  if (options.orAdmin && principal.role === 'admin') return;
  if (principal.role !== 'producer' || !principal.producerId || principal.producerId !== producerId) {
    throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
  }
}

/** An officer of province `provinceCode` (2025 code). */
export function assertOfficerOf(principal: Principal | undefined, provinceCode: string, options: ObjectCheckOptions = {}): asserts principal is Principal {
  if (!principal) throw new Unauthenticated();
  if (options.orAdmin && principal.role === 'admin') return;
  if (principal.role !== 'officer' || principal.provinceCode !== provinceCode) {
    throw new Forbidden('Bạn không phụ trách tỉnh, thành phố này', 'NOT_PROVINCE_OFFICER');
  }
}
