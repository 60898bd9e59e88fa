import Stripe from 'stripe';
import { InvalidInput } from '../http/errors';
import { systemClock, type Clock } from '../time/clock';
import type { CardPaymentEvent, CardPaymentProvider, CheckoutRequest, CheckoutSession, RefundRequest } from './card-provider';

/** VND is a zero-decimal currency for Stripe: `unit_amount: 150000` is 150.000 ₫, never × 100. */
export const STRIPE_CURRENCY = 'vnd';

/** Stripe accepts a Checkout Session's `expires_at` 30 minutes to 24 hours after creation. */
export const MIN_CHECKOUT_LIFETIME_SECONDS = 30 * 60;
export const MAX_CHECKOUT_LIFETIME_SECONDS = 24 * 60 * 60;

/** Stripe's limit on a metadata value. */
const METADATA_VALUE_MAX = 500;

/** What a retried placement of one order sends: the same key, so Stripe answers with the same session. */
export const checkoutIdempotencyKey = (orderId: string) => `checkout-${orderId}`;

export interface StripeCardProviderOptions {
  /** `sk_test_…` / `sk_live_…` (or a restricted `rk_…` key with Checkout Sessions and Refunds write). */
  secretKey: string;
  /** The signing secret of the webhook endpoint (`whsec_…`). */
  webhookSecret: string;
  /** Tests pass a fake (tests/support/fake-stripe.ts); the default is the SDK's Node client. */
  httpClient?: Stripe.HttpClient;
  /** The webhook timestamp check (5 minutes of tolerance) and the expires_at range are measured on it. */
  clock?: Clock;
}

/**
 * The card-payment port on Stripe Checkout (hosted page, mode `payment`, VND). The orders capability
 * talks to it through `services.cardPayments`; nothing else here knows about orders.
 */
export class StripeCardProvider implements CardPaymentProvider {
  readonly #stripe: Stripe;
  readonly #webhookSecret: string;
  readonly #clock: Clock;

  constructor(options: StripeCardProviderOptions) {
    if (!options.secretKey) throw new Error('Stripe secret key is empty');
    if (!options.webhookSecret) throw new Error('Stripe webhook secret is empty');
    this.#stripe = new Stripe(options.secretKey, {
      ...(options.httpClient ? { httpClient: options.httpClient } : {}),
      // Network failures are retried with the same Idempotency-Key, so a retry never charges twice.
      maxNetworkRetries: 2,
      // Well inside the API Lambda's 10 s.
      timeout: 8_000,
      telemetry: false,
      appInfo: { name: 'cho-ocop' },
    });
    this.#webhookSecret = options.webhookSecret;
    this.#clock = options.clock ?? systemClock;
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    checkCheckoutRequest(request, this.#clock.now());
    const metadata = { orderId: request.orderId };
    const session = await this.#stripe.checkout.sessions.create(
      {
        mode: 'payment',
        currency: STRIPE_CURRENCY,
        line_items: request.lines.map((line) => ({
          quantity: 1,
          price_data: { currency: STRIPE_CURRENCY, unit_amount: line.amountVnd, product_data: { name: line.name } },
        })),
        client_reference_id: request.orderId,
        metadata,
        payment_intent_data: { metadata },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
        expires_at: request.expiresAt,
        locale: 'vi',
      },
      { idempotencyKey: checkoutIdempotencyKey(request.orderId) },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    return { sessionId: session.id, url: session.url };
  }

  async refund(request: RefundRequest): Promise<{ refundId: string }> {
    if (!request.paymentIntentId) throw new InvalidInput('A refund needs the payment intent of the charge', 'REFUND_INVALID');
    if (!isPositiveInteger(request.amountVnd)) {
      throw new InvalidInput('A refund is a positive whole number of đồng', 'REFUND_INVALID', { amountVnd: request.amountVnd });
    }
    if (!request.idempotencyKey) throw new InvalidInput('A refund needs an idempotency key', 'REFUND_INVALID');
    const refund = await this.#stripe.refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amountVnd,
        // Stripe's own `reason` is an enum (duplicate, fraudulent, requested_by_customer); ours is text.
        ...(request.reason ? { metadata: { reason: request.reason.slice(0, METADATA_VALUE_MAX) } } : {}),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    return { refundId: refund.id };
  }

  async parseWebhook(rawBody: string, signatureHeader: string | undefined): Promise<CardPaymentEvent> {
    if (!signatureHeader) throw new InvalidInput('Missing Stripe-Signature header', 'WEBHOOK_SIGNATURE_INVALID');
    let event: Stripe.Event;
    try {
      event = await this.#stripe.webhooks.constructEventAsync(
        rawBody,
        signatureHeader,
        this.#webhookSecret,
        undefined,
        undefined,
        this.#clock.now().getTime(),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new InvalidInput('Stripe webhook signature does not verify', 'WEBHOOK_SIGNATURE_INVALID');
      }
      // Verified, but not JSON: Stripe never sends that, so it is treated as a forgery too.
      if (error instanceof SyntaxError) throw new InvalidInput('Stripe webhook body is not JSON', 'WEBHOOK_SIGNATURE_INVALID');
      throw error;
    }
    return toCardPaymentEvent(event);
  }
}

function isPositiveInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/** Mistakes on our side become a 400 here instead of a half-made session at Stripe. */
function checkCheckoutRequest(request: CheckoutRequest, now: Date): void {
  if (!request.orderId) throw new InvalidInput('A checkout needs an order id', 'CHECKOUT_INVALID');
  if (request.lines.length === 0) throw new InvalidInput('A checkout needs at least one line', 'CHECKOUT_INVALID');
  for (const line of request.lines) {
    if (!line.name.trim()) throw new InvalidInput('Every checkout line needs a name', 'CHECKOUT_INVALID');
    if (!isPositiveInteger(line.amountVnd)) {
      throw new InvalidInput('Checkout lines are positive whole numbers of đồng (VND has no decimals)', 'CHECKOUT_INVALID', {
        line: line.name,
        amountVnd: line.amountVnd,
      });
    }
  }
  const linesTotal = request.lines.reduce((sum, line) => sum + line.amountVnd, 0);
  if (linesTotal !== request.amountVnd) {
    throw new InvalidInput('Checkout lines do not add up to the card total', 'CHECKOUT_AMOUNT_MISMATCH', {
      amountVnd: request.amountVnd,
      linesTotal,
    });
  }
  const lifetime = request.expiresAt - Math.floor(now.getTime() / 1000);
  if (!Number.isSafeInteger(request.expiresAt) || lifetime < MIN_CHECKOUT_LIFETIME_SECONDS || lifetime > MAX_CHECKOUT_LIFETIME_SECONDS) {
    throw new InvalidInput('A checkout expires 30 minutes to 24 hours from now (expiresAt is in epoch seconds)', 'CHECKOUT_INVALID', {
      expiresAt: request.expiresAt,
    });
  }
}

const idOf = (ref: string | { id: string } | null | undefined): string | undefined => (typeof ref === 'string' ? ref : ref?.id);

/** The order a session was made for: ours carry it twice; a session without it is not ours. */
function orderOf(session: Stripe.Checkout.Session): string | undefined {
  return session.metadata?.orderId || session.client_reference_id || undefined;
}

/** Reduces a verified Stripe event to what orders act on; everything else is acknowledged as ignored. */
export function toCardPaymentEvent(event: Stripe.Event): CardPaymentEvent {
  const ignored: CardPaymentEvent = { id: event.id, type: 'ignored', stripeType: event.type };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const orderId = orderOf(session);
      const paymentIntentId = idOf(session.payment_intent);
      // 'unpaid' on completed: a delayed method (bank debit) is still pending; async_payment_* follows.
      if (session.payment_status !== 'paid' || !orderId || !paymentIntentId || session.currency !== STRIPE_CURRENCY) return ignored;
      return { id: event.id, type: 'paid', orderId, sessionId: session.id, paymentIntentId, amountVnd: session.amount_total ?? 0 };
    }
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      const orderId = orderOf(session);
      if (!orderId) return ignored;
      return { id: event.id, type: event.type === 'checkout.session.expired' ? 'expired' : 'failed', orderId, sessionId: session.id };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId || charge.currency !== STRIPE_CURRENCY) return ignored;
      // Cumulative: everything refunded on this charge so far, not just the latest refund.
      return { id: event.id, type: 'refunded', paymentIntentId, amountVnd: charge.amount_refunded };
    }
    default:
      return ignored;
  }
}
