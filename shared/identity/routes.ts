import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/validation-hook';
import { adminAccountRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { SESSION_COOKIE } from './session-cookie';

/** Identity's JSON API, mounted under /api. */
export function identityRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  app.route('/', authRoutes());
  app.route('/', adminAccountRoutes());
  return app;
}
