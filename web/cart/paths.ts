/** The cart's page paths (web/cart/routes.tsx) and the checkout it leads to (built by the orders pages). */
export const CART_PATH = '/gio-hang';
export const CART_ADD_PATH = '/gio-hang/them';
export const CART_UPDATE_PATH = '/gio-hang/cap-nhat';
export const CART_REMOVE_PATH = '/gio-hang/xoa';
export const CHECKOUT_PATH = '/thanh-toan';
