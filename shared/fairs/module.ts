import { defineModule } from '../module/define-module';
import {
  FAIR_APPLICANT_PREFIX,
  FAIR_APPLICATION_PREFIX,
  FAIR_INQUIRY_PREFIX,
  FAIR_OFFER_PREFIX,
  FAIR_PREFIX,
  FAIR_STATS_PREFIX,
  FAIR_VISITOR_PREFIX,
  fairQueueIndex,
  fairsIndex,
} from './keys';
import { fairRoutes } from './routes';
import { DynamoFairStore } from './store';

declare module '../services' {
  interface Services {
    fairs: DynamoFairStore;
  }
}

/**
 * Virtual trade fairs (docs/fairs.md): provinces organise, producers run booths, visitors buy at
 * fair prices (checkout reads the offers through `services.fairs`, shared/orders/fair-pricing.ts)
 * and send trade inquiries to exhibitors.
 */
export const fairsModule = defineModule({
  name: 'fairs',
  keyPrefixes: [FAIR_PREFIX, FAIR_APPLICATION_PREFIX, FAIR_APPLICANT_PREFIX, FAIR_OFFER_PREFIX, FAIR_INQUIRY_PREFIX, FAIR_STATS_PREFIX, FAIR_VISITOR_PREFIX],
  api: fairRoutes,
  services: (deps) => ({ fairs: new DynamoFairStore(deps.db, deps.tableName) }),
  indexes: [fairsIndex, fairQueueIndex],
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
});
