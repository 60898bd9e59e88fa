import { defineModule } from '../module/define-module';
import { healthRoutes } from './routes';
import { HEALTH_PREFIX, tableProbe, type TableProbe } from './table-probe';

declare module '../services' {
  interface Services {
    health: TableProbe;
  }
}

/** `GET /api/health`: liveness plus one read of the table. */
export const healthModule = defineModule({
  name: 'health',
  keyPrefixes: [HEALTH_PREFIX],
  api: healthRoutes,
  services: (deps) => ({ health: tableProbe(deps.db, deps.tableName) }),
  tableActions: ['GetItem'],
});
