/** Key layout of carts in the single table (docs/cart.md, docs/data-model.md). */
export const CART_PREFIX = 'CART#';

/** Whose cart: a signed-in account's, or a guest's (the random id in the `ocop_cart` cookie). */
export type CartOwner = { kind: 'account'; accountId: string } | { kind: 'guest'; cartId: string };

/** One item per cart: `CART#A#<accountId>` or `CART#G#<cartId>`, SK `CART`. */
export function cartKey(owner: CartOwner): { PK: string; SK: string } {
  return { PK: owner.kind === 'account' ? `${CART_PREFIX}A#${owner.accountId}` : `${CART_PREFIX}G#${owner.cartId}`, SK: 'CART' };
}
