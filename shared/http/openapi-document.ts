import type { OpenAPIHono } from '@hono/zod-openapi';
import { completeContract } from './openapi-contract';

/** The document served at /api/openapi.json: generated from the routes' zod declarations, then completed. */
export function apiDocument(app: Pick<OpenAPIHono, 'getOpenAPI31Document'>) {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Chợ OCOP API',
      version: '0.1.0',
      description: 'OCOP products (3★+, valid certificate), storefronts and reference data. Money is integer VND; times are UTC ISO-8601.',
    },
    servers: [{ url: '/' }],
  });
  // The package is private, with no open-source licence; OpenAPI 3.1 names that by an SPDX
  // LicenseRef (the generator's config type is 3.0's and has no `identifier`).
  document.info.license = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };
  return completeContract(document);
}
