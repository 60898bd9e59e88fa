import type { FieldErrors } from '../components/form/form';
import { TransitionRequestSchema, type TransitionRequest } from '../../shared/orders/order';
import { subOrderStatuses, type SubOrderStatus } from '../../shared/orders/state-machine';

/** Carriers a storefront picks from; anything else is typed in ("Khác"). */
export const carriers = ['GHN (Giao Hàng Nhanh)', 'GHTK (Giao Hàng Tiết Kiệm)', 'Viettel Post', 'VNPost (Bưu điện)', 'J&T Express', 'Ninja Van', 'Best Express'] as const;
export const OTHER_CARRIER = 'khac';

/** One form per move; field names differ between forms so every id on the page is unique. */
export const moveFields = ['to', 'carrier', 'carrierOther', 'trackingCode', 'reason', 'refundReason', 'refundReference'] as const;

export const moveLabels: Record<string, string> = {
  carrier: 'Đơn vị vận chuyển',
  carrierOther: 'Tên đơn vị vận chuyển khác',
  trackingCode: 'Mã vận đơn',
  reason: 'Lý do huỷ',
  refundReason: 'Lý do hoàn tiền',
  refundReference: 'Mã giao dịch hoàn tiền',
};

export const isStatus = (value: string | undefined): value is SubOrderStatus => subOrderStatuses.includes(value as SubOrderStatus);

/** The move form as a transition request, with the messages each field needs in Vietnamese. */
export function parseMove(values: Record<string, string>): { ok: true; request: TransitionRequest } | { ok: false; errors: FieldErrors } {
  const to = values.to;
  if (!isStatus(to)) return { ok: false, errors: { to: 'Chọn một bước hợp lệ' } };
  const errors: FieldErrors = {};
  const text = (name: string) => values[name]?.trim() ?? '';
  const request: Record<string, unknown> = { to };
  if (to === 'shipped') {
    const carrier = text('carrier') === OTHER_CARRIER ? text('carrierOther') : text('carrier');
    if (!text('carrier')) errors.carrier = 'Chọn đơn vị vận chuyển';
    else if (carrier.length < 2 || carrier.length > 60) errors[text('carrier') === OTHER_CARRIER ? 'carrierOther' : 'carrier'] = 'Nhập tên đơn vị vận chuyển (2–60 ký tự)';
    if (!text('trackingCode')) errors.trackingCode = 'Nhập mã vận đơn';
    request.carrier = carrier;
    request.trackingCode = text('trackingCode');
  }
  if (to === 'cancelled') {
    if (text('reason').length < 3) errors.reason = 'Nhập lý do huỷ (ít nhất 3 ký tự) để người mua biết';
    request.reason = text('reason');
  }
  if (to === 'refunded') {
    if (text('refundReason').length < 3) errors.refundReason = 'Nhập lý do hoàn tiền (ít nhất 3 ký tự)';
    request.reason = text('refundReason');
    if (text('refundReference')) request.refundReference = text('refundReference');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = TransitionRequestSchema.safeParse(request);
  if (!parsed.success) {
    const fieldOf: Record<string, string> = { carrier: text('carrier') === OTHER_CARRIER ? 'carrierOther' : 'carrier', trackingCode: 'trackingCode', reason: to === 'refunded' ? 'refundReason' : 'reason', refundReference: 'refundReference' };
    for (const issue of parsed.error.issues) {
      const name = fieldOf[String(issue.path[0])] ?? 'to';
      if (!errors[name]) errors[name] = issue.code === 'too_big' ? 'Quá dài' : issue.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, request: parsed.data };
}
