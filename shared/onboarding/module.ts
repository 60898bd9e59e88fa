import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { withApplicationIndexing } from '../search/indexing-stores';
import { ApplicationStore } from './store';
import { onboardingRoutes } from './routes';

declare module '../services' {
  interface Services {
    applications: ApplicationStore;
  }
}

/** Producer applications, decided by the officer of their province; approval creates the storefront. */
export const onboardingModule = defineModule({
  name: 'onboarding',
  keyPrefixes: ['APP#', 'APPS#', 'APPLICANT#'],
  api: onboardingRoutes,
  services: (deps) => ({ applications: new ApplicationStore(deps.db, deps.tableName) }),
  // Approval writes the Producer item in its own transaction: search must hear of the new storefront.
  searchHooks: (services) => ({ applications: withApplicationIndexing(services.applications, services.search) }),
  indexes: [ownerIndex],
  tableActions: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
});
