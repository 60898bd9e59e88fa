import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatVnd } from '../../shared/money/vnd';
import type { SubOrder } from '../../shared/orders/order';
import { allowedMoves, type SubOrderStatus } from '../../shared/orders/state-machine';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { emptyForm, ErrorSummary, Field, type FormState } from '../components/form/form';
import { SelectField, TextArea } from '../producer/form-fields';
import { ProducerPage } from '../producer/producer-page';
import type { AssetUrls } from '../view';
import { paymentMethodLabels, paymentStatusLabels } from './labels';
import { carriers, moveLabels, OTHER_CARRIER } from './move-form';
import { AddressBlock, History, ItemsTable, Shipment, StatusBadge, Sums } from './order-parts';
import { PRODUCER_ORDERS_PATH, producerMovePath } from './paths';
import { ordersCss } from './styles';

/** `?da-luu=<to>` after a move. */
export const moveDoneMessages: Partial<Record<SubOrderStatus, string>> = {
  confirmed: 'Đã xác nhận nhận chuyển khoản. Đơn chuyển sang “Đã xác nhận”.',
  packed: 'Đã ghi nhận: hàng đã đóng gói.',
  shipped: 'Đã ghi nhận: hàng đã giao cho đơn vị vận chuyển. Người mua thấy mã vận đơn.',
  delivered: 'Đã ghi nhận: hàng đã giao tới người mua.',
  completed: 'Đơn đã hoàn tất.',
  cancelled: 'Đã huỷ đơn. Hàng được trả lại kho.',
  refunded: 'Đã ghi nhận hoàn tiền.',
};

/** The moves this page offers: the state machine's, less those the storefront cannot make here. */
export function producerMoves(sub: Pick<SubOrder, 'status' | 'payment'>): SubOrderStatus[] {
  return allowedMoves(sub.status, 'producer').filter((to) => {
    // Card payments are confirmed by Stripe only; a transfer by the storefront that saw it arrive.
    if (sub.status === 'pending_payment' && to === 'confirmed') return sub.payment.method === 'vietqr';
    // A cancelled part owes money back only if it was paid.
    if (sub.status === 'cancelled' && to === 'refunded') return sub.payment.status === 'refund_due';
    return true;
  });
}

export interface ProducerSubOrderPageProps {
  assets: AssetUrls;
  sub: SubOrder;
  saved?: string | undefined;
  /** The move form that was refused, with its values and errors (or a message for the whole page). */
  failed?: { to: SubOrderStatus | undefined; state: FormState } | undefined;
}

const carrierOptions = [...carriers.map((c) => ({ value: c, label: c })), { value: OTHER_CARRIER, label: 'Khác (nhập tên)' }];

function MoveForm({ sub, to, state, title, danger, children, button }: { sub: SubOrder; to: SubOrderStatus; state: FormState; title: string; danger?: boolean; children?: Child; button: string }) {
  const headingId = `buoc-${to}`;
  return (
    <form method="post" action={producerMovePath(sub.id)} class={danger ? 'danger' : undefined} aria-labelledby={headingId} novalidate>
      <h3 id={headingId}>{title}</h3>
      <ErrorSummary state={state} labels={moveLabels} />
      <input type="hidden" name="to" value={to} />
      {children}
      <div>
        <button type="submit" class={danger ? 'btn-ghost' : undefined}>
          {button}
        </button>
      </div>
    </form>
  );
}

function Moves({ sub, failed }: { sub: SubOrder; failed: ProducerSubOrderPageProps['failed'] }) {
  const moves = producerMoves(sub);
  if (moves.length === 0) return <p>Đơn ở trạng thái cuối: không còn bước nào.</p>;
  const stateOf = (to: SubOrderStatus) => (failed?.to === to ? failed.state : emptyForm());
  const qr = sub.payment.vietqr;
  return (
    <div class="actions">
      {moves.map((to) => {
        const state = stateOf(to);
        switch (to) {
          case 'confirmed':
            return (
              <MoveForm sub={sub} to={to} state={state} title="Đã nhận chuyển khoản?" button="Xác nhận đã nhận chuyển khoản">
                <p>
                  Chỉ xác nhận khi tài khoản đã nhận <strong>{formatVnd(sub.payment.amountVnd)}</strong>
                  {qr ? (
                    <>
                      {' '}
                      với nội dung <strong>{qr.purpose}</strong>
                    </>
                  ) : null}
                  .
                </p>
              </MoveForm>
            );
          case 'packed':
            return <MoveForm sub={sub} to={to} state={state} title="Chuẩn bị hàng" button="Đóng gói" />;
          case 'shipped':
            return (
              <MoveForm sub={sub} to={to} state={state} title="Giao cho đơn vị vận chuyển" button="Giao cho vận chuyển">
                <SelectField name="carrier" label={moveLabels.carrier!} state={state} options={carrierOptions} placeholder="— Chọn đơn vị —" />
                <Field name="carrierOther" label={moveLabels.carrierOther!} state={state} autocomplete="off" required={false} maxlength={60} hint="Chỉ khi chọn “Khác”." />
                <Field name="trackingCode" label={moveLabels.trackingCode!} state={state} autocomplete="off" maxlength={40} hint="4–40 chữ, số hoặc dấu gạch, như trên phiếu gửi." />
              </MoveForm>
            );
          case 'delivered':
            return <MoveForm sub={sub} to={to} state={state} title="Người mua đã nhận hàng?" button="Đã giao" />;
          case 'completed':
            return <MoveForm sub={sub} to={to} state={state} title="Kết thúc đơn" button="Hoàn tất đơn" />;
          case 'cancelled':
            return (
              <MoveForm sub={sub} to={to} state={state} title="Huỷ đơn" button="Huỷ đơn" danger>
                <TextArea name="reason" label={moveLabels.reason!} state={state} rows={2} maxlength={300} hint="Người mua thấy lý do này. Hàng được trả lại kho." />
              </MoveForm>
            );
          case 'refunded':
            return (
              <MoveForm sub={sub} to={to} state={state} title="Hoàn tiền cho người mua" button="Hoàn tiền" danger>
                <TextArea name="refundReason" label={moveLabels.refundReason!} state={state} rows={2} maxlength={300} />
                <Field name="refundReference" label={moveLabels.refundReference!} state={state} autocomplete="off" required={false} maxlength={100} hint="Mã giao dịch chuyển khoản trả lại người mua." />
              </MoveForm>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}

/** `/co-so-cua-toi/don-hang/<id>`: one sub-order for its storefront, with a form for each next step. */
export function ProducerSubOrderPage({ assets, sub, saved, failed }: ProducerSubOrderPageProps) {
  const pageError = failed && !failed.to ? failed.state.formError : undefined;
  return (
    <ProducerPage title={`Đơn ${sub.id}`} assets={assets} trail={[{ label: 'Đơn hàng', href: PRODUCER_ORDERS_PATH }]}>
      <style>{raw(ordersCss)}</style>
      {saved ? (
        <p class="success" role="status">
          {saved}
        </p>
      ) : null}
      {pageError ? (
        <p class="page-error" role="alert" tabindex={-1}>
          {pageError}
        </p>
      ) : null}
      <p>
        Trạng thái: <StatusBadge status={sub.status} /> · đặt lúc <time datetime={sub.createdAt}>{formatVietnamDateTime(sub.createdAt)}</time>
      </p>
      {sub.cancelReason && (sub.status === 'cancelled' || sub.status === 'refunded') ? <p>Lý do: {sub.cancelReason}</p> : null}
      <Shipment carrier={sub.carrier} trackingCode={sub.trackingCode} />
      <section class="order-shop" aria-labelledby="san-pham-don">
        <h2 id="san-pham-don">Sản phẩm</h2>
        <ItemsTable items={sub.items} caption="Sản phẩm trong đơn" />
        <Sums itemsTotalVnd={sub.itemsTotalVnd} shippingFeeVnd={sub.shippingFeeVnd} totalVnd={sub.totalVnd} />
      </section>
      <section class="order-shop" aria-labelledby="giao-den">
        <h2 id="giao-den">Giao đến</h2>
        <AddressBlock address={sub.shippingAddress} phoneLink />
        {sub.note ? (
          <p>
            <strong>Ghi chú của người mua:</strong> {sub.note}
          </p>
        ) : null}
      </section>
      <section class="order-shop" aria-labelledby="thanh-toan">
        <h2 id="thanh-toan">Thanh toán</h2>
        <p>
          {paymentMethodLabels[sub.payment.method]} · {formatVnd(sub.payment.amountVnd)} · <strong>{paymentStatusLabels[sub.payment.status]}</strong>
          {sub.payment.paidAt ? ` lúc ${formatVietnamDateTime(sub.payment.paidAt)}` : ''}
        </p>
        {sub.payment.vietqr && sub.payment.status === 'awaiting' ? (
          <p>
            Chờ người mua chuyển khoản nội dung <strong>{sub.payment.vietqr.purpose}</strong>
            {sub.payment.dueAt ? <> trước <time datetime={sub.payment.dueAt}>{formatVietnamDateTime(sub.payment.dueAt)}</time></> : null}; quá hạn đơn tự huỷ.
          </p>
        ) : null}
        {sub.payment.refund ? (
          <p>
            Đã hoàn {formatVnd(sub.payment.refund.amountVnd)} lúc {formatVietnamDateTime(sub.payment.refund.at)}
            {sub.payment.refund.reference ? ` (mã ${sub.payment.refund.reference})` : ''}.
          </p>
        ) : null}
      </section>
      <section class="order-shop" aria-labelledby="lich-su">
        <h2 id="lich-su">Lịch sử</h2>
        <History createdAt={sub.createdAt} history={sub.history ?? []} viewer={{}} />
      </section>
      <section aria-labelledby="buoc-tiep">
        <h2 id="buoc-tiep">Bước tiếp theo</h2>
        <Moves sub={sub} failed={failed} />
      </section>
      <p>
        <a href={PRODUCER_ORDERS_PATH}>← Về danh sách đơn hàng</a>
      </p>
    </ProducerPage>
  );
}

