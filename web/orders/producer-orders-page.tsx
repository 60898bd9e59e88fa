import { raw } from 'hono/html';
import { formatVnd } from '../../shared/money/vnd';
import type { SubOrder } from '../../shared/orders/order';
import type { OrderNotice } from '../../shared/orders/order-store';
import type { SubOrderStatus } from '../../shared/orders/state-machine';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Pagination } from '../components/pagination';
import { ProducerPage } from '../producer/producer-page';
import { nationalPhone, type AssetUrls } from '../view';
import { paymentMethodLabels, paymentStatusLabels } from './labels';
import { NoticeList } from './order-list-page';
import { StatusBadge } from './order-parts';
import { PRODUCER_ORDERS_PATH, producerSubOrderPath, STATUS_PARAM } from './paths';
import { ordersCss } from './styles';

export const ALL_STATUSES = 'tat-ca';
export type QueueTab = SubOrderStatus | typeof ALL_STATUSES;

/** The queue's tabs: what needs work first (confirmed: to pack), then waiting for money, then the rest. */
export const queueTabs: { tab: QueueTab; label: string }[] = [
  { tab: 'confirmed', label: 'Cần chuẩn bị' },
  { tab: 'pending_payment', label: 'Chờ thanh toán' },
  { tab: 'packed', label: 'Đã đóng gói' },
  { tab: 'shipped', label: 'Đang giao' },
  { tab: 'delivered', label: 'Đã giao' },
  { tab: 'completed', label: 'Hoàn tất' },
  { tab: 'cancelled', label: 'Đã huỷ' },
  { tab: 'refunded', label: 'Đã hoàn tiền' },
  { tab: ALL_STATUSES, label: 'Tất cả' },
];
export const DEFAULT_TAB: QueueTab = 'confirmed';

export function queueTabOf(value: string | undefined): QueueTab | undefined {
  if (value === undefined || value === '') return DEFAULT_TAB;
  return queueTabs.find((t) => t.tab === value)?.tab;
}

export const queueHref = (tab: QueueTab, cursor?: string) => {
  const params = new URLSearchParams();
  if (tab !== DEFAULT_TAB) params.set(STATUS_PARAM, tab);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `${PRODUCER_ORDERS_PATH}?${query}` : PRODUCER_ORDERS_PATH;
};

export interface ProducerOrdersPageProps {
  assets: AssetUrls;
  tab: QueueTab;
  subOrders: SubOrder[];
  notices: OrderNotice[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}

/** `/co-so-cua-toi/don-hang`: the storefront's sub-orders, one state per tab, newest first. */
export function ProducerOrdersPage({ assets, tab, subOrders, notices, nextHref, firstHref }: ProducerOrdersPageProps) {
  const current = queueTabs.find((t) => t.tab === tab)!;
  return (
    <ProducerPage title="Đơn hàng" assets={assets}>
      <style>{raw(ordersCss)}</style>
      {notices.length > 0 ? (
        <section class="panel" aria-labelledby="thong-bao-don">
          <h2 id="thong-bao-don">Thông báo đơn hàng</h2>
          <NoticeList notices={notices} linkOf={(n) => producerSubOrderPath(n.subOrderId)} />
        </section>
      ) : null}
      <nav aria-label="Trạng thái đơn">
        <ul class="tabs">
          {queueTabs.map((t) => (
            <li>
              <a href={queueHref(t.tab)} {...(t.tab === tab ? { 'aria-current': 'page' as const } : {})}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{current.label}</h2>
      {subOrders.length === 0 ? (
        <p>Không có đơn nào ở mục này.</p>
      ) : (
        <div class="table-scroll">
          <table class="order-table">
            <caption class="sr-only">Đơn hàng “{current.label}”, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Mã đơn</th>
                <th scope="col">Ngày đặt</th>
                <th scope="col">Người nhận</th>
                <th scope="col">Sản phẩm</th>
                <th scope="col">Tổng</th>
                <th scope="col">Thanh toán</th>
                {tab === ALL_STATUSES ? <th scope="col">Trạng thái</th> : null}
              </tr>
            </thead>
            <tbody>
              {subOrders.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={producerSubOrderPath(s.id)}>{s.id}</a>
                  </th>
                  <td>
                    <time datetime={s.createdAt}>{formatVietnamDateTime(s.createdAt)}</time>
                  </td>
                  <td>
                    {s.shippingAddress.recipientName}
                    <br />
                    <a href={`tel:${s.shippingAddress.phone}`}>{nationalPhone(s.shippingAddress.phone)}</a>
                  </td>
                  <td class="num">{s.items.reduce((n, i) => n + i.quantity, 0)}</td>
                  <td class="num">{formatVnd(s.totalVnd)}</td>
                  <td>
                    {paymentMethodLabels[s.payment.method]}
                    <br />
                    {paymentStatusLabels[s.payment.status]}
                  </td>
                  {tab === ALL_STATUSES ? (
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination nextHref={nextHref} firstHref={firstHref} />
    </ProducerPage>
  );
}
