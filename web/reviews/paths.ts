/** The buyer's review form of one order line (create, or edit within 30 days). */
export const reviewFormPath = (orderId: string, lineId: string) => `/danh-gia/${orderId}/${lineId}`;
export const REVIEW_FORM_ROUTE = '/danh-gia/:orderId/:lineId';

/** The producer's answer page (dashboard "Đánh giá") and its reply form, one per review. */
export const PRODUCER_REVIEWS_PATH = '/co-so-cua-toi/danh-gia';
export const replyFormPath = (reviewId: string) => `${PRODUCER_REVIEWS_PATH}/${reviewId}/phan-hoi`;

/** The report form on every review card (product page); anyone signed in. */
export const REPORT_FORM_ROUTE = '/bao-cao-danh-gia/:id';
export const reportFormPath = (reviewId: string) => `/bao-cao-danh-gia/${reviewId}`;

/** The province console's moderation queue and its hide / restore form. */
export { REVIEWS_MODERATION_PATH as MODERATION_PATH } from '../console/paths';
import { REVIEWS_MODERATION_PATH } from '../console/paths';
export const moderationFormPath = (reviewId: string) => `${REVIEWS_MODERATION_PATH}/${reviewId}/kiem-duyet`;
