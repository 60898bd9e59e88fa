import { createApp } from '../../app/create-app';
import { searchRoutes } from '../../shared/search/routes';
import type { Services } from '../../shared/services';
import { searchWebRoutes } from '../../web/search/search-routes';

/**
 * The app with search mounted the way the lead is asked to mount it (docs/search.md, "Wiring"):
 * `api.route('/', searchRoutes())` under /api and `app.route('/', searchWebRoutes())`. Routes added
 * after createApp still run behind its middleware (request id, services, error handler).
 */
export function createSearchApp(services: Services) {
  const app = createApp(services);
  app.route('/api', searchRoutes());
  app.route('/', searchWebRoutes());
  return app;
}
