import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { apiDocsPage } from '../web/pages/api-docs-page';
import { catalogRoutes } from './catalog/routes';
import { contentSecurityPolicy } from './http/content-security-policy';
import type { AppEnv } from './http/app-env';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { authenticate } from './identity/authenticate';
import { csrfProtection } from './identity/csrf';
import { identityRoutes } from './identity/routes';
import { IMAGE_UPLOAD_PATH, mediaRoutes } from './media/media-routes';
import { registryRoutes } from './registry/routes';
import { PayloadTooLarge } from './http/errors';
import { healthRoutes } from './http/health-routes';
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
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: contentSecurityPolicy(services.config) }));
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

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Chợ OCOP API',
      version: '0.1.0',
      description: 'OCOP products (3★+, valid certificate), storefronts and reference data. Money is integer VND; times are UTC ISO-8601.',
    },
    servers: [{ url: '/' }],
  });
  // Swagger UI from our own static files (scripts/build-web.ts), not a CDN: works offline, CSP 'self'.
  app.get('/api/docs', apiDocsPage('/api/openapi.json'));

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
