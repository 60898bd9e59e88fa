/** The buyer's review form of one order line (create, or edit within 30 days). */
export const reviewFormPath = (orderId: string, lineId: string) => `/danh-gia/${orderId}/${lineId}`;
export const REVIEW_FORM_ROUTE = '/danh-gia/:orderId/:lineId';
