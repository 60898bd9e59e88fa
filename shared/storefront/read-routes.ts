import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ProductCardSchema } from '../catalog/product';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { NotFound } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { provinceLabelByCode } from '../reference/labels';
import { legalFormLabels, ProducerSchema, publicProducer } from './producer';

export const StorefrontSchema = z
  .object({
    // No tax code, no bank account (publicProducer): the payment page shows the account, to the buyer only.
    producer: ProducerSchema.omit({ taxCode: true, bank: true }).extend({
      legalFormLabel: z.string(),
      provinceLabel: z.string(),
    }),
    products: z.array(ProductCardSchema),
    nextCursor: z.string().optional(),
  })
  .openapi('Storefront');

const getStorefront = createRoute({
  method: 'get',
  path: '/producers/{id}',
  tags: ['storefront'],
  summary: "A producer's storefront: profile and its listed products",
  request: {
    params: z.object({ id: PublicIdSchema }),
    query: z.object({
      cursor: z.string().max(2000).optional(),
      limit: queryIntegerOr(1, 100, 48),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: StorefrontSchema } }, description: 'The storefront' },
    400: errorResponse('Malformed id or cursor'),
    404: errorResponse('No such producer'),
  },
});

/** The public storefront read; the public read function serves it without the editing routes. */
export function storefrontReadRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(getStorefront, async (c) => {
    const { producers, catalog, clock } = c.get('services');
    const { id } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    // Two independent reads, issued together: profile (GetItem) and listed products (Query).
    const [producer, page] = await Promise.all([
      producers.getProducer(id),
      catalog.listProducts({ producer: id, sort: 'newest', limit, cursor }, clock.now()),
    ]);
    if (!producer) throw new NotFound(`Không tìm thấy cơ sở ${id}`, 'PRODUCER_NOT_FOUND');
    return c.json(
      {
        producer: {
          ...publicProducer(producer),
          legalFormLabel: legalFormLabels[producer.legalForm],
          provinceLabel: provinceLabelByCode(producer.provinceCode),
        },
        products: page.items,
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
  return app;
}
