import { AppError, Conflict, Forbidden, InvalidInput, NotFound, type ErrorDetails } from '../http/errors';
import type { NotADiscount } from './discount';
import type { LiveAction } from './lifecycle';
import type { LiveStatus } from './window';

/** Every code the livestream capability answers (docs/livestream.md, "Errors"). */
export const livestreamNotFound = () => new NotFound('Không tìm thấy buổi live', 'LIVESTREAM_NOT_FOUND');
export const invalidStreamUrl = (field: string, reason: string) => new InvalidInput(reason, 'INVALID_STREAM_URL', { field, reason });
export const invalidLiveTimes = (message: string, details?: ErrorDetails) => new InvalidInput(message, 'INVALID_LIVE_TIMES', details);
export const productNotFeaturable = (details: ErrorDetails) =>
  new Conflict('Có sản phẩm không thể đưa vào buổi live (không tìm thấy, chưa niêm yết, hoặc thiếu phân loại)', 'PRODUCT_NOT_FEATURABLE', details);
export const notOwnProduct = (productIds: string[]) => new Forbidden('Chỉ đưa được sản phẩm của gian hàng mình vào buổi live', 'NOT_STOREFRONT_OWNER', { productIds });
export const illegalLiveTransition = (from: LiveStatus, to: LiveStatus, allowed: LiveAction[]) =>
  new Conflict(`Không thể chuyển buổi live từ "${from}" sang "${to}"`, 'ILLEGAL_LIVE_TRANSITION', { from, to, allowed });
export const liveNotEditable = (status: LiveStatus) =>
  new Conflict(status === 'live' ? 'Buổi live đã bắt đầu: không sửa được nữa' : status === 'ended' ? 'Buổi live đã kết thúc' : 'Buổi live đã bị huỷ', 'LIVE_NOT_EDITABLE', { status });
export const liveNotEnded = (status: LiveStatus) => new Conflict('Chỉ gắn video xem lại sau khi buổi live kết thúc', 'LIVE_NOT_ENDED', { status });
export const productNotInLive = (items: { productId: string; variantId?: string | undefined }[]) =>
  new InvalidInput('Chỉ sửa giá live của sản phẩm đã có trong buổi live', 'LIVE_PRODUCT_NOT_FEATURED', { items });

/** 422: the live price is not below the lowest price of the last 30 days. */
export class LivePriceNotADiscount extends AppError {
  constructor(items: NotADiscount[]) {
    const first = items[0]!;
    super(
      422,
      'LIVE_PRICE_NOT_A_DISCOUNT',
      `Giá live phải thấp hơn giá thấp nhất trong 30 ngày qua (${first.priceToBeatVnd.toLocaleString('vi-VN')} ₫)`,
      { priceToBeatVnd: first.priceToBeatVnd, items },
    );
  }
}

/** 409 at checkout: the live quota of this product is used up; never silently sold at the regular price. */
export const liveQuotaExhausted = (details: { livestreamId: string; productId: string; variantId?: string | undefined; quotaLeft: number; requested: number }) =>
  new Conflict(details.quotaLeft === 0 ? 'Đã hết suất giá live của sản phẩm này' : `Chỉ còn ${details.quotaLeft} suất giá live`, 'LIVE_QUOTA_EXHAUSTED', details);

/**
 * 409 at checkout: the line names a live whose window is not open (ended, not started, cancelled) or
 * that does not feature it. Details carry the regular price, so the client shows the new total before
 * the shopper pays again without `livestreamId`.
 */
export const livePriceUnavailable = (details: { livestreamId: string; productId: string; variantId?: string | undefined; status: LiveStatus | 'not_featured'; regularPriceVnd?: number | undefined }) =>
  new Conflict(
    details.status === 'ended'
      ? 'Buổi live đã kết thúc: sản phẩm về giá thường'
      : details.status === 'scheduled'
        ? 'Buổi live chưa bắt đầu: chưa có giá live'
        : details.status === 'cancelled'
          ? 'Buổi live đã bị huỷ'
          : 'Sản phẩm không có trong buổi live này',
    'LIVE_PRICE_UNAVAILABLE',
    details,
  );
