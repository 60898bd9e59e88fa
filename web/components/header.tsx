import { CartLink } from '../cart/cart-link';
import { OrdersLink } from '../orders/orders-link';
import { SEARCH_ACTION } from '../view';

export type NavKey = 'home' | 'products' | 'cart' | 'orders' | 'account';

export function Header({ current, query }: { current?: NavKey | undefined; query?: string | undefined }) {
  const here = (key: NavKey) => (current === key ? { 'aria-current': 'page' as const } : {});
  return (
    <header class="site-header">
      <div class="wrap bar">
        <a class="brand" href="/">
          Chợ <span>OCOP</span>
        </a>
        <nav class="nav" aria-label="Chính">
          <ul>
            <li>
              <a href="/" {...here('home')}>
                Trang chủ
              </a>
            </li>
            <li>
              <a href="/san-pham" {...here('products')}>
                Sản phẩm
              </a>
            </li>
            <li>
              <a href="/hoi-cho">Hội chợ</a>
            </li>
            <li>
              <CartLink current={current === 'cart'} />
            </li>
            <OrdersLink current={current === 'orders'} />
            <li>
              {/* The same link for everyone keeps public pages cacheable: /tai-khoan signs in when needed. */}
              <a href="/tai-khoan" {...here('account')}>
                Tài khoản
              </a>
            </li>
          </ul>
        </nav>
        <form class="search" role="search" action={SEARCH_ACTION} method="get">
          <label class="sr-only" for="tim-kiem-q">
            Tìm sản phẩm OCOP
          </label>
          <input id="tim-kiem-q" type="search" name="q" value={query ?? ''} placeholder="Tìm nước mắm, mật ong, trà…" autocomplete="off" enterkeyhint="search" />
          <button type="submit">Tìm</button>
        </form>
      </div>
    </header>
  );
}
