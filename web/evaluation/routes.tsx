import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { evaluationConsoleRoutes } from './console-routes';
import { evaluationProducerRoutes } from './producer-routes';

/** The evaluation's pages (docs/evaluation.md): the console for officers and council, "Hồ sơ OCOP" for producers. */
export function evaluationWebRoutes() {
  const web = new Hono<AppEnv>();
  web.route('/', evaluationConsoleRoutes());
  web.route('/', evaluationProducerRoutes());
  return web;
}
