import type { SubOrder } from '../../shared/orders/order';
import { formatVnd } from '../../shared/money/vnd';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { paymentMethodLabels, paymentStatusLabels } from './labels';
import { buyerActionPath } from './paths';

/** The transfer as the buyer makes it: the QR for a banking app and every field in text (for typing). */
function VietQrTransfer({ sub }: { sub: SubOrder }) {
  const qr = sub.payment.vietqr!;
  const due = sub.payment.dueAt;
  return (
    <div class="pay-box">
      <p>
        <strong>Chuyển khoản VietQR:</strong> quét mã bằng ứng dụng ngân hàng, hoặc chuyển theo thông tin dưới đây. Vui lòng <strong>chuyển đúng nội dung để cơ sở đối chiếu</strong>.
      </p>
      <img src={qr.imageUrl} alt={`Mã VietQR chuyển ${formatVnd(qr.amountVnd)} đến ${qr.accountName}, ${qr.bankName}, nội dung ${qr.purpose}`} width="224" height="224" />
      <dl class="facts">
        <dt>Ngân hàng</dt>
        <dd>{qr.bankName}</dd>
        <dt>Số tài khoản</dt>
        <dd>{qr.accountNumber}</dd>
        <dt>Chủ tài khoản</dt>
        <dd>{qr.accountName}</dd>
        <dt>Số tiền</dt>
        <dd>{formatVnd(qr.amountVnd)}</dd>
        <dt>Nội dung chuyển khoản</dt>
        <dd>{qr.purpose}</dd>
        {due ? (
          <>
            <dt>Hạn chuyển khoản</dt>
            <dd>
              <time datetime={due}>{formatVietnamDateTime(due)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      <p class="hint">Quá hạn mà chưa nhận được tiền, phần đơn này tự huỷ và hàng được trả lại kho. Cơ sở xác nhận khi thấy tiền về.</p>
    </div>
  );
}

/** How this part is paid, and what the buyer can do about it now. */
export function PaymentBlock({ sub, orderId }: { sub: SubOrder; orderId: string }) {
  const p = sub.payment;
  const awaiting = sub.status === 'pending_payment' && p.status === 'awaiting';
  return (
    <section aria-label={`Thanh toán phần đơn ${sub.id}`}>
      <h3>Thanh toán</h3>
      <p>
        {paymentMethodLabels[p.method]} · {formatVnd(p.amountVnd)} · <strong>{paymentStatusLabels[p.status]}</strong>
        {p.paidAt ? ` lúc ${formatVietnamDateTime(p.paidAt)}` : ''}
      </p>
      {p.method === 'cod' && p.status === 'unpaid' ? <p>Chuẩn bị {formatVnd(p.amountVnd)} để trả người giao hàng khi nhận.</p> : null}
      {p.method === 'vietqr' && awaiting && p.vietqr ? <VietQrTransfer sub={sub} /> : null}
      {p.method === 'card' && awaiting ? (
        <div class="pay-box">
          <p>
            Đơn chờ thanh toán thẻ{p.dueAt ? <> đến <time datetime={p.dueAt}>{formatVietnamDateTime(p.dueAt)}</time></> : null}; quá hạn đơn tự huỷ.
          </p>
          <form method="post" action={buyerActionPath(orderId, 'card')}>
            <button type="submit">Thanh toán bằng thẻ</button>
          </form>
        </div>
      ) : null}
      {p.refund ? (
        <p>
          Đã hoàn {formatVnd(p.refund.amountVnd)} lúc {formatVietnamDateTime(p.refund.at)}
          {p.refund.reference ? ` (mã giao dịch ${p.refund.reference})` : ''}.
        </p>
      ) : null}
    </section>
  );
}
