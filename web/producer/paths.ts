/** Addresses of the producer's product pages (Vietnamese slugs, like the rest of /co-so-cua-toi). */
export const PRODUCTS_PATH = '/co-so-cua-toi/san-pham';
export const NEW_PRODUCT_PATH = `${PRODUCTS_PATH}/moi`;
export const NOTIFICATIONS_PATH = '/co-so-cua-toi/thong-bao';

export const productEditPath = (id: string) => `${PRODUCTS_PATH}/${encodeURIComponent(id)}`;

/** The edit page's sub-forms, each its own POST so one mistake never discards another form's input. */
export const productActions = {
  status: 'trang-thai',
  archive: 'luu-tru',
  stock: 'ton-kho',
  certificate: 'chung-nhan',
  image: 'anh',
  removeImage: 'anh/xoa',
} as const;
export type ProductAction = keyof typeof productActions;

export const productActionPath = (id: string, action: ProductAction) => `${productEditPath(id)}/${productActions[action]}`;

/** `?da-luu=<what>` after a redirect: which confirmation the edit page shows. */
export const savedMessages = {
  'tao-moi': 'Đã tạo bản nháp. Thêm ảnh, gắn chứng nhận OCOP rồi bấm “Đăng bán”.',
  'thong-tin': 'Đã lưu thông tin sản phẩm.',
  'dang-ban': 'Đã đăng bán sản phẩm.',
  'ngung-ban': 'Đã chuyển sản phẩm về bản nháp: người mua không còn thấy sản phẩm.',
  'luu-tru': 'Đã lưu trữ sản phẩm.',
  'ton-kho': 'Đã cập nhật tồn kho.',
  'chung-nhan': 'Đã gắn chứng nhận OCOP.',
  anh: 'Đã thêm ảnh.',
  'xoa-anh': 'Đã gỡ ảnh khỏi sản phẩm.',
} as const;
export type SavedKey = keyof typeof savedMessages;

export const savedKeyOf = (value: string | undefined): SavedKey | undefined =>
  value !== undefined && Object.hasOwn(savedMessages, value) ? (value as SavedKey) : undefined;
