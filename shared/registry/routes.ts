import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { certificateAudit, downgradeCertificate, recordCertificate, renewCertificate, revokeCertificate } from './service';
import {
  AuditTrailSchema,
  CertificateNoParamSchema,
  DowngradeBodySchema,
  RecordCertificateBodySchema,
  RegistryResultSchema,
  RenewBodySchema,
  RevokeBodySchema,
} from './schemas';
import { verifyRoutes } from './verify-routes';

const result = (description: string) => ({ content: { 'application/json': { schema: RegistryResultSchema } }, description });
const denied = {
  401: errorResponse('Not signed in'),
  403: errorResponse('Not an officer of the subject\'s province (NOT_PROVINCE_OFFICER), or a 5★/central decision entered by an officer (CENTRAL_DECISION_ADMIN_ONLY)'),
};

const recordRoute = createRoute({
  method: 'post',
  path: '/registry/certificates',
  tags: ['registry'],
  summary: 'Record an OCOP evaluation result for a product (officer of the subject\'s province, or admin)',
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  request: { body: { content: { 'application/json': { schema: RecordCertificateBodySchema } }, required: true } },
  responses: {
    201: result('Recorded; warnings from the issuer/score checks are returned, not blocking'),
    400: errorResponse('Invalid input, or ISSUER_INCONSISTENT (e.g. a district issuer after 01/07/2025) with details.findings'),
    ...denied,
    404: errorResponse('PRODUCER_NOT_FOUND / PRODUCT_NOT_FOUND'),
    409: errorResponse('CERTIFICATE_EXISTS, or PRODUCT_CONFLICT'),
  },
});

const changeResponses = {
  200: result('The certificate after the change; the product was shown/hidden in the same transaction'),
  400: errorResponse('Invalid input'),
  ...denied,
  404: errorResponse('CERTIFICATE_NOT_FOUND'),
  409: errorResponse('CERTIFICATE_REVOKED, CERTIFICATE_CONFLICT or PRODUCT_CONFLICT'),
};

const revokeRoute = createRoute({
  method: 'post',
  path: '/registry/certificates/{no}/revoke',
  tags: ['registry'],
  summary: 'Revoke a certificate; the product is hidden at once',
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  request: { params: CertificateNoParamSchema, body: { content: { 'application/json': { schema: RevokeBodySchema } }, required: true } },
  responses: changeResponses,
});

const downgradeRoute = createRoute({
  method: 'post',
  path: '/registry/certificates/{no}/downgrade',
  tags: ['registry'],
  summary: 'Lower the star of a certificate (below 3★ hides the product at once)',
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  request: { params: CertificateNoParamSchema, body: { content: { 'application/json': { schema: DowngradeBodySchema } }, required: true } },
  responses: changeResponses,
});

const renewRoute = createRoute({
  method: 'post',
  path: '/registry/certificates/{no}/renew',
  tags: ['registry'],
  summary: 'Recognise again after re-evaluation: new decision date, new expiry, active',
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  request: { params: CertificateNoParamSchema, body: { content: { 'application/json': { schema: RenewBodySchema } }, required: true } },
  responses: changeResponses,
});

const auditRoute = createRoute({
  method: 'get',
  path: '/registry/certificates/{no}/audit',
  tags: ['registry'],
  summary: 'Append-only history of a certificate (admin, or the officer of the subject\'s province)',
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  request: { params: CertificateNoParamSchema },
  responses: {
    200: { content: { 'application/json': { schema: AuditTrailSchema } }, description: 'Entries, oldest first' },
    ...denied,
    404: errorResponse('CERTIFICATE_NOT_FOUND'),
  },
});

export function registryRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(recordRoute, async (c) => c.json(await recordCertificate(c.get('services'), requirePrincipal(c), c.req.valid('json')), 201));
  app.openapi(revokeRoute, async (c) =>
    c.json(await revokeCertificate(c.get('services'), requirePrincipal(c), c.req.valid('param').no, c.req.valid('json')), 200),
  );
  app.openapi(downgradeRoute, async (c) =>
    c.json(await downgradeCertificate(c.get('services'), requirePrincipal(c), c.req.valid('param').no, c.req.valid('json')), 200),
  );
  app.openapi(renewRoute, async (c) =>
    c.json(await renewCertificate(c.get('services'), requirePrincipal(c), c.req.valid('param').no, c.req.valid('json')), 200),
  );
  app.openapi(auditRoute, async (c) => {
    const items = await certificateAudit(c.get('services'), requirePrincipal(c), c.req.valid('param').no);
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  });
  app.route('/', verifyRoutes());
  return app;
}
