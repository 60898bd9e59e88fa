import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../shared/http/app-env';
import { contentSecurityPolicy } from '../shared/http/content-security-policy';
import { errorHandler, notFoundHandler } from '../shared/http/error-handler';
import { apiDocument } from '../shared/http/openapi-document';
import { PayloadTooLarge } from '../shared/http/errors';
import { provideServices } from '../shared/http/provide-services';
import { requestIdMiddleware, requestLogging } from '../shared/http/request-context';
import { validationHook } from '../shared/http/validation-hook';
import { authenticate } from '../shared/identity/authenticate';
import { csrfProtection } from '../shared/identity/csrf';
import { assertDistinctKeyPrefixes } from '../shared/module/key-prefixes';
import type { Services } from '../shared/services';
import { apiDocsPage } from '../web/pages/api-docs-page';
import { renderErrorPage } from '../web/pages/error-page';
import type { AppModule } from './app-module';

export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The one app: Lambda serves it through hono/aws-lambda, the local server through @hono/node-server.
 * It never knows where it runs; everything outside comes in through `services`, every capability
 * through the module list (a test passes its own list).
 */
export function composeApp(services: Services, modules: readonly AppModule[]) {
  assertDistinctKeyPrefixes(modules);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // contextStorage: what a page component needs of the request without props (the header's cart count).
  app.use('*', contextStorage(), requestIdMiddleware, requestLogging(services.logger), provideServices(services));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: contentSecurityPolicy(services.config) }));
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT_BYTES,
    onError: () => {
      throw new PayloadTooLarge(API_BODY_LIMIT_BYTES);
    },
  });
  // Only the exact paths a module names read a larger body, so no other route can grow past 64 KB by accident.
  const ownLimit = new Set(modules.flatMap((m) => m.ownBodyLimitPaths ?? []));
  app.use('/api/*', (c, next) => (ownLimit.has(c.req.path) ? next() : apiBodyLimit(c, next)));
  // After the body limit, so an oversized request is refused before any session read.
  app.use('*', csrfProtection(), authenticate());
  // Public pages are revalidated on every view (web/render.ts PUBLIC_CACHE) so the 3★ gate is never
  // answered from a cache; an unchanged page then costs a 304 with no body on a slow phone link.
  const pageEtag = etag();
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : pageEtag(c, next)));

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const m of modules) if (m.api) api.route('/', m.api());
  app.route('/api', api);

  let openApiDocument: ReturnType<typeof apiDocument> | undefined;
  app.get('/api/openapi.json', (c) => c.json((openApiDocument ??= apiDocument(app))));
  // Swagger UI from our own static files (scripts/build-web.ts), not a CDN: works offline, CSP 'self'.
  app.get('/api/docs', apiDocsPage('/api/openapi.json'));

  for (const m of modules) if (m.pages) app.route('/', m.pages());

  app.notFound(notFoundHandler(renderErrorPage));
  app.onError(errorHandler(renderErrorPage));
  return app;
}

export type App = ReturnType<typeof composeApp>;
