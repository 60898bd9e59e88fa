import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { POS_CELL_PREFIX, POS_LINK_PREFIX, POS_PREFIX } from './keys';
import { locatorRoutes, POINT_IMPORT_PATH } from './routes';
import { DeclarationStore } from './declarations';
import { DynamoPointStore, type PointStore } from './store';

declare module '../services' {
  interface Services {
    /** OCOP points of sale (docs/locator.md). */
    points: PointStore;
    /** Producers' "sold at this point" declarations (docs/locator.md). */
    pointDeclarations: DeclarationStore;
  }
}

/** The store locator: points of sale, their hours and what they carry (docs/locator.md). */
export const locatorModule = defineModule({
  name: 'locator',
  keyPrefixes: [POS_PREFIX, POS_CELL_PREFIX, POS_LINK_PREFIX],
  api: locatorRoutes,
  // The CSV import reads up to 2 MB (its own limit on the route); every other route keeps the 64 KB API limit.
  ownBodyLimitPaths: [POINT_IMPORT_PATH],
  services: (deps) => ({ points: new DynamoPointStore(deps.db, deps.tableName), pointDeclarations: new DeclarationStore(deps.db, deps.tableName) }),
  indexes: [ownerIndex],
  // Reads: the point (GetItem), cells/links/province (Query), carried products (BatchGetItem via the catalogue);
  // writes: one transaction of Put/Delete (point + copies).
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'DeleteItem', 'ConditionCheckItem'],
});
