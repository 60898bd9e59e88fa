import { DynamoCartStore } from '../shared/cart/store';
import { createIdentityServices } from '../shared/identity/services';
import { defineModule } from '../shared/module/define-module';

/**
 * What every page of a read-only function needs besides its own capability: the session check
 * (signed-in shoppers see their name) and the header's cart count (one GetItem). No routes.
 */
export const identityReadModule = defineModule({
  name: 'identity-read',
  keyPrefixes: [],
  services: (deps) => ({
    identity: createIdentityServices(deps.db, deps.config),
    carts: new DynamoCartStore(deps.db, deps.tableName, deps.clock),
  }),
  // The session's account + revocation item (BatchGetItem); the cart item (GetItem).
  tableActions: ['GetItem', 'BatchGetItem'],
});
