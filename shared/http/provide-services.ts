import { createMiddleware } from 'hono/factory';
import type { Services } from '../services';
import type { AppEnv } from './app-env';

/** Hands the services built at the edge to every handler as `c.get('services')`. */
export function provideServices(services: Services) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('services', services);
    await next();
  });
}
