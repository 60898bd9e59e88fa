import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import type { ErrorBody } from './errors';

/** Every zod failure on a route's input becomes the same 400 JSON shape, listing each problem. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const body: ErrorBody = {
    error: {
      code: 'INVALID_INPUT',
      message: 'Request parameters are invalid',
      details: result.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    },
  };
  return c.json(body, 400);
};
