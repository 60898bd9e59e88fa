import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { certificateConsoleRoutes } from './certificate-routes';
import { consoleWebRoutes } from './console-routes';
import { verifyQrRoutes } from './verify-qr-routes';
import { verifyWebRoutes } from './verify-routes';

export function registryWebRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', consoleWebRoutes());
  app.route('/', certificateConsoleRoutes());
  app.route('/', verifyWebRoutes());
  app.route('/', verifyQrRoutes());
  return app;
}
