import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env';
import { AppError, type ErrorBody } from './errors';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

export type HtmlErrorRenderer = (status: number, title: string, message: string) => string | Promise<string>;

/** Throttling and timeouts that outlived the SDK's own retries: the client should retry, not give up. */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TimeoutError',
  'RequestTimeout',
  'InternalServerError',
]);
function isTransient(err: Error): boolean {
  return TRANSIENT.has(err.name);
}

function toError(err: Error): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: err.status, body: err.toBody() };
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    return { status: err.status, body: { error: { code, message: err.message || 'Bad request' } } };
  }
  if (isTransient(err)) {
    return { status: 503, body: { error: { code: 'SERVICE_BUSY', message: 'The service is busy, please retry shortly' } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } } };
}

/** Errors are values at the edge: typed domain errors map to status + JSON; nothing leaks a stack. */
export function errorHandler(renderHtml: HtmlErrorRenderer): ErrorHandler<AppEnv> {
  return async (err, c) => {
    const { status, body } = toError(err);
    const logger = c.get('logger');
    if (status === 503) {
      logger?.warn('transient failure', { errorName: err.name, message: err.message });
      c.header('Retry-After', '1');
    } else if (status >= 500) logger?.error('unhandled error', err);
    else logger?.info('request rejected', { code: body.error.code, status });
    if (isApi(c.req.path) || !c.req.header('accept')?.includes('text/html')) {
      return c.json(body, status as 400);
    }
    return c.html(await renderHtml(status, body.error.code, body.error.message), status as 400);
  };
}

export function notFoundHandler(renderHtml: HtmlErrorRenderer): NotFoundHandler<AppEnv> {
  return async (c) => {
    const body: ErrorBody = { error: { code: 'ROUTE_NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } };
    if (isApi(c.req.path) || !c.req.header('accept')?.includes('text/html')) return c.json(body, 404);
    return c.html(await renderHtml(404, 'NOT_FOUND', 'Không tìm thấy trang bạn cần'), 404);
  };
}
