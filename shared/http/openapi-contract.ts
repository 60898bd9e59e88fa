import type { OpenAPIHono } from '@hono/zod-openapi';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** The generated document already holds the `Error` component (every route's errors use it). */
const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** API Gateway's stage throttle (infra/constructs/http-api.ts) answers before the Lambda, in its own shape. */
const gatewayThrottle = {
  description: 'Too many requests: on AWS the API stage throttle answers before the app, with `{ "message": "Too Many Requests" }`',
  content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const pascal = (word: string) => word.replace(/(^|[-_.])([a-z0-9])/gi, (_m, _sep: string, ch: string) => ch.toUpperCase());

/**
 * `GET /api/products/{id}` → `getProductsById`. Derived from what clients already depend on (method
 * and path), so it changes only when the route itself changes, never because someone renamed a handler.
 */
export function operationIdOf(method: string, path: string): string {
  const segments = path
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${pascal(param[1]!)}` : pascal(segment);
    });
  return `${method.toLowerCase()}${segments.join('')}`;
}

/**
 * What the app answers on every route by construction, declared once here instead of in each route:
 * the operation id, `security: []` where a route declares none (it is public: `authenticate()` only
 * reads a session, `requireRole` is what refuses), the validation hook's 400 wherever there is an input
 * to validate, the API body limit's 413 wherever a body is read, and the gateway's 429 everywhere.
 */
export function completeContract(document: OpenApiDocument): OpenApiDocument {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.operationId ??= operationIdOf(method, path);
      operation.security ??= [];
      const responses = (operation.responses ??= {});
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      if (hasInput) responses['400'] ??= errorAnswer('Invalid input (INVALID_INPUT), with details per field');
      if (operation.requestBody !== undefined) responses['413'] ??= errorAnswer('Body larger than the API limit (PAYLOAD_TOO_LARGE)');
      responses['429'] ??= gatewayThrottle;
    }
  }
  return document;
}
