import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { VerificationSchema } from './verification';
import { verifyCertificate } from './verify-lookup';

const verifyRoute = createRoute({
  method: 'get',
  path: '/verify/{certificateNo}',
  tags: ['registry'],
  summary: 'Public verification of an OCOP certificate, evaluated at request time',
  request: { params: z.object({ certificateNo: z.string().min(1).max(80).openapi({ param: { name: 'certificateNo', in: 'path' } }) }) },
  responses: {
    200: { content: { 'application/json': { schema: VerificationSchema } }, description: 'State (valid, expired, revoked…) and the certificate data' },
    404: errorResponse('CERTIFICATE_NOT_FOUND'),
  },
});

export function verifyRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(verifyRoute, async (c) => {
    const view = await verifyCertificate(c.get('services'), c.req.valid('param').certificateNo);
    // A revocation must show at once: no shared cache may keep an old answer.
    c.header('Cache-Control', 'no-store');
    return c.json(view, 200);
  });
  return app;
}
