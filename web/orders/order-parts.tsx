import type { OrderItem, ShippingAddress, Transition } from '../../shared/orders/order';
import { formatVnd } from '../../shared/money/vnd';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import type { SubOrderStatus } from '../../shared/orders/state-machine';
import { nationalPhone } from '../view';
import { actorLabel, statusLabels } from './labels';

/**
 * The items of a sub-order (or of a storefront at checkout) as a table a screen reader can walk; two
 * columns so it fits a phone: the line (with unit price × quantity under the name) and its total.
 */
export function ItemsTable({ items, caption }: { items: readonly OrderItem[]; caption: string }) {
  return (
    <table class="order-lines">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Sản phẩm</th>
          <th scope="col" class="num">
            Thành tiền
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr>
            <th scope="row">
              {i.name}
              {i.variantLabel ? ` (${i.variantLabel})` : ''}
              <span class="line-meta">
                {formatVnd(i.unitPriceVnd)} × {i.quantity}
                {i.variantLabel ? '' : ` ${i.unit}`}
              </span>
            </th>
            <td class="num">{formatVnd(i.lineTotalVnd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Items, shipping and total of one storefront's part. */
export function Sums({ itemsTotalVnd, shippingFeeVnd, totalVnd }: { itemsTotalVnd: number; shippingFeeVnd: number; totalVnd: number }) {
  return (
    <dl class="sums">
      <dt>Tiền hàng</dt>
      <dd>{formatVnd(itemsTotalVnd)}</dd>
      <dt>Phí giao hàng</dt>
      <dd>{shippingFeeVnd === 0 ? 'Miễn phí' : formatVnd(shippingFeeVnd)}</dd>
      <dt class="total">Cộng</dt>
      <dd class="total">{formatVnd(totalVnd)}</dd>
    </dl>
  );
}

export function StatusBadge({ status }: { status: SubOrderStatus }) {
  return <span class={`status status-${status}`}>{statusLabels[status]}</span>;
}

/** "12 Phan Đình Phùng, phường Ba Đình, thành phố Hà Nội" */
export const fullAddress = (a: ShippingAddress) => `${a.street}, ${a.commune}, ${provinceLabelByCode(a.provinceCode)}`;

export function AddressBlock({ address, phoneLink = false }: { address: ShippingAddress; phoneLink?: boolean }) {
  const phone = nationalPhone(address.phone);
  return (
    <dl class="facts">
      <dt>Người nhận</dt>
      <dd>{address.recipientName}</dd>
      <dt>Điện thoại</dt>
      <dd>{phoneLink ? <a href={`tel:${address.phone}`}>{phone}</a> : phone}</dd>
      <dt>Địa chỉ</dt>
      <dd>{fullAddress(address)}</dd>
    </dl>
  );
}

/** Placed, then every move: when (Vietnam time), who, from → to, and the reason if any. */
export function History({ createdAt, history, viewer }: { createdAt: string; history: readonly Transition[]; viewer: { accountId?: string | undefined } }) {
  return (
    <ol class="history">
      <li>
        <time datetime={createdAt}>{formatVietnamDateTime(createdAt)}</time> — Đặt hàng
      </li>
      {history.map((t) => (
        <li>
          <time datetime={t.at}>{formatVietnamDateTime(t.at)}</time> — {actorLabel(t.byRole, t.by, viewer)}: {statusLabels[t.from]} → <strong>{statusLabels[t.to]}</strong>
          {t.reason ? ` (lý do: ${t.reason})` : ''}
        </li>
      ))}
    </ol>
  );
}

/** Carrier and tracking code, once the parcel has left. */
export function Shipment({ carrier, trackingCode }: { carrier?: string | undefined; trackingCode?: string | undefined }) {
  if (!carrier && !trackingCode) return null;
  return (
    <p>
      Vận chuyển: <strong>{carrier ?? '—'}</strong>, mã vận đơn <strong>{trackingCode ?? '—'}</strong>
    </p>
  );
}
