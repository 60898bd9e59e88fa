import { defineModule } from '../module/define-module';
import { createSearchService } from './create-search-service';
import { searchRoutes } from './routes';
import type { SearchService } from './service';

declare module '../services' {
  interface Services {
    /** Vietnamese full-text search over listed products and storefronts (docs/search.md). */
    search: SearchService;
  }
}

/** Search owns no items: it indexes other modules' items (their searchHooks keep it current). */
export const searchModule = defineModule({
  name: 'search',
  keyPrefixes: [],
  api: searchRoutes,
  services: (deps) => ({
    search: createSearchService({
      db: deps.db,
      tableName: deps.tableName,
      clock: deps.clock,
      region: deps.config.region,
      snapshot: deps.config.searchSnapshot,
      logger: deps.logger,
    }),
  }),
  // Locally the index is built from the listing partition; in AWS from the snapshot.
  tableActions: ['Query', 'BatchGetItem'],
});
