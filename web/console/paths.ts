/** Every address of the province console, in one place: pages and the navigation import these. */
export const CONSOLE_HOME_PATH = '/quan-ly/tinh';
export const QUEUE_PATH = '/quan-ly/tinh/ho-so';
export const IMPORT_PATH = '/quan-ly/tinh/nhap-csv';
/** The record form lives on the console home: the link jumps to it. */
export const RECORD_ANCHOR = '/quan-ly/tinh#ghi-nhan';
/** The reviews' moderation queue (web/reviews/moderation-routes.tsx). */
export const REVIEWS_MODERATION_PATH = '/quan-ly/tinh/danh-gia';
