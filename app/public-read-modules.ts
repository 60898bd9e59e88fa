import { catalogRoutes } from '../shared/catalog/routes';
import { DynamoCatalogStore } from '../shared/catalog/store';
import { healthModule } from '../shared/health/module';
import { DynamoLivestreamStore } from '../shared/livestream/store';
import { defineModule } from '../shared/module/define-module';
import { referenceModule } from '../shared/reference/module';
import { DynamoCertificateStore } from '../shared/registry/certificate-store';
import { DynamoRegistryStore } from '../shared/registry/store';
import { verifyRoutes } from '../shared/registry/verify-routes';
import { DynamoReviewStore } from '../shared/reviews/store';
import { DynamoPointStore } from '../shared/locator/store';
import { storefrontReadRoutes } from '../shared/storefront/read-routes';
import { DynamoProducerStore } from '../shared/storefront/store';
import { verifyWebRoutes } from '../web/registry/verify-routes';
import { webRoutes as catalogPages } from '../web/routes';
import { identityReadModule } from './identity-read-module';
import type { AppModule } from './app-module';

/**
 * What the shopper's first click needs — catalogue, product and storefront pages and JSON, reference
 * data, certificate verification — and nothing else, for the public read Lambda (app/functions.ts).
 * These descriptors reuse the capabilities' own route factories and stores; they import no write
 * paths, so the bundle stays small (bench: "Lambda bundles"). Every route here must behave exactly
 * as in the full app: tests/infra/function-split.test.ts compares the two on DynamoDB Local.
 *
 * Read-only by construction: tableActions has no write, and the function's IAM role is their union.
 */
export const publicReadModules: readonly AppModule[] = [
  healthModule,
  referenceModule,
  identityReadModule,
  defineModule({
    name: 'catalog-read',
    keyPrefixes: [],
    api: () => catalogRoutes().route('/', storefrontReadRoutes()).route('/', verifyRoutes()),
    services: (deps) => ({
      catalog: new DynamoCatalogStore(deps.db, deps.tableName),
      producers: new DynamoProducerStore(deps.db, deps.tableName),
      // The product and storefront pages show buyers' ratings.
      reviews: new DynamoReviewStore(deps.db, deps.tableName),
      // The home page's "Đang live" strip (one Query of the lives index).
      livestreams: new DynamoLivestreamStore(deps.db, deps.tableName),
      // The product page's "Mua trực tiếp": points carrying it (2 Queries).
      points: new DynamoPointStore(deps.db, deps.tableName),
      certificates: new DynamoCertificateStore(deps.db, deps.tableName),
      registry: new DynamoRegistryStore(deps.db, deps.tableName),
    }),
    tableActions: ['GetItem', 'BatchGetItem', 'Query'],
  }),
  { name: 'verify-pages', keyPrefixes: [], pages: verifyWebRoutes },
  // Last: the catalogue's pages own `/`.
  { name: 'catalog-pages', keyPrefixes: [], pages: catalogPages },
];
