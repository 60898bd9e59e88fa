import { defineModule } from '../module/define-module';
import { createIdentityServices, type IdentityServices } from './services';
import { identityRoutes } from './routes';

declare module '../services' {
  interface Services {
    identity: IdentityServices;
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
