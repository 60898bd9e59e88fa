import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { withSearchIndexing } from '../search/indexing-stores';
import type { CatalogStore } from './catalog-store';
import { DynamoCatalogStore } from './store';
import { LISTING_PREFIX, PRODUCT_PREFIX } from './keys';
import { byPriceIndex, byRatingIndex, byStarsIndex } from './listing-indexes';
import { producerProductsReader, type ProducerProductsReader } from './producer-products';
import { productManagementRoutes } from './management-routes';
import { catalogRoutes } from './routes';

declare module '../services' {
  interface Services {
    catalog: CatalogStore;
    /** A producer's products in every status (dashboard, renames). */
    producerProducts: ProducerProductsReader;
  }
}

/** Products, their listing items and the 3★ gate at request time (docs/data-model.md). */
export const catalogModule = defineModule({
  name: 'catalog',
  keyPrefixes: [PRODUCT_PREFIX, LISTING_PREFIX],
  api: () => catalogRoutes().route('/', productManagementRoutes()),
  services: (deps) => ({
    catalog: new DynamoCatalogStore(deps.db, deps.tableName),
    producerProducts: producerProductsReader(deps.db, deps.tableName),
  }),
  // A product save rewrites its listing items: this container's index must know at once.
  searchHooks: (services) => ({ catalog: withSearchIndexing(services.catalog, services.search) }),
  indexes: [byPriceIndex, byStarsIndex, byRatingIndex, ownerIndex],
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'DeleteItem', 'ConditionCheckItem'],
});
