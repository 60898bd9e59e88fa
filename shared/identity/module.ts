import { defineModule } from '../module/define-module';
import { createIdentityServices, type IdentityServices } from './services';
import type { AfterSignIn } from './sign-in-hooks';
import { identityRoutes } from './routes';

declare module '../services' {
  interface Services {
    identity: IdentityServices;
    /** Run after every successful sign-in (sign-in-hooks.ts); provided by one other module (the cart). */
    afterSignIn?: readonly AfterSignIn[];
  }
}

/** Accounts, sessions, roles and login throttling (docs/identity.md); key layout in keys.ts. */
export const identityModule = defineModule({
  name: 'identity',
  keyPrefixes: ['ACCOUNT#', 'EMAIL#', 'REVOKED#', 'THROTTLE#'],
  api: identityRoutes,
  services: (deps) => ({ identity: createIdentityServices(deps.db, deps.config) }),
  tableActions: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
});
