import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { PublicIdSchema } from '../http/ids';
import { validationHook } from '../http/validation-hook';
import { ListProductsQuerySchema } from './list-query';
import { ProductCardSchema } from './product';
import { getListedProduct } from './product-lookup';
import { ProductViewSchema, viewOf } from './product-view';

export const ProductPageSchema = z
  .object({
    items: z.array(ProductCardSchema),
    nextCursor: z.string().optional().openapi({ description: 'Absent on the last page' }),
  })
  .openapi('ProductPage');

const listProducts = createRoute({
  method: 'get',
  path: '/products',
  tags: ['catalog'],
  summary: 'Listed OCOP products (3★+, valid certificate at request time)',
  request: { query: ListProductsQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: ProductPageSchema } }, description: 'One page of products' },
    400: errorResponse('Invalid filter, sort, limit or cursor'),
  },
});

const getProduct = createRoute({
  method: 'get',
  path: '/products/{id}',
  tags: ['catalog'],
  summary: 'One listed product with its certification and origin',
  request: { params: z.object({ id: PublicIdSchema }) },
  responses: {
    200: { content: { 'application/json': { schema: ProductViewSchema } }, description: 'The product' },
    400: errorResponse('Malformed id'),
    404: errorResponse('No such product'),
    410: errorResponse('Not listed any more (reason in details.reason: expired, revoked, below 3★, archived)'),
  },
});

export function catalogRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listProducts, async (c) => {
    const { catalog, clock } = c.get('services');
    const page = await catalog.listProducts(c.req.valid('query'), clock.now());
    return c.json(page, 200);
  });
  app.openapi(getProduct, async (c) => {
    const product = await getListedProduct(c.get('services'), c.req.valid('param').id);
    return c.json(viewOf(product), 200);
  });
  return app;
}
