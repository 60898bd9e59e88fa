import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden, NotFound } from '../../shared/http/errors';
import { publicOrigin } from '../../shared/http/public-origin';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { IdempotencyKeyReused } from '../../shared/orders/errors';
import { subOrderView, summaryView } from '../../shared/orders/items';
import { ORDER_ID_PATTERN, SUB_ORDER_ID_PATTERN } from '../../shared/orders/order-code';
import type { OrderLineInput } from '../../shared/orders/order';
import { orderFor, retryCardCheckout } from '../../shared/orders/order-service';
import { placeOrder } from '../../shared/orders/placement';
import { assertCanRead, loadSubOrder, moveSubOrder } from '../../shared/orders/transitions';
import type { Services } from '../../shared/services';
import { emptyForm, type FormState } from '../components/form/form';
import { formFailure, readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { NoStorefrontPage } from '../producer/dashboard-page';
import { buyNowLine, checkoutFields, decodeLines, isPaymentMethod, parseCheckout, type LineSource } from './checkout-form';
import { CheckoutPage } from './checkout-page';
import { checkoutSummary } from './checkout-summary';
import { moveFields, parseMove, isStatus } from './move-form';
import { OrderListPage, ordersListHref } from './order-list-page';
import { OrderPage, orderSavedOf } from './order-page';
import { buyerActions, CHECKOUT_PATH, MOVE_SLUG, orderPath, ORDERS_PATH, PRODUCER_ORDERS_PATH, producerSubOrderPath, STATUS_PARAM } from './paths';
import { ALL_STATUSES, ProducerOrdersPage, queueHref, queueTabOf } from './producer-orders-page';
import { moveDoneMessages, ProducerSubOrderPage } from './producer-sub-order-page';
import type { JSX } from 'hono/jsx/jsx-runtime';

type PageStatus = 200 | 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

const PAGE_SIZE = 20;
const MAX_CURSOR_CHARS = 600;

/** Orders pages are personal: never stored by CloudFront or the browser. */
async function send(c: Context<AppEnv>, node: JSX.Element, status: PageStatus = 200) {
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(node), status);
}

const redirect = (c: Context<AppEnv>, to: string) => {
  c.header('Cache-Control', NO_STORE);
  return c.redirect(to, 303);
};

const cursorOf = (c: Context<AppEnv>) => {
  const cursor = c.req.query('cursor')?.trim() || undefined;
  return cursor && cursor.length <= MAX_CURSOR_CHARS ? cursor : undefined;
};

function orderIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ORDER_ID_PATTERN.test(id)) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  return id;
}

function subOrderIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!SUB_ORDER_ID_PATTERN.test(id)) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  return id;
}

/** The caller's own storefront; anyone else is refused as on the dashboard. */
function ownStorefront(principal: Principal): string {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Trang này dành cho cơ sở đã có gian hàng');
  return principal.producerId;
}

/** A refusal the page can show (4xx); anything else goes to the error handler. */
function refusal(error: unknown): AppError | undefined {
  return error instanceof AppError && error.status >= 400 && error.status < 500 ? error : undefined;
}

/** What to show for a move the service refused, in words a person acts on. */
function moveMessage(error: AppError): string {
  if (error.code === 'ILLEGAL_TRANSITION') return 'Đơn vừa đổi trạng thái (ở trang khác hoặc do người mua): trang đã tải lại trạng thái mới nhất, hãy xem lại.';
  return error.message;
}

// ── checkout ────────────────────────────────────────────────────────────────────────────────

interface CheckoutInput {
  lines: OrderLineInput[];
  source: LineSource;
}

async function renderCheckout(c: Context<AppEnv>, principal: Principal, input: CheckoutInput, state: FormState, status: PageStatus, earlierOrder?: string) {
  const services = c.get('services');
  const [summary, saved] = await Promise.all([checkoutSummary(services, input.lines), services.orders.savedAddresses(principal.accountId)]);
  // A method that is not offered (no card provider, a storefront without a bank) is not pre-selected.
  const method = state.values.paymentMethod;
  const offered = method === 'cod' || (method === 'vietqr' && summary.withoutBank.length === 0) || (method === 'card' && services.cardPayments !== undefined);
  const values = { ...state.values, paymentMethod: offered ? (method ?? 'cod') : 'cod' };
  return send(
    c,
    <CheckoutPage
      assets={assetsOf(c)}
      summary={summary}
      state={{ ...state, values }}
      saved={saved}
      source={input.source}
      cardAvailable={services.cardPayments !== undefined}
      earlierOrder={earlierOrder ? { href: orderPath(earlierOrder) } : undefined}
    />,
    status,
  );
}

/** A fresh form: a new idempotency key, the saved address (if any) chosen, the recipient's name filled in. */
async function freshCheckoutState(services: Services, principal: Principal): Promise<FormState> {
  const saved = await services.orders.savedAddresses(principal.accountId);
  return emptyForm({ key: randomUUID(), paymentMethod: 'cod', savedAddress: saved.length > 0 ? '0' : 'moi', recipientName: principal.displayName });
}

async function checkoutGet(c: Context<AppEnv>) {
  const principal = currentPrincipal(c);
  // The guest cart is merged into the account at sign-in; `next` keeps the "Mua ngay" query.
  if (!principal) return toLogin(c);
  const services = c.get('services');
  const q = c.req.query();
  const buyNow = q.product !== undefined;
  let lines: OrderLineInput[] = [];
  let state = await freshCheckoutState(services, principal);
  if (buyNow) {
    const line = buyNowLine(q);
    if (line) lines = [line];
    else state = { ...state, formError: 'Số lượng không hợp lệ: chọn từ 1 đến 999.' };
  } else {
    lines = (await services.carts.linesOf({ kind: 'account', accountId: principal.accountId })).map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      ...(l.variantId ? { variantId: l.variantId } : {}),
    }));
  }
  return renderCheckout(c, principal, { lines, source: buyNow ? 'mua-ngay' : 'cart' }, state, 200);
}

async function checkoutPost(c: Context<AppEnv>) {
  const principal = requirePrincipal(c);
  const services = c.get('services');
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  for (const name of checkoutFields) {
    const v = body[name];
    values[name] = typeof v === 'string' ? v : '';
  }
  const rawLines = ([] as unknown[]).concat(body.line ?? []).filter((v): v is string => typeof v === 'string');
  const lines = decodeLines(rawLines);
  const source: LineSource = values.source === 'mua-ngay' ? 'mua-ngay' : 'cart';
  if (!isPaymentMethod(values.paymentMethod)) values.paymentMethod = '';
  if (!values.key) values.key = randomUUID();
  const input = { lines: lines ?? [], source };
  if (!lines) return renderCheckout(c, principal, input, { values, errors: {}, formError: 'Không có sản phẩm nào để đặt: hãy chọn lại sản phẩm.' }, 400);

  const saved = await services.orders.savedAddresses(principal.accountId);
  const parsed = parseCheckout(values, lines, saved);
  if (!parsed.ok) return renderCheckout(c, principal, input, { values, errors: parsed.errors }, 400);
  try {
    const placed = await placeOrder(services, principal, values.key, parsed.body, publicOrigin(services.config, c.req.url));
    if (source === 'cart') {
      // The bought lines leave the cart (the body lists them, so placement does not touch the cart itself).
      await services.carts
        .removeLines({ kind: 'account', accountId: principal.accountId }, lines.map((l) => ({ productId: l.productId, ...(l.variantId ? { variantId: l.variantId } : {}) })))
        .catch((error: unknown) => services.logger.warn('cart not cleared after order', { orderId: placed.orderId, error }));
    }
    if (parsed.body.paymentMethod === 'card') {
      const header = await services.orders.getHeader(placed.orderId);
      if (header?.checkout?.url) return redirect(c, header.checkout.url);
    }
    return redirect(c, `${orderPath(placed.orderId)}?da-luu=dat-hang`);
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) {
      const orderId = (error.details as { orderId?: string } | undefined)?.orderId;
      return renderCheckout(c, principal, input, { values: { ...values, key: randomUUID() }, errors: {} }, 422, orderId);
    }
    if (error instanceof AppError && error.code === 'CHECKOUT_BUSY') {
      return renderCheckout(c, principal, input, { values, errors: {}, formError: error.message }, 503);
    }
    const failure = formFailure(error, values);
    if (!failure) throw error;
    return renderCheckout(c, principal, input, failure.state, failure.status);
  }
}

// ── the buyer's orders ──────────────────────────────────────────────────────────────────────

async function renderOrder(c: Context<AppEnv>, principal: Principal, orderId: string, status: PageStatus, problem?: { subOrderId: string; message: string }) {
  const order = await orderFor(c.get('services'), principal, orderId);
  return send(
    c,
    <OrderPage assets={assetsOf(c)} order={order} viewerId={principal.accountId} saved={orderSavedOf(c.req.query('da-luu'))} paidByCard={c.req.query('thanh-toan') === 'xong'} problem={problem} />,
    status,
  );
}

/** The buyer moves one part of their order (cancel, received); the service checks it is theirs. */
async function buyerMove(c: Context<AppEnv>, to: 'cancelled' | 'completed', done: string) {
  const principal = requirePrincipal(c);
  const orderId = orderIdOf(c);
  const values = await readForm(c, ['subOrder', 'reason']);
  const subOrderId = values.subOrder ?? '';
  const ref = SUB_ORDER_ID_PATTERN.exec(subOrderId);
  if (!ref || ref[1] !== orderId) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  const reason = values.reason?.trim();
  try {
    if (to === 'cancelled' && reason && reason.length < 3) throw new AppError(400, 'REASON_TOO_SHORT', 'Lý do huỷ cần ít nhất 3 ký tự (hoặc để trống).');
    await moveSubOrder(c.get('services'), { principal }, subOrderId, { to, ...(to === 'cancelled' && reason ? { reason: reason.slice(0, 300) } : {}) });
  } catch (error) {
    const refused = refusal(error);
    if (!refused || refused.status === 404 || refused.status === 401) throw error;
    return renderOrder(c, principal, orderId, refused.status as PageStatus, { subOrderId, message: moveMessage(refused) });
  }
  return redirect(c, `${orderPath(orderId)}?da-luu=${done}#${subOrderId}`);
}

// ── the storefront's queue ──────────────────────────────────────────────────────────────────

async function renderSubOrderPage(c: Context<AppEnv>, principal: Principal, subOrderId: string, status: PageStatus, failed?: Parameters<typeof ProducerSubOrderPage>[0]['failed']) {
  const services = c.get('services');
  const producerId = ownStorefront(principal);
  const sub = await loadSubOrder(services, subOrderId);
  assertCanRead(principal, sub);
  if (sub.producerId !== producerId) throw new NotFound('Không tìm thấy đơn hàng', 'ORDER_NOT_FOUND');
  const order = await services.orders.getOrder(sub.orderId);
  const history = (order?.logs ?? []).filter((l) => l.n === sub.n).map(({ n: _n, ...t }) => t);
  const saved = c.req.method === 'GET' ? moveDoneMessages[(c.req.query('da-luu') ?? '') as keyof typeof moveDoneMessages] : undefined;
  return send(c, <ProducerSubOrderPage assets={assetsOf(c)} sub={subOrderView(sub, order?.header, history)} saved={saved} failed={failed} />, status);
}

export function ordersWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(CHECKOUT_PATH, checkoutGet);
  web.post(CHECKOUT_PATH, formLimit, checkoutPost);

  web.get(ORDERS_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    const services = c.get('services');
    const cursor = cursorOf(c);
    const [page, notices] = await Promise.all([services.orders.listBuyerOrders(principal.accountId, PAGE_SIZE, cursor), cursor ? Promise.resolve([]) : services.orders.notices({ accountId: principal.accountId }, 5)]);
    return send(
      c,
      <OrderListPage
        assets={assetsOf(c)}
        orders={page.items.map(summaryView)}
        notices={notices}
        nextHref={page.nextCursor ? ordersListHref(page.nextCursor) : undefined}
        firstHref={cursor ? ordersListHref() : undefined}
      />,
    );
  });

  web.get(`${ORDERS_PATH}/:id`, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    return renderOrder(c, principal, orderIdOf(c), 200);
  });

  web.post(`${ORDERS_PATH}/:id/${buyerActions.cancel}`, formLimit, (c) => buyerMove(c, 'cancelled', 'huy'));
  web.post(`${ORDERS_PATH}/:id/${buyerActions.received}`, formLimit, (c) => buyerMove(c, 'completed', 'da-nhan'));
  web.post(`${ORDERS_PATH}/:id/${buyerActions.card}`, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    const orderId = orderIdOf(c);
    const services = c.get('services');
    try {
      return redirect(c, await retryCardCheckout(services, principal, orderId, publicOrigin(services.config, c.req.url)));
    } catch (error) {
      const refused = error instanceof AppError && (error.status === 409 || error.status === 503) ? error : undefined;
      if (!refused) throw error;
      const order = await orderFor(services, principal, orderId);
      const sub = order.subOrders.find((s) => s.payment.method === 'card') ?? order.subOrders[0];
      return renderOrder(c, principal, orderId, refused.status as PageStatus, sub ? { subOrderId: sub.id, message: refused.message } : undefined);
    }
  });

  web.get(PRODUCER_ORDERS_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    if (principal.role !== 'producer') throw new Forbidden('Trang này dành cho tài khoản cơ sở sản xuất');
    if (!principal.producerId) return send(c, <NoStorefrontPage assets={assetsOf(c)} />);
    const tab = queueTabOf(c.req.query(STATUS_PARAM));
    if (!tab) return redirect(c, PRODUCER_ORDERS_PATH);
    const services = c.get('services');
    const cursor = cursorOf(c);
    const [page, notices] = await Promise.all([
      services.orders.listStorefront(principal.producerId, tab === ALL_STATUSES ? undefined : tab, PAGE_SIZE, cursor),
      cursor ? Promise.resolve([]) : services.orders.notices({ producerId: principal.producerId }, 5),
    ]);
    return send(
      c,
      <ProducerOrdersPage
        assets={assetsOf(c)}
        tab={tab}
        subOrders={page.items.map((s) => subOrderView(s, undefined))}
        notices={notices}
        nextHref={page.nextCursor ? queueHref(tab, page.nextCursor) : undefined}
        firstHref={cursor ? queueHref(tab) : undefined}
      />,
    );
  });

  web.get(`${PRODUCER_ORDERS_PATH}/:id`, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    return renderSubOrderPage(c, principal, subOrderIdOf(c), 200);
  });

  web.post(`${PRODUCER_ORDERS_PATH}/:id/${MOVE_SLUG}`, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    ownStorefront(principal);
    const subOrderId = subOrderIdOf(c);
    const values = await readForm(c, moveFields);
    const to = isStatus(values.to) ? values.to : undefined;
    const parsed = parseMove(values);
    if (!parsed.ok) return renderSubOrderPage(c, principal, subOrderId, 400, { to, state: { values, errors: parsed.errors } });
    try {
      // The service checks the storefront owns it and that the move is legal from the state as stored.
      await moveSubOrder(c.get('services'), { principal }, subOrderId, parsed.request);
    } catch (error) {
      const refused = refusal(error);
      if (!refused || refused.status === 401 || refused.status === 403 || refused.status === 404) throw error;
      if (refused.code === 'ILLEGAL_TRANSITION') return renderSubOrderPage(c, principal, subOrderId, 409, { to: undefined, state: { values: {}, errors: {}, formError: moveMessage(refused) } });
      const failure = formFailure(refused, values);
      const state = failure?.state ?? { values, errors: {}, formError: refused.message };
      if (refused.code === 'TRACKING_REQUIRED') state.errors = { trackingCode: refused.message };
      return renderSubOrderPage(c, principal, subOrderId, refused.status as PageStatus, { to, state });
    }
    return redirect(c, `${producerSubOrderPath(subOrderId)}?da-luu=${parsed.request.to}`);
  });

  return web;
}
