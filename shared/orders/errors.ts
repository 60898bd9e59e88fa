import { AppError, Conflict, InvalidInput, type ErrorDetails } from '../http/errors';
import type { LineProblem } from './pricing';
import type { SubOrderStatus } from './state-machine';

export const idempotencyKeyRequired = () =>
  new InvalidInput('Thiếu header Idempotency-Key (một mã ngẫu nhiên cho mỗi lần đặt hàng)', 'IDEMPOTENCY_KEY_REQUIRED');

/** 422: the key was used for a different order; the first one stands. */
export class IdempotencyKeyReused extends AppError {
  constructor(orderId: string) {
    super(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key này đã dùng cho một đơn hàng khác', { orderId });
  }
}

/** Gated lines first (they will not come back by waiting), then stock. */
export function lineProblemError(problems: readonly LineProblem[]): AppError {
  const notListed = problems.filter((p) => p.kind === 'not_listed');
  if (notListed.length > 0) {
    const first = notListed[0]!;
    return new Conflict(`Không thể đặt: ${first.message}`, 'PRODUCT_NOT_LISTED', {
      items: notListed.map(({ kind: _k, ...p }) => p),
    });
  }
  const short = problems.filter((p) => p.kind === 'out_of_stock');
  const first = short[0]!;
  return new Conflict(
    first.available === 0 ? `"${first.name}" đã hết hàng` : `"${first.name}" chỉ còn ${first.available}`,
    'OUT_OF_STOCK',
    { items: short.map(({ kind: _k, ...p }) => p) },
  );
}

export const illegalTransition = (from: SubOrderStatus, to: SubOrderStatus, allowed: readonly SubOrderStatus[]) =>
  new Conflict(`Không thể chuyển đơn từ "${from}" sang "${to}"`, 'ILLEGAL_TRANSITION', { from, to, allowed });

/** Many buyers on the same item at once and our retries ran out: retryable, not a bug. */
export class CheckoutBusy extends AppError {
  constructor(details?: ErrorDetails) {
    super(503, 'CHECKOUT_BUSY', 'Nhiều người đang mua cùng lúc, vui lòng thử lại', details);
  }
}
