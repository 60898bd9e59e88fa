import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { PublicIdSchema } from '../http/ids';
import { currentPrincipal } from '../identity/authenticate';
import { requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { editStorefront } from './edit-service';
import { ProducerSchema } from './producer';
import { StorefrontPatchSchema } from './schemas';

const patchStorefront = createRoute({
  method: 'patch',
  path: '/producers/{id}',
  tags: ['storefront'],
  summary: 'The owner edits their storefront (name, story, contact, shipping, images, VietQR bank account)',
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  request: {
    params: z.object({ id: PublicIdSchema }),
    body: { content: { 'application/json': { schema: StorefrontPatchSchema } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ producer: ProducerSchema, productsRenamed: z.number().int() }) } },
      description: 'The storefront as saved, and how many products got the new name',
    },
    400: errorResponse('Invalid input'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_STOREFRONT_OWNER'),
    404: errorResponse('PRODUCER_NOT_FOUND'),
    409: errorResponse('PRODUCER_CONFLICT'),
  },
});

export function mountStorefrontEditing(app: OpenAPIHono<AppEnv>): void {
  app.openapi(patchStorefront, async (c) => {
    const result = await editStorefront(c.get('services'), currentPrincipal(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(result, 200);
  });
}
