import { AppError, Conflict, Forbidden, NotFound, type ErrorDetails } from '../http/errors';

/** Every code the reviews capability answers (docs/reviews.md, "Errors"). */
export const notVerifiedBuyer = (message: string, details?: ErrorDetails) => new Forbidden(message, 'NOT_A_VERIFIED_BUYER', details);
export const lineNotFound = () => new NotFound('Không tìm thấy dòng hàng này trong đơn', 'LINE_NOT_FOUND');
export const reviewNotFound = () => new NotFound('Không tìm thấy đánh giá', 'REVIEW_NOT_FOUND');
export const alreadyReviewed = (reviewId: string) => new Conflict('Bạn đã đánh giá sản phẩm này cho đơn hàng này', 'ALREADY_REVIEWED', { reviewId });
export const reviewWindowClosed = (deadline: Date) =>
  new Forbidden('Đã quá 90 ngày kể từ khi nhận hàng: không thể đánh giá nữa', 'REVIEW_WINDOW_CLOSED', { deadline: deadline.toISOString() });
export const editWindowClosed = (deadline: Date) =>
  new Forbidden('Đã quá 30 ngày kể từ khi đánh giá: không thể sửa nữa', 'EDIT_WINDOW_CLOSED', { deadline: deadline.toISOString() });
export const alreadyReplied = () => new Conflict('Cơ sở đã trả lời đánh giá này (mỗi đánh giá một lần)', 'ALREADY_REPLIED');
export const alreadyReported = () => new Conflict('Bạn đã báo cáo đánh giá này', 'ALREADY_REPORTED');
export const reviewHidden = () => new Conflict('Đánh giá này đang bị ẩn', 'REVIEW_HIDDEN');
export const notReported = () => new Conflict('Chỉ ẩn được đánh giá đã bị báo cáo', 'REVIEW_NOT_REPORTED');
export const illegalModeration = (action: string, status: string) =>
  new Conflict(action === 'hide' ? 'Đánh giá đã bị ẩn' : 'Đánh giá đang hiển thị', 'ILLEGAL_MODERATION', { action, status });

/** Many writes on one product's aggregate at once and our retries ran out: retryable. */
export class ReviewsBusy extends AppError {
  constructor() {
    super(503, 'REVIEWS_BUSY', 'Nhiều người đang đánh giá cùng lúc, vui lòng thử lại');
  }
}
