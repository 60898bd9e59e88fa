import { AppError, Conflict, Forbidden, NotFound } from '../http/errors';
import type { FairStatus } from './lifecycle';

/** Every code the fairs capability answers (docs/fairs.md, "Errors"). */
export const fairNotFound = () => new NotFound('Không tìm thấy hội chợ', 'FAIR_NOT_FOUND');
export const applicationNotFound = () => new NotFound('Không tìm thấy đơn đăng ký gian hàng', 'APPLICATION_NOT_FOUND');
export const boothNotFound = () => new NotFound('Không tìm thấy gian hàng hội chợ', 'BOOTH_NOT_FOUND');
export const inquiryNotFound = () => new NotFound('Không tìm thấy yêu cầu giao thương', 'INQUIRY_NOT_FOUND');
export const notOrganiser = () => new Forbidden('Bạn không phải đơn vị tổ chức hội chợ này', 'NOT_FAIR_ORGANISER');
export const notExhibitor = () => new Forbidden('Bạn không quản lý gian hàng hội chợ này', 'NOT_BOOTH_OWNER');

export const illegalTransition = (from: FairStatus, to: FairStatus, allowed: FairStatus[]) =>
  new Conflict(`Không thể chuyển hội chợ từ "${from}" sang "${to}"`, 'ILLEGAL_TRANSITION', { from, to, allowed });
export const applicationsClosed = (status: FairStatus) => new Conflict('Hội chợ không nhận đăng ký gian hàng lúc này', 'APPLICATIONS_CLOSED', { status });
export const alreadyApplied = (applicationId?: string) => new Conflict('Cơ sở đã đăng ký gian hàng ở hội chợ này', 'ALREADY_APPLIED', applicationId ? { applicationId } : undefined);
export const applicationDecided = (status: string) => new Conflict('Đơn đăng ký đã được xử lý', 'APPLICATION_DECIDED', { status });
export const boothTaken = (boothNo: number) => new Conflict(`Gian hàng số ${boothNo} đã có cơ sở khác`, 'BOOTH_TAKEN', { boothNo });

/** 409 at checkout: no fair price for this line now (window, booth, 3★ gate); never a silent switch to the regular price. */
export const fairPriceUnavailable = (details: { fairId: string; productId: string; variantId?: string | undefined; reason: string; regularPriceVnd?: number | undefined }) =>
  new Conflict('Sản phẩm không có giá hội chợ lúc này', 'FAIR_PRICE_NOT_AVAILABLE', details);

/** 429 with `Retry-After` (the route copies it): too many inquiries from one client. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', `Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${retryAfterSeconds} giây.`, { retryAfterSeconds });
  }
}
