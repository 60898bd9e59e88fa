import { defineModule } from '../module/define-module';
import { CART_PREFIX } from './keys';
import { mergeGuestCartOnSignIn } from './merge-on-sign-in';
import { cartRoutes } from './routes';
import { DynamoCartStore, type CartStore } from './store';

export { cartOwnerOf } from './owner';
export type { CartOwner } from './keys';
export type { CartStore, CartLineRef } from './store';

declare module '../services' {
  interface Services {
    /** Carts of guests and accounts (docs/cart.md). Checkout reads `linesOf` and calls `removeLines`. */
    carts: CartStore;
  }
}

/** Shopping carts: one item per cart, every read re-checked against the products (docs/cart.md). */
export const cartModule = defineModule({
  name: 'cart',
  keyPrefixes: [CART_PREFIX],
  api: cartRoutes,
  services: (deps) => ({
    carts: new DynamoCartStore(deps.db, deps.tableName, deps.clock),
    afterSignIn: [mergeGuestCartOnSignIn],
  }),
  // GetItem/PutItem: the cart; BatchGetItem: its products; DeleteItem: the guest cart in the sign-in merge transaction.
  tableActions: ['GetItem', 'BatchGetItem', 'PutItem', 'DeleteItem'],
});
