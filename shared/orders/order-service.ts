import { AppError, Conflict, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { orderView } from './items';
import type { Order } from './order';
import { ensureCardCheckout } from './placement';
import { holdsStock } from './state-machine';
import { moveSubOrder } from './transitions';

/** The whole order: its buyer and admins. Anyone else gets 404, never a hint that it exists. */
export async function orderFor(services: Services, principal: Principal, orderId: string): Promise<Order> {
  const stored = await services.orders.getOrder(orderId);
  if (!stored || (stored.header.buyerId !== principal.accountId && principal.role !== 'admin')) {
    throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  }
  return orderView(stored.header, stored.subs, stored.logs);
}

/** The buyer cancels what has not left yet; shipped sub-orders stay as they are. */
export async function cancelOrder(services: Services, principal: Principal, orderId: string, reason?: string): Promise<Order> {
  const stored = await services.orders.getOrder(orderId);
  if (!stored || stored.header.buyerId !== principal.accountId) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  const open = stored.subs.filter((s) => holdsStock(s.status));
  if (open.length === 0) {
    throw new Conflict('Không còn phần nào của đơn có thể huỷ (đã gửi hàng hoặc đã huỷ)', 'ILLEGAL_TRANSITION', {
      statuses: stored.subs.map((s) => ({ id: s.id, status: s.status })),
    });
  }
  for (const sub of open) {
    try {
      await moveSubOrder(services, { principal }, sub.id, { to: 'cancelled', ...(reason ? { reason } : {}) });
    } catch (error) {
      // Shipped meanwhile: the rest is still cancelled, and the answer shows this one as it is.
      if (!(error instanceof AppError && error.code === 'ILLEGAL_TRANSITION')) throw error;
    }
  }
  return orderFor(services, principal, orderId);
}

export async function retryCardCheckout(services: Services, principal: Principal, orderId: string, origin: string): Promise<string> {
  const order = await orderFor(services, principal, orderId);
  if (order.buyerId !== principal.accountId) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  if (!order.subOrders.some((s) => s.payment.method === 'card' && s.status === 'pending_payment')) {
    throw new Conflict('Đơn này không còn chờ thanh toán thẻ', 'PAYMENT_NOT_AWAITED');
  }
  if (!services.cardPayments) throw new AppError(503, 'PAYMENT_PROVIDER_UNAVAILABLE', 'Thanh toán thẻ tạm thời không dùng được');
  await ensureCardCheckout(services, orderId, origin, principal.email);
  const header = await services.orders.getHeader(orderId);
  if (!header?.checkout) throw new AppError(503, 'PAYMENT_PROVIDER_UNAVAILABLE', 'Chưa tạo được trang thanh toán thẻ, vui lòng thử lại');
  return header.checkout.url;
}
