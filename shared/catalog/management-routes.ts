import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { PublicIdSchema } from '../http/ids';
import { validationHook } from '../http/validation-hook';
import { currentPrincipal } from '../identity/authenticate';
import { requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { ProductSchema } from './product';
import { archiveProduct, createProduct, editProduct, linkCertificate, setStock, setVariantStock } from './management-service';
import { CertificateLinkSchema, NewProductSchema, ProductPatchSchema, StockBodySchema } from './management-schemas';
import { VariantIdSchema } from './variants';

const params = z.object({ id: PublicIdSchema });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const productResponse = (description: string) => ({ content: { 'application/json': { schema: ProductSchema } }, description });
const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('NOT_STOREFRONT_OWNER, STOREFRONT_NOT_APPROVED or CERTIFICATE_NOT_OWNED'),
  404: errorResponse('PRODUCT_NOT_FOUND'),
  409: errorResponse('PRODUCT_CONFLICT, PRODUCT_ARCHIVED, CERTIFICATE_NOT_ACTIVE, CERTIFICATE_EXPIRED, CERTIFICATE_CONFLICT, PRODUCT_HAS_VARIANTS'),
};
const tags = ['product management'];

const createProductRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/producers/{id}/products',
  summary: 'The owner creates a draft product in their storefront',
  request: { params, ...json(NewProductSchema) },
  responses: { 201: productResponse('The draft'), ...errors },
});

const editProductRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'patch',
  path: '/products/{id}',
  summary: 'The owner edits a product (publishing: status draft → active)',
  request: { params, ...json(ProductPatchSchema) },
  responses: { 200: productResponse('The product as saved'), ...errors },
});

const archiveRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/products/{id}/archive',
  summary: 'The owner archives a product (its listing items go in the same transaction)',
  request: { params },
  responses: { 200: productResponse('The archived product'), ...errors },
});

const stockRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'put',
  path: '/products/{id}/stock',
  summary: 'The owner sets the stock level (409 PRODUCT_HAS_VARIANTS for a product with variants: set each variant)',
  request: { params, ...json(StockBodySchema) },
  responses: { 200: productResponse('The product as saved'), ...errors },
});

const variantStockRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'put',
  path: '/products/{id}/variants/{variantId}/stock',
  summary: "The owner sets one variant's stock level (the product's stock, their sum, follows)",
  request: { params: z.object({ id: PublicIdSchema, variantId: VariantIdSchema }), ...json(StockBodySchema) },
  responses: { 200: productResponse('The product as saved'), ...errors, 404: errorResponse('PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND') },
});

const certificateRoute = createRoute({
  tags,
  security: securedBy,
  // Role first, before body validation: a stranger learns nothing about the body's rules.
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/products/{id}/certificate',
  summary: "The owner links one of their own active certificates to a product",
  request: { params, ...json(CertificateLinkSchema) },
  responses: { 200: productResponse('The product with its certificate snapshot'), ...errors },
});

export function productManagementRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(createProductRoute, async (c) =>
    c.json(await createProduct(c.get('services'), currentPrincipal(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(editProductRoute, async (c) => c.json(await editProduct(c.get('services'), currentPrincipal(c), c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(archiveRoute, async (c) => c.json(await archiveProduct(c.get('services'), currentPrincipal(c), c.req.valid('param').id), 200));
  app.openapi(stockRoute, async (c) => c.json(await setStock(c.get('services'), currentPrincipal(c), c.req.valid('param').id, c.req.valid('json').stock), 200));
  app.openapi(variantStockRoute, async (c) => {
    const { id, variantId } = c.req.valid('param');
    return c.json(await setVariantStock(c.get('services'), currentPrincipal(c), id, variantId, c.req.valid('json').stock), 200);
  });
  app.openapi(certificateRoute, async (c) =>
    c.json(await linkCertificate(c.get('services'), currentPrincipal(c), c.req.valid('param').id, c.req.valid('json').certificateNo), 200),
  );
  return app;
}
