import { tryGetContext } from 'hono/context-storage';
import type { AppEnv } from '../../shared/http/app-env';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { ORDERS_PATH } from './paths';

/**
 * The header's "Đơn hàng" (the shopper's orders; short, the header is tight on a phone), for signed-in visitors only (no read: the session is already
 * resolved). Outside a request (pages rendered in unit tests) there is no one signed in.
 */
export function OrdersLink({ current }: { current: boolean }) {
  const c = tryGetContext<AppEnv>();
  if (!c || !currentPrincipal(c)) return null;
  return (
    <li>
      <a href={ORDERS_PATH} {...(current ? { 'aria-current': 'page' as const } : {})}>
        Đơn hàng
      </a>
    </li>
  );
}
