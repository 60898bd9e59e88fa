/**
 * The sub-order state machine: the one place that says which move is legal and who may make it.
 * Pure, so the routes, the payment webhook and the expiry job all ask the same question.
 */
export const subOrderStatuses = [
  'pending_payment',
  'confirmed',
  'packed',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type SubOrderStatus = (typeof subOrderStatuses)[number];

/** Who moves a sub-order: its buyer, its storefront, or the platform (webhook, timer). */
export type Actor = 'shopper' | 'producer' | 'system';

const moves: Record<SubOrderStatus, Partial<Record<SubOrderStatus, readonly Actor[]>>> = {
  // A transfer is confirmed by the producer who sees it arrive; a card payment only by Stripe's webhook.
  pending_payment: { confirmed: ['producer', 'system'], cancelled: ['shopper', 'producer', 'system'] },
  confirmed: { packed: ['producer'], cancelled: ['shopper', 'producer'] },
  packed: { shipped: ['producer'], cancelled: ['shopper', 'producer'] },
  shipped: { delivered: ['producer'] },
  // The buyer confirms receipt; a return after delivery is refunded by the storefront.
  delivered: { completed: ['shopper', 'producer'], refunded: ['producer'] },
  completed: {},
  // A paid order that is cancelled still owes the money back.
  cancelled: { refunded: ['producer', 'system'] },
  refunded: {},
};

export function allowedMoves(from: SubOrderStatus, actor: Actor): SubOrderStatus[] {
  return (Object.entries(moves[from]) as [SubOrderStatus, readonly Actor[]][]).filter(([, who]) => who.includes(actor)).map(([to]) => to);
}

export function canMove(from: SubOrderStatus, to: SubOrderStatus, actor: Actor): boolean {
  return moves[from][to]?.includes(actor) ?? false;
}

/** States in which the goods have not left: cancelling gives the stock back. */
export const holdsStock = (status: SubOrderStatus) => status === 'pending_payment' || status === 'confirmed' || status === 'packed';

export const isFinal = (status: SubOrderStatus) => status === 'completed' || status === 'refunded' || (status === 'cancelled');

export const statusLabels: Record<SubOrderStatus, string> = {
  pending_payment: 'Chờ thanh toán',
  confirmed: 'Đã xác nhận',
  packed: 'Đã đóng gói',
  shipped: 'Đang giao',
  delivered: 'Đã giao',
  completed: 'Hoàn tất',
  cancelled: 'Đã huỷ',
  refunded: 'Đã hoàn tiền',
};
