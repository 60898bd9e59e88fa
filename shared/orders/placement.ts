import { createHash, randomUUID } from 'node:crypto';
import { Conflict, InvalidInput } from '../http/errors';
import type { Principal } from '../identity/principal';
import { vietQrPayment } from '../payments/vietqr';
import type { Services } from '../services';
import { CheckoutBusy, IdempotencyKeyReused, idempotencyKeyRequired, lineProblemError } from './errors';
import type { OrderHeader, StoredSubOrder } from './items';
import { newOrderId, subOrderId, transferPurpose } from './order-code';
import { MAX_ORDER_LINES, type OrderLineInput, type Payment, type PlaceOrder } from './order';
import type { DraftSubOrder, Demand } from './pricing';
import { priceSubOrders, resolveDemands } from './pricing';
import { reserveUpdate } from './stock-updates';
import { applyLiveOffers, liveLineError, liveTakes, readLiveOffers } from './live-pricing';
import { applyFairOffers, fairLineError, fairLineOfProblem, fairTakes, readFairOffers } from './fair-pricing';

/** Unpaid transfer and card orders give their stock back after this. */
export const PAYMENT_WINDOW_MINUTES = 30;
/** Lifetime of a card order's Stripe Checkout page, counted from the order's placement. */
const CARD_SESSION_SECONDS = 60 * 60;
/** DynamoDB's limit of actions in one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;
/** Attempts when other checkouts hold the same product item (DynamoDB TransactionConflict). */
const MAX_ATTEMPTS = 12;

const MAX_KEY_LENGTH = 255;

export interface Placed {
  orderId: string;
  /** True when this answer replays an order the same key placed before. */
  replayed: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The same body, whatever the order of its keys: what "same request" means for a retry. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checkIdempotencyKey(key: string | undefined): string {
  const trimmed = key?.trim();
  if (!trimmed) throw idempotencyKeyRequired();
  if (trimmed.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new InvalidInput(`Idempotency-Key: 1–${MAX_KEY_LENGTH} ký tự ASCII, không có khoảng trắng`, 'IDEMPOTENCY_KEY_INVALID');
  }
  return trimmed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Full jitter: spreads a rush of retries instead of syncing them. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(400, 10 * 2 ** attempt));

function paymentOf(method: PlaceOrder['paymentMethod'], draft: DraftSubOrder, id: string, dueAt: string): Payment {
  if (method === 'cod') return { method, status: 'unpaid', amountVnd: draft.totalVnd };
  if (method === 'card') return { method, status: 'awaiting', amountVnd: draft.totalVnd, dueAt };
  const bank = draft.producer.bank;
  if (!bank) throw new Error('vietqr without a bank: checked before');
  const qr = vietQrPayment({ bank, amountVnd: draft.totalVnd, purpose: transferPurpose(id) });
  return { method, status: 'awaiting', amountVnd: draft.totalVnd, dueAt, vietqr: { ...qr, imageUrl: '' } };
}

/**
 * Places an order: reads the products and storefronts (2 BatchGets), prices it on the server and
 * commits it with its stock in one transaction. Retried with the same key and body, it answers the
 * same order; nothing is reserved or charged twice.
 */
export async function placeOrder(services: Services, principal: Principal, rawKey: string | undefined, body: PlaceOrder, origin: string): Promise<Placed> {
  const key = checkIdempotencyKey(rawKey);
  const keyHash = sha256(key);
  const requestHash = sha256(canonical(body));
  const store = services.orders;

  const replay = async (): Promise<Placed | undefined> => {
    const seen = await store.idempotencyRecord(principal.accountId, keyHash);
    if (!seen) return undefined;
    if (seen.requestHash !== requestHash) throw new IdempotencyKeyReused(seen.orderId);
    await ensureCardCheckout(services, seen.orderId, origin, principal.email);
    return { orderId: seen.orderId, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const lines: OrderLineInput[] = body.items ?? (await cartLines(services, principal));
  if (lines.length > MAX_ORDER_LINES) throw new InvalidInput(`Tối đa ${MAX_ORDER_LINES} dòng mỗi đơn`, 'TOO_MANY_LINES', { max: MAX_ORDER_LINES });
  if (body.paymentMethod === 'card' && !services.cardPayments) {
    throw new Conflict('Thanh toán thẻ chưa được bật trên hệ thống', 'PAYMENT_METHOD_UNAVAILABLE', { paymentMethod: 'card' });
  }

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = services.clock.now();
    const products = await services.catalog.getProducts(lines.map((l) => l.productId));
    const { demands, problems } = resolveDemands(lines, products, now);
    if (problems.length > 0) {
      const fairProblem = fairLineOfProblem(lines, problems);
      throw fairProblem ? fairLineError(fairProblem) : lineProblemError(problems);
    }
    const [producers, liveRead, fairRead] = await Promise.all([
      services.producers.getProducers([...new Set(demands.map((d) => d.product.producerId))]),
      readLiveOffers(services, demands),
      readFairOffers(services, demands),
    ]);
    const liveProblems = applyLiveOffers(demands, liveRead, now);
    if (liveProblems.length > 0) throw liveLineError(liveProblems);
    const fairProblems = applyFairOffers(demands, fairRead, now);
    if (fairProblems.length > 0) throw fairLineError(fairProblems[0]!);
    const { subOrders, totalVnd } = priceSubOrders(demands, producers);
    if (body.paymentMethod === 'vietqr') {
      const missing = subOrders.filter((s) => !s.producer.bank);
      if (missing.length > 0) {
        throw new Conflict(
          `Gian hàng ${missing.map((s) => s.producer.name).join(', ')} chưa nhận chuyển khoản VietQR: chọn cách thanh toán khác`,
          'PAYMENT_METHOD_UNAVAILABLE',
          { paymentMethod: 'vietqr', producerIds: missing.map((s) => s.producer.id) },
        );
      }
    }

    const orderId = newOrderId(now);
    const at = now.toISOString();
    const dueAt = new Date(now.getTime() + PAYMENT_WINDOW_MINUTES * 60_000).toISOString();
    const status = body.paymentMethod === 'cod' ? 'confirmed' : 'pending_payment';
    const subs: StoredSubOrder[] = subOrders.map((draft) => {
      const id = subOrderId(orderId, draft.n);
      return {
        id,
        n: draft.n,
        orderId,
        producerId: draft.producer.id,
        producerName: draft.producer.name,
        provinceCode: draft.producer.provinceCode,
        buyerId: principal.accountId,
        status,
        items: draft.items,
        itemsTotalVnd: draft.itemsTotalVnd,
        shippingFeeVnd: draft.shippingFeeVnd,
        totalVnd: draft.totalVnd,
        payment: paymentOf(body.paymentMethod, draft, id, dueAt),
        shippingAddress: body.shippingAddress,
        ...(body.note ? { note: body.note } : {}),
        createdAt: at,
        updatedAt: at,
      };
    });
    for (const s of subs) if (s.payment.vietqr) delete (s.payment.vietqr as { imageUrl?: string }).imageUrl;
    const header: OrderHeader = {
      id: orderId,
      buyerId: principal.accountId,
      buyerEmail: principal.email,
      totalVnd,
      paymentMethod: body.paymentMethod,
      subOrderCount: subs.length,
      producerNames: subs.map((s) => s.producerName),
      statuses: Object.fromEntries(subs.map((s) => [String(s.n), s.status])),
      requestHash,
      createdAt: at,
    };
    const byProduct = new Map<string, Demand[]>();
    for (const d of demands) byProduct.set(d.product.id, [...(byProduct.get(d.product.id) ?? []), d]);
    const reservations = [...byProduct.values()].map((ds) => reserveUpdate(ds, now));
    // The live price and quota are taken in the same transaction as the stock (offer-updates.ts).
    // So is the fair price (its offer's window and price; shared/fairs/offer-updates.ts).
    const takes = [...liveTakes(demands, now), ...fairTakes(demands, now)];
    if (2 + subs.length + reservations.length + takes.length > MAX_TRANSACTION_ITEMS) {
      throw new InvalidInput('Đơn có quá nhiều dòng giá live: chia thành hai đơn', 'TOO_MANY_LINES', { maxTransactionItems: MAX_TRANSACTION_ITEMS });
    }

    const outcome = await store.place({ header, subs, keyHash, reservations, liveTakes: takes, now });
    if (outcome.ok) {
      await afterPlacement(services, principal, body, header, subs, origin);
      return { orderId, replayed: false };
    }
    if (outcome.reason === 'key_taken') {
      const again = await replay();
      if (again) return again;
    }
    // Stock, price or the gate moved since the read, or another checkout held the item: read again.
    await backoff(attempt);
  }
  throw new CheckoutBusy({ attempts: MAX_ATTEMPTS });
}

async function cartLines(services: Services, principal: Principal): Promise<OrderLineInput[]> {
  const lines = await services.carts.linesOf({ kind: 'account', accountId: principal.accountId });
  if (lines.length === 0) throw new InvalidInput('Giỏ hàng đang trống', 'CART_EMPTY');
  return lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.variantId ? { variantId: l.variantId } : {}) }));
}

/** What follows a committed order and may fail without undoing it: the card page, the cart, notices. */
async function afterPlacement(services: Services, principal: Principal, body: PlaceOrder, header: OrderHeader, subs: StoredSubOrder[], origin: string) {
  const log = services.logger;
  const tasks: Promise<unknown>[] = [];
  if (body.paymentMethod === 'card') tasks.push(ensureCardCheckout(services, header.id, origin, principal.email));
  if (body.fromCart) {
    tasks.push(
      services.carts
        .removeLines({ kind: 'account', accountId: principal.accountId }, subs.flatMap((s) => s.items.map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}) }))))
        .catch((error: unknown) => log.warn('cart not cleared after order', { orderId: header.id, error })),
    );
  }
  if (body.saveAddress) {
    tasks.push(services.orders.saveAddress(principal.accountId, body.shippingAddress).catch((error: unknown) => log.warn('address not saved', { error })));
  }
  tasks.push(
    services.orders
      .putNotices(
        subs.map((s) => ({
          party: { producerId: s.producerId },
          orderId: s.orderId,
          subOrderId: s.id,
          message: `Đơn mới ${s.id}: ${s.items.length} sản phẩm, ${s.totalVnd.toLocaleString('vi-VN')} ₫ (${s.payment.method === 'cod' ? 'COD' : s.payment.method === 'vietqr' ? 'chờ chuyển khoản' : 'chờ thanh toán thẻ'})`,
          at: header.createdAt,
          unique: randomUUID(),
        })),
      )
      .catch((error: unknown) => log.warn('order notices not written', { orderId: header.id, error })),
  );
  await Promise.all(tasks);
  log.info('order placed', { orderId: header.id, subOrders: subs.length, totalVnd: header.totalVnd, paymentMethod: header.paymentMethod });
}

/**
 * A card order's Stripe Checkout page; created once (Stripe's idempotency key is the order id) and
 * again on the next attempt if Stripe was unreachable the first time. The order stands either way.
 */
export async function ensureCardCheckout(services: Services, orderId: string, origin: string, email?: string): Promise<void> {
  const provider = services.cardPayments;
  if (!provider) return;
  const stored = await services.orders.getOrder(orderId);
  if (!stored || stored.header.paymentMethod !== 'card' || stored.header.checkout) return;
  const awaiting = stored.subs.filter((s) => s.status === 'pending_payment' && s.payment.status === 'awaiting');
  if (awaiting.length === 0) return;
  try {
    const session = await provider.createCheckout({
      orderId,
      amountVnd: awaiting.reduce((sum, s) => sum + s.totalVnd, 0),
      lines: awaiting.map((s) => ({ name: `${s.producerName} — ${s.items.reduce((n, i) => n + i.quantity, 0)} sản phẩm (${s.id})`, amountVnd: s.totalVnd })),
      successUrl: `${origin}/don-hang/${orderId}?thanh-toan=xong`,
      cancelUrl: `${origin}/don-hang/${orderId}`,
      customerEmail: email,
      // Derived from the order, never from "now": a retry must send Stripe the same body under the same
      // idempotency key. An hour leaves any retry within our 30-minute window ≥ 30 minutes (Stripe's
      // minimum); a payment after our own release at dueAt is refunded (card-events.ts).
      expiresAt: Math.floor(Date.parse(stored.header.createdAt) / 1000) + CARD_SESSION_SECONDS,
    });
    await services.orders.setCheckout(orderId, session);
  } catch (error) {
    services.logger.warn('card checkout not created; the order page offers to retry', { orderId, error });
  }
}
