import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { NotFound } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { publicOrigin } from '../http/public-origin';
import { validationHook } from '../http/validation-hook';
import { queryIntegerOr } from '../http/query-integer';
import { assertOfficerOf, assertOwnsStorefront, requirePrincipal, requireRole, requireSignedIn } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { provinceCodes } from '../reference/provinces';
import { subOrderView, summaryView } from './items';
import { ORDER_ID_PATTERN, SUB_ORDER_ID_PATTERN } from './order-code';
import { OrderSchema, OrderSummarySchema, PlaceOrderSchema, ShippingAddressSchema, SubOrderSchema, TransitionRequestSchema } from './order';
import { cancelOrder, orderFor, retryCardCheckout } from './order-service';
import { placeOrder } from './placement';
import { subOrderStatuses } from './state-machine';
import { assertCanRead, loadSubOrder, moveSubOrder } from './transitions';
import { vietQrSvg } from '../payments/vietqr';

const tags = ['orders'];
const OrderIdSchema = z.string().regex(ORDER_ID_PATTERN, 'Mã đơn hàng không hợp lệ').openapi({ example: 'dh0kx4m2k9p7a4f8cq' });
const SubOrderIdSchema = z.string().regex(SUB_ORDER_ID_PATTERN, 'Mã đơn hàng không hợp lệ').openapi({ example: 'dh0kx4m2k9p7a4f8cq-1' });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const limitQuery = queryIntegerOr(1, 100, 20);
const CursorQuery = z.string().max(600).optional();
const pageOf = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().optional() }).openapi(name);
const common = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed') };

const placeRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/orders',
  summary: 'Place an order: one sub-order per storefront, stock reserved atomically, priced on the server',
  description:
    'Header `Idempotency-Key` is required (scoped to the account): the same key and body answer the same order again; a different body with the same key is 422. A price in the body is refused (400).',
  request: { headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: 'Required: one random value per checkout' }) }), ...json(PlaceOrderSchema) },
  responses: {
    201: answer(OrderSchema, 'The order (also for a replay with the same key; then `Idempotent-Replayed: true`)'),
    400: errorResponse('INVALID_INPUT, IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_INVALID, CART_EMPTY, TOO_MANY_LINES'),
    ...common,
    409: errorResponse('OUT_OF_STOCK (details.items: productId, variantId, requested, available), PRODUCT_NOT_LISTED (details.items: reason), PAYMENT_METHOD_UNAVAILABLE, LIVE_QUOTA_EXHAUSTED (details: livestreamId, productId, quotaLeft, requested), LIVE_PRICE_UNAVAILABLE (details: livestreamId, status, regularPriceVnd)'),
    422: errorResponse('IDEMPOTENCY_KEY_REUSED'),
    503: errorResponse('CHECKOUT_BUSY: too many buyers on the same item at once; retry with the same key'),
  },
});

const listRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/orders',
  summary: "The caller's orders, newest first",
  request: { query: z.object({ limit: limitQuery, cursor: CursorQuery }) },
  responses: { 200: answer(pageOf(OrderSummarySchema, 'OrderPage'), 'A page'), ...common },
});

const getRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/orders/{id}',
  summary: 'One order with its sub-orders and their history (its buyer or an admin; others 404)',
  request: { params: z.object({ id: OrderIdSchema }) },
  responses: { 200: answer(OrderSchema, 'The order'), ...common, 404: errorResponse('ORDER_NOT_FOUND') },
});

const cancelRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/orders/{id}/cancel',
  summary: 'The buyer cancels every sub-order not yet shipped (stock goes back; paid card sub-orders are refunded)',
  request: { params: z.object({ id: OrderIdSchema }), body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(3).max(300).optional() }).strict() } }, required: false } },
  responses: { 200: answer(OrderSchema, 'The order after cancelling'), ...common, 404: errorResponse('ORDER_NOT_FOUND'), 409: errorResponse('ILLEGAL_TRANSITION: nothing left to cancel') },
});

const cardCheckoutRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/orders/{id}/card-checkout',
  summary: "The buyer gets the order's Stripe Checkout page (created again if Stripe was unreachable at placement)",
  request: { params: z.object({ id: OrderIdSchema }) },
  responses: {
    200: answer(z.object({ checkoutUrl: z.string() }).openapi('CardCheckout'), 'Where to pay'),
    ...common,
    404: errorResponse('ORDER_NOT_FOUND'),
    409: errorResponse('PAYMENT_NOT_AWAITED (nothing to pay by card)'),
    503: errorResponse('PAYMENT_PROVIDER_UNAVAILABLE'),
  },
});

const subOrderRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/sub-orders/{id}',
  summary: "One sub-order (its buyer, its storefront, its province's officers, admins; others 404)",
  request: { params: z.object({ id: SubOrderIdSchema }) },
  responses: { 200: answer(SubOrderSchema, 'The sub-order with its history'), ...common, 404: errorResponse('ORDER_NOT_FOUND') },
});

const transitionRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('shopper', 'producer', 'officer', 'admin')] as const,
  method: 'post',
  path: '/sub-orders/{id}/transitions',
  summary: 'Move a sub-order: the storefront confirms a transfer, packs, ships (carrier, trackingCode), delivers, refunds; the buyer cancels or completes',
  request: { params: z.object({ id: SubOrderIdSchema }), ...json(TransitionRequestSchema) },
  responses: {
    200: answer(SubOrderSchema, 'The sub-order as moved'),
    400: errorResponse('TRACKING_REQUIRED, REASON_REQUIRED, INVALID_INPUT'),
    ...common,
    403: errorResponse('NOT_STOREFRONT_OWNER, ORDER_READ_ONLY (officers and admins read, never edit)'),
    404: errorResponse('ORDER_NOT_FOUND'),
    409: errorResponse('ILLEGAL_TRANSITION (details: from, to, allowed)'),
  },
});

const vietQrRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/sub-orders/{id}/vietqr.svg',
  summary: "The sub-order's VietQR code as an SVG image (buyer and storefront)",
  request: { params: z.object({ id: SubOrderIdSchema }) },
  responses: { 200: { content: { 'image/svg+xml': { schema: z.string() } }, description: 'SVG' }, ...common, 404: errorResponse('ORDER_NOT_FOUND or NO_VIETQR') },
});

const storefrontOrdersRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'get',
  path: '/producers/{id}/orders',
  summary: "A storefront's order queue, newest first, optionally one state",
  request: { params: z.object({ id: PublicIdSchema }), query: z.object({ status: z.enum(subOrderStatuses).optional(), limit: limitQuery, cursor: CursorQuery }) },
  responses: { 200: answer(pageOf(SubOrderSchema, 'SubOrderPage'), 'A page'), ...common },
});

const provinceOrdersRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/provinces/{code}/orders',
  summary: "Sub-orders of the province's storefronts, newest first (its officers and admins; read only)",
  request: { params: z.object({ code: z.enum(provinceCodes) }), query: z.object({ limit: limitQuery, cursor: CursorQuery }) },
  responses: { 200: answer(pageOf(SubOrderSchema, 'ProvinceSubOrderPage'), 'A page'), ...common },
});

const addressesRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/account/addresses',
  summary: 'Shipping addresses saved at checkout (most recent first, at most 5)',
  responses: { 200: answer(z.object({ items: z.array(ShippingAddressSchema) }).openapi('AddressBook'), 'The addresses'), ...common },
});

const noticesRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/account/order-notices',
  summary: "Order notices for the caller (a buyer's orders; a producer's storefront), newest first",
  responses: {
    200: answer(
      z.object({ items: z.array(z.object({ id: z.string(), orderId: z.string(), subOrderId: z.string(), message: z.string(), createdAt: z.string() })) }).openapi('OrderNotices'),
      'The latest notices',
    ),
    ...common,
  },
});

export function orderRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(placeRoute, async (c) => {
    const services = c.get('services');
    const principal = requirePrincipal(c);
    const placed = await placeOrder(services, principal, c.req.header('idempotency-key'), c.req.valid('json'), publicOrigin(services.config, c.req.url));
    if (placed.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Location', `/api/orders/${placed.orderId}`);
    c.header('Cache-Control', 'no-store');
    return c.json(await orderFor(services, principal, placed.orderId), 201);
  });
  app.openapi(listRoute, async (c) => {
    const services = c.get('services');
    const { limit, cursor } = c.req.valid('query');
    const page = await services.orders.listBuyerOrders(requirePrincipal(c).accountId, limit, cursor);
    return c.json({ items: page.items.map(summaryView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  });
  app.openapi(getRoute, async (c) => c.json(await orderFor(c.get('services'), requirePrincipal(c), c.req.valid('param').id), 200));
  app.openapi(cancelRoute, async (c) => {
    const services = c.get('services');
    const body = c.req.valid('json') as { reason?: string } | undefined;
    return c.json(await cancelOrder(services, requirePrincipal(c), c.req.valid('param').id, body?.reason), 200);
  });
  app.openapi(cardCheckoutRoute, async (c) => {
    const services = c.get('services');
    return c.json({ checkoutUrl: await retryCardCheckout(services, requirePrincipal(c), c.req.valid('param').id, publicOrigin(services.config, c.req.url)) }, 200);
  });
  app.openapi(subOrderRoute, async (c) => {
    const services = c.get('services');
    const principal = requirePrincipal(c);
    const sub = await loadSubOrder(services, c.req.valid('param').id);
    assertCanRead(principal, sub);
    const order = await services.orders.getOrder(sub.orderId);
    const history = (order?.logs ?? []).filter((l) => l.n === sub.n).map(({ n: _n, ...t }) => t);
    return c.json(subOrderView(sub, order?.header, history), 200);
  });
  app.openapi(transitionRoute, async (c) => {
    const services = c.get('services');
    const next = await moveSubOrder(services, { principal: requirePrincipal(c) }, c.req.valid('param').id, c.req.valid('json'));
    const order = await services.orders.getOrder(next.orderId);
    const history = (order?.logs ?? []).filter((l) => l.n === next.n).map(({ n: _n, ...t }) => t);
    return c.json(subOrderView(next, order?.header, history), 200);
  });
  app.openapi(vietQrRoute, async (c) => {
    const services = c.get('services');
    const sub = await loadSubOrder(services, c.req.valid('param').id);
    assertCanRead(requirePrincipal(c), sub);
    if (!sub.payment.vietqr) throw new NotFound('Đơn này không thanh toán bằng VietQR', 'NO_VIETQR');
    c.header('Cache-Control', 'private, max-age=3600');
    return c.body(await vietQrSvg(sub.payment.vietqr.payload), 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.openapi(storefrontOrdersRoute, async (c) => {
    const services = c.get('services');
    const { id } = c.req.valid('param');
    assertOwnsStorefront(requirePrincipal(c), id, { orAdmin: true });
    const { status, limit, cursor } = c.req.valid('query');
    const page = await services.orders.listStorefront(id, status, limit, cursor);
    return c.json({ items: page.items.map((s) => subOrderView(s, undefined)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  });
  app.openapi(provinceOrdersRoute, async (c) => {
    const services = c.get('services');
    const { code } = c.req.valid('param');
    assertOfficerOf(requirePrincipal(c), code, { orAdmin: true });
    const { limit, cursor } = c.req.valid('query');
    const page = await services.orders.listProvince(code, limit, cursor);
    return c.json({ items: page.items.map((s) => subOrderView(s, undefined)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  });
  app.openapi(addressesRoute, async (c) => c.json({ items: await c.get('services').orders.savedAddresses(requirePrincipal(c).accountId) }, 200));
  app.openapi(noticesRoute, async (c) => {
    const services = c.get('services');
    const principal = requirePrincipal(c);
    const party = principal.role === 'producer' && principal.producerId ? { producerId: principal.producerId } : { accountId: principal.accountId };
    return c.json({ items: await services.orders.notices(party) }, 200);
  });
  return app;
}
