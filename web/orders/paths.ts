import { CHECKOUT_PATH } from '../cart/paths';

/** Addresses of the orders pages (Vietnamese slugs, like the rest of the site). */
export { CHECKOUT_PATH };
export const ORDERS_PATH = '/don-hang';
export const orderPath = (orderId: string) => `${ORDERS_PATH}/${encodeURIComponent(orderId)}`;

/** The buyer's forms on the order page, each its own POST (the sub-order is a hidden field). */
export const buyerActions = { cancel: 'huy', received: 'da-nhan', card: 'thanh-toan-the' } as const;
export type BuyerAction = keyof typeof buyerActions;
export const buyerActionPath = (orderId: string, action: BuyerAction) => `${orderPath(orderId)}/${buyerActions[action]}`;

/** The storefront's order queue and one sub-order, under the producer's own pages. */
export const PRODUCER_ORDERS_PATH = '/co-so-cua-toi/don-hang';
export const producerSubOrderPath = (subOrderId: string) => `${PRODUCER_ORDERS_PATH}/${encodeURIComponent(subOrderId)}`;
/** One POST for every move; the form says where to (`to`). */
export const MOVE_SLUG = 'chuyen';
export const producerMovePath = (subOrderId: string) => `${producerSubOrderPath(subOrderId)}/${MOVE_SLUG}`;
/** The queue's state tab (`?trang-thai=`), "tat-ca" for every state. */
export const STATUS_PARAM = 'trang-thai';
