import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { assertSameOrigin } from '../identity/csrf';
import { hasBearer } from '../identity/session-cookie';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-lines';
import { CART_COOKIE, cartOwnerForWrite, cartOwnerOf, hasCartCookie, keepGuestCookie } from './owner';
import { CartAddBodySchema, CartLineQuerySchema, CartSetBodySchema, CartViewSchema } from './schemas';
import { addToCart, cartView, removeCartLine, setCartQuantity, viewOfLines } from './service';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const cartResponse = (description: string) => ({ content: { 'application/json': { schema: CartViewSchema } }, description });

/**
 * The guest cart cookie is attached by the browser on its own, like the session cookie: a mutating
 * request that carries it (and no Bearer token) must come from this site. Runs before validation.
 */
const sameOriginForCartCookie = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (hasCartCookie(c) && !hasBearer(c)) assertSameOrigin(c);
    await next();
  });

const WHO =
  `Open to everyone. A signed-in caller (Bearer token or session cookie, any role) uses the account cart; anyone else the guest cart named by the \`${CART_COOKIE}\` cookie ` +
  '(HttpOnly, SameSite=Lax), which the first write sets. Guest lines move into the account cart at sign-in.';

const getCart = createRoute({
  method: 'get',
  path: '/cart',
  tags: ['cart'],
  summary: 'The cart, every line re-checked against its product now (3★ gate, variant, stock, price)',
  description: `${WHO} Unavailable lines are kept and flagged with a reason; subtotals count available lines only.`,
  responses: { 200: cartResponse('The cart (empty when there is none)') },
});

const addItem = createRoute({
  method: 'post',
  path: '/cart/items',
  tags: ['cart'],
  summary: 'Add a product (and variant) to the cart; adds to the line if it is already there',
  description: `${WHO} At most ${MAX_CART_LINES} distinct lines (409 CART_FULL) and ${MAX_LINE_QUANTITY} per line (400 QUANTITY_OUT_OF_RANGE).`,
  middleware: [sameOriginForCartCookie()] as const,
  request: { body: json(CartAddBodySchema) },
  responses: {
    200: cartResponse('The cart after the change'),
    400: errorResponse('Malformed body, VARIANT_REQUIRED, or QUANTITY_OUT_OF_RANGE (the line would exceed 999)'),
    403: errorResponse('CROSS_SITE_REQUEST: the cart cookie came with a request from another site'),
    404: errorResponse('PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND'),
    409: errorResponse(`CART_FULL (${MAX_CART_LINES} lines), OUT_OF_STOCK, NOT_SOLD_ONLINE (a tourism service, booked with the producer), or CART_BUSY (concurrent changes; send again)`),
    410: errorResponse('PRODUCT_NOT_LISTED: the 3★ gate refuses it now (details.reason)'),
  },
});

const setItem = createRoute({
  method: 'put',
  path: '/cart/items',
  tags: ['cart'],
  summary: "Set a line's quantity; 0 removes it",
  description: `${WHO} No product is read: the next GET re-checks the line.`,
  middleware: [sameOriginForCartCookie()] as const,
  request: { body: json(CartSetBodySchema) },
  responses: {
    200: cartResponse('The cart after the change'),
    400: errorResponse(`Malformed body, or a quantity outside 0–${MAX_LINE_QUANTITY}`),
    403: errorResponse('CROSS_SITE_REQUEST'),
    404: errorResponse('CART_LINE_NOT_FOUND (a quantity above 0 for a line the cart does not have)'),
    409: errorResponse('CART_BUSY (concurrent changes; send again)'),
  },
});

const deleteItem = createRoute({
  method: 'delete',
  path: '/cart/items',
  tags: ['cart'],
  summary: 'Remove a line (nothing happens if the cart does not have it)',
  description: WHO,
  middleware: [sameOriginForCartCookie()] as const,
  request: { query: CartLineQuerySchema },
  responses: {
    200: cartResponse('The cart after the change'),
    403: errorResponse('CROSS_SITE_REQUEST'),
    409: errorResponse('CART_BUSY (concurrent changes; send again)'),
  },
});

export function cartRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(getCart, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await cartView(c.get('services'), cartOwnerOf(c)), 200);
  });

  app.openapi(addItem, async (c) => {
    c.header('Cache-Control', 'no-store');
    const services = c.get('services');
    const owner = cartOwnerForWrite(c);
    const lines = await addToCart(services, owner, c.req.valid('json'));
    keepGuestCookie(c, owner);
    return c.json(await viewOfLines(services, lines), 200);
  });

  app.openapi(setItem, async (c) => {
    c.header('Cache-Control', 'no-store');
    const services = c.get('services');
    const owner = cartOwnerOf(c);
    const lines = await setCartQuantity(services, owner, c.req.valid('json'));
    if (owner) keepGuestCookie(c, owner);
    return c.json(await viewOfLines(services, lines), 200);
  });

  app.openapi(deleteItem, async (c) => {
    c.header('Cache-Control', 'no-store');
    const services = c.get('services');
    const owner = cartOwnerOf(c);
    const lines = await removeCartLine(services, owner, c.req.valid('query'));
    if (owner) keepGuestCookie(c, owner);
    return c.json(await viewOfLines(services, lines), 200);
  });

  return app;
}
