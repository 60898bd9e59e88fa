import { raw } from 'hono/html';
import { formatVnd } from '../../shared/money/vnd';
import type { Order, SubOrder } from '../../shared/orders/order';
import { allowedMoves } from '../../shared/orders/state-machine';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import { paymentMethodLabels } from './labels';
import { lineIdOf } from '../../shared/reviews/rules';
import { reviewFormPath } from '../reviews/paths';
import { AddressBlock, History, ItemsTable, Shipment, StatusBadge, Sums } from './order-parts';
import { buyerActionPath, ORDERS_PATH } from './paths';
import { PaymentBlock } from './payment-block';
import { ordersCss } from './styles';

/** `?da-luu=` after the order page's forms (and `?thanh-toan=xong` back from Stripe). */
export const orderSavedMessages: Record<string, string> = {
  'dat-hang': 'Đã đặt hàng. Cơ sở sẽ liên hệ qua số điện thoại bạn để lại nếu cần.',
  huy: 'Đã huỷ phần đơn. Hàng được trả lại kho.',
  'da-nhan': 'Cảm ơn bạn đã xác nhận đã nhận hàng.',
};
export const orderSavedOf = (value: string | undefined) => (value !== undefined && Object.hasOwn(orderSavedMessages, value) ? orderSavedMessages[value] : undefined);

export interface OrderPageProps {
  assets: AssetUrls;
  order: Order;
  viewerId: string;
  saved?: string | undefined;
  /** Back from the card payment page. */
  paidByCard?: boolean | undefined;
  /** A refused form, shown at its sub-order. */
  problem?: { subOrderId: string; message: string } | undefined;
}

function BuyerActions({ sub, orderId }: { sub: SubOrder; orderId: string }) {
  const moves = allowedMoves(sub.status, 'shopper');
  const canCancel = moves.includes('cancelled');
  const canComplete = moves.includes('completed');
  if (!canCancel && !canComplete) return null;
  const reasonId = `ly-do-huy-${sub.id}`;
  return (
    <div class="actions">
      {canComplete ? (
        <form method="post" action={buyerActionPath(orderId, 'received')}>
          <input type="hidden" name="subOrder" value={sub.id} />
          <p>Đã nhận đủ hàng của {sub.producerName}?</p>
          <div>
            <button type="submit">Đã nhận hàng</button>
          </div>
        </form>
      ) : null}
      {canCancel ? (
        <form method="post" action={buyerActionPath(orderId, 'cancel')} class="danger">
          <input type="hidden" name="subOrder" value={sub.id} />
          <div class="field">
            <label for={reasonId}>Lý do huỷ (không bắt buộc)</label>
            <input id={reasonId} name="reason" type="text" maxlength={300} autocomplete="off" />
          </div>
          <div>
            <button type="submit" class="btn-ghost">
              Huỷ phần đơn này
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function SubOrderSection({ sub, index, order, viewerId, problem }: { sub: SubOrder; index: number; order: Order; viewerId: string; problem?: string | undefined }) {
  const headingId = `phan-${sub.id}`;
  return (
    <section class="order-shop" id={sub.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        Phần {index + 1}: {sub.producerName} <span class="meta">({sub.id})</span>
      </h2>
      <p>
        Trạng thái: <StatusBadge status={sub.status} />
        {sub.cancelReason && (sub.status === 'cancelled' || sub.status === 'refunded') ? ` — ${sub.cancelReason}` : ''}
      </p>
      {problem ? (
        <p class="page-error" role="alert">
          {problem}
        </p>
      ) : null}
      <Shipment carrier={sub.carrier} trackingCode={sub.trackingCode} />
      <ItemsTable items={sub.items} caption={`Sản phẩm của ${sub.producerName}`} />
      <Sums itemsTotalVnd={sub.itemsTotalVnd} shippingFeeVnd={sub.shippingFeeVnd} totalVnd={sub.totalVnd} />
      {sub.status === 'delivered' || sub.status === 'completed' ? (
        <ul class="review-links" aria-label="Đánh giá sản phẩm đã nhận">
          {sub.items.map((item, index) => (
            <li>
              <a href={reviewFormPath(order.id, lineIdOf(sub.id, index))}>Đánh giá “{item.name}{item.variantLabel ? ` (${item.variantLabel})` : ''}”</a>
            </li>
          ))}
        </ul>
      ) : null}
      <PaymentBlock sub={sub} orderId={order.id} />
      <h3>Lịch sử</h3>
      <History createdAt={sub.createdAt} history={sub.history ?? []} viewer={{ accountId: viewerId }} />
      <BuyerActions sub={sub} orderId={order.id} />
    </section>
  );
}

/** `/don-hang/<id>`: the buyer's order, one section per storefront, each with its own state and forms. */
export function OrderPage({ assets, order, viewerId, saved, paidByCard, problem }: OrderPageProps) {
  const title = `Đơn hàng ${order.id}`;
  const first = order.subOrders[0];
  const note = order.subOrders.find((s) => s.note)?.note;
  return (
    <Layout title={title} description="Chi tiết đơn hàng trên Chợ OCOP" assets={assets} current="orders" noindex>
      <div class="wrap">
        <style>{raw(identityCss + ordersCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Đơn hàng của tôi', href: ORDERS_PATH }, { label: order.id }]} />
        <h1>{title}</h1>
        {saved ? (
          <p class="success" role="status">
            {saved}
          </p>
        ) : null}
        {paidByCard ? (
          <p class="success" role="status">
            Đã gửi thanh toán thẻ. Trạng thái cập nhật ngay khi Stripe báo đã nhận tiền (thường trong vài giây).
          </p>
        ) : null}
        <dl class="facts panel">
          <dt>Đặt lúc</dt>
          <dd>
            <time datetime={order.createdAt}>{formatVietnamDateTime(order.createdAt)}</time>
          </dd>
          <dt>Thanh toán</dt>
          <dd>{paymentMethodLabels[order.paymentMethod]}</dd>
          <dt>Tổng cộng</dt>
          <dd>
            {formatVnd(order.totalVnd)} ({order.subOrders.length} gian hàng)
          </dd>
          {note ? (
            <>
              <dt>Ghi chú</dt>
              <dd>{note}</dd>
            </>
          ) : null}
        </dl>
        {first ? (
          <section class="panel" aria-labelledby="giao-den">
            <h2 id="giao-den">Giao đến</h2>
            <AddressBlock address={first.shippingAddress} />
          </section>
        ) : null}
        {order.subOrders.map((sub, i) => (
          <SubOrderSection sub={sub} index={i} order={order} viewerId={viewerId} problem={problem?.subOrderId === sub.id ? problem.message : undefined} />
        ))}
      </div>
    </Layout>
  );
}
