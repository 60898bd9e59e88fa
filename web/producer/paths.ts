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
  /** GET: where S3 sends the browser back after a direct upload (`?tai-len=<uploadId>`). */
  imageDone: 'anh/xong',
  variants: 'phan-loai',
  singlePrice: 'phan-loai/bo',
} as const;
export type ProductAction = keyof typeof productActions;

export const productActionPath = (id: string, action: ProductAction) => `${productEditPath(id)}/${productActions[action]}`;

/** The page S3 redirects to after a direct upload; the upload id names the pending record. */
export const imageDonePath = (id: string, uploadId: string) => `${productActionPath(id, 'imageDone')}?tai-len=${encodeURIComponent(uploadId)}`;

/** `?da-luu=<what>` after a redirect: which confirmation the edit page shows. */
export const savedMessages = {
  'tao-moi': 'Đã tạo bản nháp. Thêm ảnh, gắn chứng nhận OCOP rồi bấm “Đăng bán”.',
  'thong-tin': 'Đã lưu thông tin sản phẩm.',
  'dang-ban': 'Đã đăng bán sản phẩm.',
  'ngung-ban': 'Đã chuyển sản phẩm về bản nháp: người mua không còn thấy sản phẩm.',
  'luu-tru': 'Đã lưu trữ sản phẩm.',
  'ton-kho': 'Đã cập nhật tồn kho.',
  'phan-loai': 'Đã lưu các phân loại. Giá hiển thị trên chợ là giá thấp nhất.',
  'mot-gia': 'Đã bỏ phân loại: sản phẩm bán một giá theo phân loại rẻ nhất. Kiểm tra giá, đơn vị và tồn kho bên dưới.',
  'chung-nhan': 'Đã gắn chứng nhận OCOP.',
  anh: 'Đã thêm ảnh.',
  'xoa-anh': 'Đã gỡ ảnh khỏi sản phẩm.',
} as const;
export type SavedKey = keyof typeof savedMessages;

export const savedKeyOf = (value: string | undefined): SavedKey | undefined =>
  value !== undefined && Object.hasOwn(savedMessages, value) ? (value as SavedKey) : undefined;
