import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/validation-hook';
import { provinces } from './provinces';
import { productGroups } from './taxonomy';

const ProvinceSchema = z
  .object({
    code: z.string().openapi({ example: '86', description: '2025 code (scheme "2025")' }),
    name: z.string(),
    slug: z.string(),
    type: z.enum(['province', 'city']),
    region: z.string(),
    adminCenter: z.string(),
    lat: z.number(),
    lng: z.number(),
    mergedFrom: z.array(z.string()),
  })
  .openapi('Province');

const GroupSchema = z
  .object({
    code: z.string(),
    number: z.number().int(),
    name: z.string(),
    nameEn: z.string(),
    isService: z.boolean(),
    legacyNames: z.array(z.string()),
    subgroups: z.array(z.object({ code: z.string(), name: z.string(), validFrom: z.string(), validTo: z.string().optional() })),
  })
  .openapi('ProductGroup');

// Reference data changes by decree, not by the minute: let CDNs and phones cache it.
const CACHE = 'public, max-age=3600, stale-while-revalidate=86400';

export function referenceRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/provinces',
      tags: ['reference'],
      summary: 'The 34 provincial-level units since 01/07/2025 (Resolution 202/2025/QH15)',
      responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(ProvinceSchema) }) } }, description: 'Provinces' } },
    }),
    (c) => {
      c.header('Cache-Control', CACHE);
      return c.json({ items: [...provinces] }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups',
      tags: ['reference'],
      summary: 'The six OCOP product groups and their subgroups (Decision 148/QĐ-TTg)',
      responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(GroupSchema) }) } }, description: 'Groups' } },
    }),
    (c) => {
      c.header('Cache-Control', CACHE);
      return c.json({ items: [...productGroups] }, 200);
    },
  );
  return app;
}
