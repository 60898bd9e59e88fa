import { Hono } from 'hono';
import type { AppEnv } from '../shared/http/app-env';

/** Placeholder until the web layer lands (replaced by the web pages work). */
export function webRoutes() {
  const web = new Hono<AppEnv>();
  web.get('/', (c) => c.html('<!doctype html><html lang="vi"><body><h1>Chợ OCOP</h1></body></html>'));
  return web;
}
