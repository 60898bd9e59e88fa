import { withoutKeys } from '../db/item-keys';
import {
  buyerOrdersPartition,
  orderHeaderKey,
  PAYMENT_DUE_PARTITION,
  provinceOrdersPartition,
  queuePartition,
  storefrontOrdersPartition,
  subOrderKey,
} from './keys';
import type { Order, OrderSummary, PaymentMethod, SubOrder, Transition } from './order';
import type { SubOrderStatus } from './state-machine';

/** The order as stored: its header (the buyer's list reads only these) … */
export interface OrderHeader {
  id: string;
  buyerId: string;
  buyerEmail?: string | undefined;
  totalVnd: number;
  paymentMethod: PaymentMethod;
  subOrderCount: number;
  producerNames: string[];
  /** Sub-order n → its status, kept by every transition so the list needs no second read. */
  statuses: Record<string, SubOrderStatus>;
  requestHash: string;
  createdAt: string;
  checkout?: { sessionId: string; url: string } | undefined;
}

/** … and each sub-order, with its number in the order. */
export type StoredSubOrder = Omit<SubOrder, 'history'> & { n: number; /** Moves so far: orders the log. */ revision?: number };

export function headerItem(h: OrderHeader) {
  return {
    ...orderHeaderKey(h.id),
    type: 'Order',
    ...h,
    GSI1PK: buyerOrdersPartition(h.buyerId),
    GSI1SK: `${h.createdAt}#${h.id}`,
  };
}

/** Index keys follow the status: the queue partition and, while unpaid, the payment-due index. */
export function subOrderIndexKeys(s: Pick<StoredSubOrder, 'id' | 'producerId' | 'provinceCode' | 'status' | 'createdAt' | 'payment'>) {
  const sort = `${s.createdAt}#${s.id}`;
  return {
    GSI1PK: storefrontOrdersPartition(s.producerId),
    GSI1SK: sort,
    GSI2PK: queuePartition(s.producerId, s.status),
    GSI2SK: sort,
    GSI3PK: provinceOrdersPartition(s.provinceCode),
    GSI3SK: sort,
    ...(s.status === 'pending_payment' && s.payment.dueAt ? { GSI4PK: PAYMENT_DUE_PARTITION, GSI4SK: `${s.payment.dueAt}#${s.id}` } : {}),
  };
}

export function subOrderItem(s: StoredSubOrder) {
  return { ...subOrderKey(s.orderId, s.n), type: 'SubOrder', ...s, ...subOrderIndexKeys(s) };
}

export const isHeader = (item: Record<string, unknown>) => item.SK === 'ORDER';
export const isSubOrder = (item: Record<string, unknown>) => typeof item.SK === 'string' && item.SK.startsWith('SUB#');
export const isTransition = (item: Record<string, unknown>) => typeof item.SK === 'string' && item.SK.startsWith('LOG#');

export const headerOf = (item: Record<string, unknown>) => withoutKeys<OrderHeader>(item);
export const subOrderOf = (item: Record<string, unknown>) => withoutKeys<StoredSubOrder>(item);
export const transitionOf = (item: Record<string, unknown>) => withoutKeys<Transition & { n: number }>(item);

/** The API's view: no storage fields, the QR image's URL and the card page filled in. */
export function subOrderView(s: StoredSubOrder, header: Pick<OrderHeader, 'checkout'> | undefined, history?: Transition[]): SubOrder {
  const { n: _n, revision: _r, ...rest } = s;
  const payment = { ...s.payment };
  if (payment.vietqr) payment.vietqr = { ...payment.vietqr, imageUrl: `/api/sub-orders/${s.id}/vietqr.svg` };
  if (payment.method === 'card' && payment.status === 'awaiting' && header?.checkout) payment.checkoutUrl = header.checkout.url;
  return { ...rest, payment, ...(history ? { history } : {}) };
}

export function orderView(header: OrderHeader, subs: StoredSubOrder[], logs: (Transition & { n: number })[]): Order {
  return {
    id: header.id,
    buyerId: header.buyerId,
    totalVnd: header.totalVnd,
    paymentMethod: header.paymentMethod,
    createdAt: header.createdAt,
    subOrders: subs
      .sort((a, b) => a.n - b.n)
      .map((s) => subOrderView(s, header, logs.filter((l) => l.n === s.n).map(({ n: _n, ...t }) => t))),
  };
}

export function summaryView(h: OrderHeader): OrderSummary {
  return {
    id: h.id,
    buyerId: h.buyerId,
    totalVnd: h.totalVnd,
    paymentMethod: h.paymentMethod,
    createdAt: h.createdAt,
    subOrderCount: h.subOrderCount,
    statuses: Object.keys(h.statuses).sort((a, b) => Number(a) - Number(b)).map((k) => h.statuses[k]!),
    producerNames: h.producerNames,
  };
}
