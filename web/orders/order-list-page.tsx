import { raw } from 'hono/html';
import { formatVnd } from '../../shared/money/vnd';
import type { OrderSummary } from '../../shared/orders/order';
import type { OrderNotice } from '../../shared/orders/order-store';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import type { AssetUrls } from '../view';
import { StatusBadge } from './order-parts';
import { orderPath, ORDERS_PATH } from './paths';
import { ordersCss } from './styles';

export interface OrderListPageProps {
  assets: AssetUrls;
  orders: OrderSummary[];
  notices: OrderNotice[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}

/** Order notices (a storefront moved a part, a payment arrived), newest first. */
export function NoticeList({ notices, linkOf }: { notices: OrderNotice[]; linkOf: (n: OrderNotice) => string }) {
  return (
    <ul>
      {notices.map((n) => (
        <li>
          <time datetime={n.createdAt}>{formatVietnamDateTime(n.createdAt)}</time> — <a href={linkOf(n)}>{n.message}</a>
        </li>
      ))}
    </ul>
  );
}

/** `/don-hang`: the shopper's orders, newest first, one page at a time (cursor). */
export function OrderListPage({ assets, orders, notices, nextHref, firstHref }: OrderListPageProps) {
  const title = 'Đơn hàng của tôi';
  return (
    <Layout title={title} description="Các đơn hàng bạn đã đặt trên Chợ OCOP" assets={assets} current="orders" noindex>
      <div class="wrap">
        <style>{raw(ordersCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Tài khoản', href: '/tai-khoan' }, { label: title }]} />
        <h1>{title}</h1>
        {notices.length > 0 ? (
          <section class="panel" aria-labelledby="thong-bao-don">
            <h2 id="thong-bao-don">Thông báo mới</h2>
            <NoticeList notices={notices} linkOf={(n) => `${orderPath(n.orderId)}#${n.subOrderId}`} />
          </section>
        ) : null}
        {orders.length === 0 ? (
          <p>
            {firstHref ? 'Không còn đơn nào.' : 'Bạn chưa đặt đơn hàng nào.'} <a href="/san-pham">Xem sản phẩm OCOP</a>
          </p>
        ) : (
          <div class="table-scroll">
            <table class="order-table">
              <caption class="sr-only">Đơn hàng của bạn, mới nhất trước</caption>
              <thead>
                <tr>
                  <th scope="col">Ngày đặt</th>
                  <th scope="col">Mã đơn</th>
                  <th scope="col">Gian hàng</th>
                  <th scope="col">Tổng</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr>
                    <td>
                      <time datetime={o.createdAt}>{formatVietnamDateTime(o.createdAt)}</time>
                    </td>
                    <th scope="row">
                      <a href={orderPath(o.id)}>{o.id}</a>
                    </th>
                    <td>{o.producerNames.join(', ')}</td>
                    <td class="num">{formatVnd(o.totalVnd)}</td>
                    <td>
                      {o.statuses.map((s, i) => (
                        <>
                          {i > 0 ? ' ' : ''}
                          <StatusBadge status={s} />
                        </>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination nextHref={nextHref} firstHref={firstHref} />
      </div>
    </Layout>
  );
}

export const ordersListHref = (cursor?: string) => (cursor ? `${ORDERS_PATH}?cursor=${encodeURIComponent(cursor)}` : ORDERS_PATH);
