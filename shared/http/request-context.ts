import type { Logger } from '@aws-lambda-powertools/logger';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env';

/** Accepts a caller's id only if it is short and plain, else makes one (it ends up in log lines). */
export const requestIdMiddleware = requestId({
  headerName: 'X-Request-Id',
  limitLength: 64,
});

/** A child logger per request so every log line carries the request id; one access line per request. */
export function requestLogging(root: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const logger = root.createChild({ persistentKeys: { requestId: c.get('requestId') } });
    c.set('logger', logger);
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  });
}
