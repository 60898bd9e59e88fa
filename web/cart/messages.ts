/**
 * What a cart form's redirect may report (`?loi=<code>`, `?gio-hang=<code>`): fixed messages chosen
 * by code, so nothing from the URL is ever echoed into the page.
 */
export const cartFormMessages: Record<string, string> = {
  CART_FULL: 'Giỏ hàng đã có tối đa 40 sản phẩm khác nhau. Hãy đặt hàng hoặc bỏ bớt trước khi thêm.',
  QUANTITY_OUT_OF_RANGE: 'Số lượng mỗi sản phẩm từ 1 đến 999.',
  OUT_OF_STOCK: 'Sản phẩm (hoặc phân loại này) đã hết hàng.',
  VARIANT_REQUIRED: 'Hãy chọn phân loại của sản phẩm.',
  VARIANT_NOT_FOUND: 'Sản phẩm không có phân loại này.',
  PRODUCT_NOT_FOUND: 'Không tìm thấy sản phẩm này.',
  PRODUCT_NOT_LISTED: 'Sản phẩm hiện không được bán trên Chợ OCOP.',
  NOT_SOLD_ONLINE: 'Dịch vụ du lịch được đặt trực tiếp với cơ sở, không qua giỏ hàng.',
  CART_LINE_NOT_FOUND: 'Giỏ hàng không có sản phẩm này (có thể đã được bỏ ở một thẻ khác).',
  CART_BUSY: 'Giỏ hàng vừa được thay đổi ở nơi khác. Vui lòng thử lại.',
  INVALID_INPUT: 'Thông tin gửi lên không hợp lệ. Vui lòng thử lại.',
};

export const cartMessageOf = (code: string | undefined) => (code ? cartFormMessages[code] : undefined);
