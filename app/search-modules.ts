import { searchModule } from '../shared/search/module';
import { searchWebRoutes } from '../web/search/search-routes';
import { identityReadModule } from './identity-read-module';
import { defineModule } from '../shared/module/define-module';
import { DynamoReviewStore } from '../shared/reviews/store';
import { withPages, type AppModule } from './app-module';

/** The search function's capabilities: search itself (API and page) and the header's needs. */
export const searchFunctionModules: readonly AppModule[] = [
  identityReadModule,
  // The results' cards show buyers' ratings: one BatchGetItem of their RATING items.
  defineModule({ name: 'reviews-read', keyPrefixes: [], services: (deps) => ({ reviews: new DynamoReviewStore(deps.db, deps.tableName) }), tableActions: ['BatchGetItem'] }),
  withPages(searchModule, searchWebRoutes),
];
