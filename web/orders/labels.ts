import type { PaymentMethod, PaymentStatus } from '../../shared/orders/order';

export { statusLabels } from '../../shared/orders/state-machine';

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  cod: 'Thanh toán khi nhận hàng',
  vietqr: 'Chuyển khoản VietQR',
  card: 'Thẻ quốc tế (Stripe)',
};

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  unpaid: 'Chưa thanh toán',
  awaiting: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  refund_due: 'Chờ hoàn tiền',
  refunded: 'Đã hoàn tiền',
  expired: 'Hết hạn thanh toán',
};

/** Who made a move, as the history shows it. */
export function actorLabel(byRole: string, by: string, viewer: { accountId?: string | undefined }): string {
  if (viewer.accountId && by === viewer.accountId) return 'Bạn';
  switch (byRole) {
    case 'shopper':
      return 'Người mua';
    case 'producer':
      return 'Cơ sở';
    case 'admin':
      return 'Quản trị viên';
    case 'stripe':
      return 'Hệ thống (Stripe)';
    default:
      return 'Hệ thống';
  }
}
