import { tryGetContext } from 'hono/context-storage';
import { cartOwnerOf } from '../../shared/cart/owner';
import type { AppEnv } from '../../shared/http/app-env';
import { CART_PATH } from './paths';

/**
 * The number of lines in this visitor's cart, for the header. Cheap by design: nothing at all
 * without a session or a cart cookie; otherwise one GetItem on the cart item (no product read).
 * Outside a request (pages rendered in unit tests) or if the read fails, the link shows no count.
 */
async function headerCartCount(): Promise<number> {
  const c = tryGetContext<AppEnv>();
  const carts = c?.get('services')?.carts;
  const owner = c && carts ? cartOwnerOf(c) : undefined;
  if (!c || !carts || !owner) return 0;
  try {
    return await carts.countLines(owner);
  } catch (error) {
    c.get('logger')?.warn('header cart count failed', { error: error instanceof Error ? error.message : String(error) });
    return 0;
  }
}

/**
 * The header's cart link. A page that shows a count is personal, yet it may keep its public
 * `no-cache` header: every view is revalidated against an ETag of the whole body, so a cache can
 * only ever answer with the body this visitor would get.
 */
export async function CartLink({ current }: { current: boolean }) {
  const count = await headerCartCount();
  return (
    <a href={CART_PATH} {...(current ? { 'aria-current': 'page' as const } : {})}>
      Giỏ hàng
      {count > 0 ? (
        <>
          {' '}
          <span class="cart-count" aria-hidden="true">
            {count}
          </span>
          <span class="sr-only">: {count} sản phẩm</span>
        </>
      ) : null}
    </a>
  );
}
