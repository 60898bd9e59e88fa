import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { catalogRoutes } from './catalog/routes';
import type { AppEnv } from './http/app-env';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { authenticate } from './identity/authenticate';
import { csrfProtection } from './identity/csrf';
import { identityRoutes } from './identity/routes';
import { IMAGE_UPLOAD_PATH, mediaRoutes } from './media/media-routes';
import { registryRoutes } from './registry/routes';
import { PayloadTooLarge } from './http/errors';
import { healthRoutes } from './http/health-routes';
import { apiDocument } from './http/openapi-document';
import { requestIdMiddleware, requestLogging } from './http/request-context';
import { validationHook } from './http/validation-hook';
import { referenceRoutes } from './reference/routes';
import type { Services } from './services';
import { storefrontRoutes } from './storefront/routes';
import { onboardingRoutes } from './onboarding/routes';
import { productManagementRoutes } from './catalog/product-management-routes';
import { renderErrorPage } from '../web/pages/error-page';
import { webRoutes } from '../web/routes';
import { etag } from 'hono/etag';
import { searchRoutes } from './search/routes';
import { searchWebRoutes } from '../web/search/search-routes';
import { identityWebRoutes } from '../web/identity/routes';
import { producerWebRoutes } from '../web/producer/routes';
import { onboardingConsoleRoutes } from '../web/console/onboarding-routes';
import { registryWebRoutes } from '../web/registry/routes';

export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The one app: Lambda serves it through hono/aws-lambda, the local server through @hono/node-server.
 * It never knows where it runs; everything outside comes in through `services`.
 */
export function createApp(services: Services) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', requestIdMiddleware, requestLogging(services.logger, services));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT_BYTES,
    onError: () => {
      throw new PayloadTooLarge(API_BODY_LIMIT_BYTES);
    },
  });
  // The image upload route carries a file and sets its own 10 MB limit (shared/media/media-routes.ts);
  // one exact path is exempt, so no other route can grow past 64 KB by accident.
  app.use('/api/*', (c, next) => (c.req.path === IMAGE_UPLOAD_PATH ? next() : apiBodyLimit(c, next)));
  // After the body limit, so an oversized request is refused before any session read.
  app.use('*', csrfProtection(), authenticate());
  // Public pages are revalidated on every view (web/render.ts PUBLIC_CACHE) so the 3★ gate is never
  // answered from a cache; an unchanged page then costs a 304 with no body on a slow phone link.
  const pageEtag = etag();
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : pageEtag(c, next)));

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.route('/', healthRoutes());
  api.route('/', catalogRoutes());
  api.route('/', storefrontRoutes());
  api.route('/', onboardingRoutes());
  api.route('/', productManagementRoutes());
  api.route('/', referenceRoutes());
  api.route('/', searchRoutes());
  api.route('/', identityRoutes());
  api.route('/', registryRoutes());
  api.route('/', mediaRoutes());
  app.route('/api', api);

  let openApiDocument: ReturnType<typeof apiDocument> | undefined;
  app.get('/api/openapi.json', (c) => c.json((openApiDocument ??= apiDocument(app))));
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', title: 'Chợ OCOP API' }));

  app.route('/', identityWebRoutes());
  app.route('/', producerWebRoutes());
  app.route('/', onboardingConsoleRoutes());
  app.route('/', registryWebRoutes());
  app.route('/', searchWebRoutes());
  app.route('/', webRoutes());

  app.notFound(notFoundHandler(renderErrorPage));
  app.onError(errorHandler(renderErrorPage));
  return app;
}

export type App = ReturnType<typeof createApp>;
