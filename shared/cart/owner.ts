import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env';
import { currentPrincipal } from '../identity/authenticate';
import { secureFor } from '../identity/session-cookie';
import type { CartOwner } from './keys';
import { CART_TTL_SECONDS } from './store';

/** The guest cart's id: 128 random bits, base64url. It names a cart and grants nothing else. */
export const CART_COOKIE = 'ocop_cart';
const CART_ID = /^[A-Za-z0-9_-]{22}$/;

export const newCartId = () => randomBytes(16).toString('base64url');

/** The guest cart id the request carries, if it is well formed (anything else is ignored). */
export function guestCartIdOf(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, CART_COOKIE);
  return value && CART_ID.test(value) ? value : undefined;
}

export const hasCartCookie = (c: Context<AppEnv>) => getCookie(c, CART_COOKIE) !== undefined;

/** Whose cart this request means: a signed-in caller's account cart (any role), else the guest cookie's. */
export function cartOwnerOf(c: Context<AppEnv>): CartOwner | undefined {
  const principal = currentPrincipal(c);
  if (principal) return { kind: 'account', accountId: principal.accountId };
  const cartId = guestCartIdOf(c);
  return cartId ? { kind: 'guest', cartId } : undefined;
}

/** As cartOwnerOf, but a guest without a cart gets a new id (the cookie is set once the write succeeds: keepGuestCookie). */
export function cartOwnerForWrite(c: Context<AppEnv>): CartOwner {
  return cartOwnerOf(c) ?? { kind: 'guest', cartId: newCartId() };
}

/** HttpOnly, SameSite=Lax, Secure except on plain-http local/test; lives as long as the cart (refreshed on each write). */
export function keepGuestCookie(c: Context<AppEnv>, owner: CartOwner): void {
  if (owner.kind !== 'guest') return;
  setCookie(c, CART_COOKIE, owner.cartId, { httpOnly: true, secure: secureFor(c), sameSite: 'Lax', path: '/', maxAge: CART_TTL_SECONDS });
}

export function clearGuestCookie(c: Context<AppEnv>): void {
  deleteCookie(c, CART_COOKIE, { httpOnly: true, secure: secureFor(c), sameSite: 'Lax', path: '/' });
}
