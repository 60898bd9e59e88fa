import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { withProducerIndexing } from '../search/indexing-stores';
import { PRODUCER_PREFIX } from './keys';
import { DynamoProducerStore, type ProducerStore } from './store';
import { storefrontRoutes } from './routes';

declare module '../services' {
  interface Services {
    producers: ProducerStore;
  }
}

/** Storefronts (OCOP subjects): profile, story, contact, shipping terms (docs/storefront.md). */
export const storefrontModule = defineModule({
  name: 'storefront',
  keyPrefixes: [PRODUCER_PREFIX],
  api: storefrontRoutes,
  services: (deps) => ({ producers: new DynamoProducerStore(deps.db, deps.tableName) }),
  searchHooks: (services) => ({ producers: withProducerIndexing(services.producers, services.search) }),
  indexes: [ownerIndex],
  tableActions: ['GetItem', 'PutItem'],
});
