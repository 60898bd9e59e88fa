import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { AfterSignIn } from '../identity/sign-in-hooks';
import { clearGuestCookie, guestCartIdOf, hasCartCookie } from './owner';

/**
 * Sign-in (API or form): the guest cart of this browser joins the account cart (quantities summed,
 * at most 999 a line and 40 lines), the guest cart is deleted in the same transaction and its cookie cleared.
 */
export const mergeGuestCartOnSignIn: AfterSignIn = async (c: Context<AppEnv>, accountId: string) => {
  if (!hasCartCookie(c)) return;
  const cartId = guestCartIdOf(c);
  if (cartId) {
    const { merged, dropped } = await c.get('services').carts.mergeGuestCart(cartId, accountId);
    if (dropped.length > 0) c.get('logger').info('guest cart lines left out at sign-in (cart full)', { merged, dropped: dropped.length });
  }
  clearGuestCookie(c);
};
