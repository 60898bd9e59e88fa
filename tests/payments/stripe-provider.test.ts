import Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/http/errors';
import type { CheckoutRequest } from '../../shared/payments/card-provider';
import { StripeCardProvider } from '../../shared/payments/stripe-provider';
import { ManualClock } from '../../shared/time/clock';
import { chargeObject, checkoutSessionObject, FakeStripeHttpClient, signedStripeEvent, stripeEvent } from '../support/fake-stripe';

const SECRET_KEY = 'sk_test_51OcopMarketFakeKeyForTestsOnly';
const WEBHOOK_SECRET = 'whsec_ocopMarketTestSigningSecret';
const NOW = new Date('2026-11-23T03:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let http: FakeStripeHttpClient;
let clock: ManualClock;
let provider: StripeCardProvider;
beforeEach(() => {
  http = new FakeStripeHttpClient();
  clock = new ManualClock(NOW);
  provider = new StripeCardProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, httpClient: http, clock });
});

const checkout = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  orderId: 'ord_01JD7Q5Z8M',
  amountVnd: 185_000,
  lines: [
    { name: 'Gian hàng Nước mắm Phú Quốc — 2 sản phẩm', amountVnd: 150_000 },
    { name: 'Gian hàng Mật ong Bắc Hà — 1 sản phẩm', amountVnd: 35_000 },
  ],
  successUrl: 'https://cho-ocop.vn/don-hang/ord_01JD7Q5Z8M?thanh-toan=thanh-cong',
  cancelUrl: 'https://cho-ocop.vn/don-hang/ord_01JD7Q5Z8M?thanh-toan=huy',
  customerEmail: 'nguoi-mua@demo.ocop.vn',
  expiresAt: nowSeconds + 45 * 60,
  ...overrides,
});

/** Resolves to the AppError a promise rejects with (fails the test if it resolves). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('StripeCardProvider.createCheckout', () => {
  it('creates one Checkout Session in VND, zero-decimal, with the order id in three places', async () => {
    const session = await provider.createCheckout(checkout());

    expect(session.sessionId).toMatch(/^cs_test_/);
    expect(session.url).toMatch(new RegExp(`^https://checkout\\.stripe\\.com/c/pay/${session.sessionId}`));
    expect(http.requests).toHaveLength(1);
    const [request] = http.requests;
    expect(request).toMatchObject({ host: 'api.stripe.com', method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: 'checkout-ord_01JD7Q5Z8M' });
    expect(request!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request!.body).toEqual({
      mode: 'payment',
      currency: 'vnd',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'vnd',
      // 150.000 ₫ is 150000 units: VND has no minor unit, so no × 100.
      'line_items[0][price_data][unit_amount]': '150000',
      'line_items[0][price_data][product_data][name]': 'Gian hàng Nước mắm Phú Quốc — 2 sản phẩm',
      'line_items[1][quantity]': '1',
      'line_items[1][price_data][currency]': 'vnd',
      'line_items[1][price_data][unit_amount]': '35000',
      'line_items[1][price_data][product_data][name]': 'Gian hàng Mật ong Bắc Hà — 1 sản phẩm',
      client_reference_id: 'ord_01JD7Q5Z8M',
      'metadata[orderId]': 'ord_01JD7Q5Z8M',
      'payment_intent_data[metadata][orderId]': 'ord_01JD7Q5Z8M',
      success_url: 'https://cho-ocop.vn/don-hang/ord_01JD7Q5Z8M?thanh-toan=thanh-cong',
      cancel_url: 'https://cho-ocop.vn/don-hang/ord_01JD7Q5Z8M?thanh-toan=huy',
      customer_email: 'nguoi-mua@demo.ocop.vn',
      expires_at: String(nowSeconds + 45 * 60),
      locale: 'vi',
    });
  });

  it('makes one session for a retried placement of the same order (Idempotency-Key checkout-<orderId>)', async () => {
    const first = await provider.createCheckout(checkout());
    const again = await provider.createCheckout(checkout());
    expect(again).toEqual(first);
    expect(http.requests.map((r) => r.idempotencyKey)).toEqual(['checkout-ord_01JD7Q5Z8M', 'checkout-ord_01JD7Q5Z8M']);
    // Another order gets its own session.
    const other = await provider.createCheckout(checkout({ orderId: 'ord_02' }));
    expect(other.sessionId).not.toBe(first.sessionId);
  });

  it('leaves customer_email out when the shopper has none', async () => {
    await provider.createCheckout(checkout({ customerEmail: undefined }));
    expect(http.requests[0]!.body).not.toHaveProperty('customer_email');
  });

  it('refuses, before calling Stripe, lines that do not add up, amounts that are not whole đồng, or a bad expiry', async () => {
    const mismatch = await appErrorOf(provider.createCheckout(checkout({ amountVnd: 185_001 })));
    expect(mismatch).toMatchObject({ status: 400, code: 'CHECKOUT_AMOUNT_MISMATCH', details: { amountVnd: 185_001, linesTotal: 185_000 } });

    const cases: Partial<CheckoutRequest>[] = [
      { lines: [], amountVnd: 0 },
      { lines: [{ name: 'Gian hàng A', amountVnd: 1500.5 }], amountVnd: 1500.5 },
      { lines: [{ name: 'Gian hàng A', amountVnd: 0 }], amountVnd: 0 },
      { lines: [{ name: '  ', amountVnd: 150_000 }], amountVnd: 150_000 },
      { expiresAt: nowSeconds + 29 * 60 },
      { expiresAt: nowSeconds + 25 * 3600 },
      { expiresAt: (nowSeconds + 45 * 60) * 1000 },
      { orderId: '' },
    ];
    for (const c of cases) {
      expect((await appErrorOf(provider.createCheckout(checkout(c)))).code, JSON.stringify(c)).toBe('CHECKOUT_INVALID');
    }
    expect(http.requests).toEqual([]);
  });

  it('passes Stripe errors on as the SDK raises them', async () => {
    http.failNext(400, { type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must convert to at least 50 cents.' });
    await expect(provider.createCheckout(checkout({ amountVnd: 1000, lines: [{ name: 'A', amountVnd: 1000 }] }))).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });
});

describe('StripeCardProvider.refund', () => {
  it('refunds the given amount of the payment intent with the caller’s Idempotency-Key', async () => {
    const refund = await provider.refund({ paymentIntentId: 'pi_test_123', amountVnd: 35_000, idempotencyKey: 'refund-ord_01-sub_2', reason: 'Cơ sở hủy đơn' });
    expect(refund.refundId).toMatch(/^re_test_/);
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/refunds',
      idempotencyKey: 'refund-ord_01-sub_2',
      body: { payment_intent: 'pi_test_123', amount: '35000', 'metadata[reason]': 'Cơ sở hủy đơn' },
    });
  });

  it('refunds once when a cancel is retried', async () => {
    const request = { paymentIntentId: 'pi_test_123', amountVnd: 35_000, idempotencyKey: 'refund-ord_01-sub_2' };
    const first = await provider.refund(request);
    expect(await provider.refund(request)).toEqual(first);
    expect(http.requestsTo('/v1/refunds').map((r) => r.body)).toEqual([
      { payment_intent: 'pi_test_123', amount: '35000' },
      { payment_intent: 'pi_test_123', amount: '35000' },
    ]);
  });

  it('refuses amounts that are not positive whole đồng', async () => {
    for (const amountVnd of [0, -1, 10.5]) {
      const error = await appErrorOf(provider.refund({ paymentIntentId: 'pi_test_123', amountVnd, idempotencyKey: 'k' }));
      expect(error.code).toBe('REFUND_INVALID');
    }
    expect(http.requests).toEqual([]);
  });
});

describe('StripeCardProvider.parseWebhook', () => {
  const parse = (payload: unknown) => {
    const { body, signature } = signedStripeEvent(payload, WEBHOOK_SECRET, { timestamp: nowSeconds - 10 });
    return provider.parseWebhook(body, signature);
  };
  const paidSession = (overrides: Record<string, unknown> = {}) =>
    checkoutSessionObject({
      id: 'cs_test_paid',
      amount_total: 185_000,
      client_reference_id: 'ord_01',
      metadata: { orderId: 'ord_01' },
      payment_intent: 'pi_test_paid',
      payment_status: 'paid',
      status: 'complete',
      ...overrides,
    });

  it('maps checkout.session.completed (paid) to paid, with the order, session, payment intent and VND total', async () => {
    const event = stripeEvent('checkout.session.completed', paidSession());
    expect(await parse(event)).toEqual({
      id: event.id,
      type: 'paid',
      orderId: 'ord_01',
      sessionId: 'cs_test_paid',
      paymentIntentId: 'pi_test_paid',
      amountVnd: 185_000,
    });
  });

  it('reads the order from client_reference_id too, and an expanded payment intent', async () => {
    const event = stripeEvent('checkout.session.completed', paidSession({ metadata: {}, payment_intent: { id: 'pi_test_expanded', object: 'payment_intent' } }));
    expect(await parse(event)).toMatchObject({ type: 'paid', orderId: 'ord_01', paymentIntentId: 'pi_test_expanded' });
  });

  it('ignores a completed session whose payment is still pending (delayed method), and maps the async outcome', async () => {
    const pending = stripeEvent('checkout.session.completed', paidSession({ payment_status: 'unpaid' }));
    expect(await parse(pending)).toEqual({ id: pending.id, type: 'ignored', stripeType: 'checkout.session.completed' });

    const succeeded = stripeEvent('checkout.session.async_payment_succeeded', paidSession());
    expect(await parse(succeeded)).toMatchObject({ id: succeeded.id, type: 'paid', orderId: 'ord_01', amountVnd: 185_000 });

    const failed = stripeEvent('checkout.session.async_payment_failed', paidSession({ payment_status: 'unpaid' }));
    expect(await parse(failed)).toEqual({ id: failed.id, type: 'failed', orderId: 'ord_01', sessionId: 'cs_test_paid' });
  });

  it('maps checkout.session.expired to expired', async () => {
    const event = stripeEvent('checkout.session.expired', paidSession({ payment_status: 'unpaid', status: 'expired', payment_intent: null }));
    expect(await parse(event)).toEqual({ id: event.id, type: 'expired', orderId: 'ord_01', sessionId: 'cs_test_paid' });
  });

  it('maps charge.refunded to refunded with the total refunded so far', async () => {
    const event = stripeEvent('charge.refunded', chargeObject({ payment_intent: 'pi_test_paid', amount: 185_000, amount_refunded: 35_000, refunded: false }));
    expect(await parse(event)).toEqual({ id: event.id, type: 'refunded', paymentIntentId: 'pi_test_paid', amountVnd: 35_000 });
  });

  it('acknowledges everything else as ignored: other types, sessions that are not ours, other currencies', async () => {
    const cases = [
      stripeEvent('payment_intent.succeeded', { id: 'pi_test_paid', object: 'payment_intent', amount: 185_000, currency: 'vnd' }),
      stripeEvent('checkout.session.completed', paidSession({ metadata: {}, client_reference_id: null })),
      stripeEvent('checkout.session.expired', paidSession({ metadata: {}, client_reference_id: null })),
      stripeEvent('checkout.session.completed', paidSession({ currency: 'usd', amount_total: 1000 })),
      stripeEvent('charge.refunded', chargeObject({ currency: 'usd' })),
    ];
    for (const event of cases) {
      expect(await parse(event), JSON.stringify(event.data)).toEqual({ id: event.id, type: 'ignored', stripeType: event.type });
    }
  });

  it('refuses a tampered body, a wrong secret, a missing or malformed header and a replayed old event with WEBHOOK_SIGNATURE_INVALID', async () => {
    const event = stripeEvent('checkout.session.completed', paidSession());
    const { body, signature } = signedStripeEvent(event, WEBHOOK_SECRET, { timestamp: nowSeconds - 10 });
    const wrongSecret = signedStripeEvent(event, 'whsec_someoneElsesSecret', { timestamp: nowSeconds - 10 });
    const old = signedStripeEvent(event, WEBHOOK_SECRET, { timestamp: nowSeconds - 301 });
    const attempts: [string, string | undefined][] = [
      [body.replace('185000', '1000'), signature],
      [body, wrongSecret.signature],
      [body, undefined],
      [body, ''],
      [body, 'not-a-signature'],
      [body, `t=${nowSeconds - 10},v1=${'0'.repeat(64)}`],
      [old.body, old.signature],
    ];
    for (const [attemptBody, header] of attempts) {
      const error = await appErrorOf(provider.parseWebhook(attemptBody, header));
      expect(error, String(header)).toMatchObject({ status: 400, code: 'WEBHOOK_SIGNATURE_INVALID' });
    }
    // The genuine one still verifies, and none of this reached Stripe.
    expect(await provider.parseWebhook(body, signature)).toMatchObject({ type: 'paid' });
    expect(http.requests).toEqual([]);
  });

  it('measures the 5-minute tolerance on the provider’s clock', async () => {
    const { body, signature } = signedStripeEvent(stripeEvent('checkout.session.expired', paidSession()), WEBHOOK_SECRET, { timestamp: nowSeconds });
    expect(await provider.parseWebhook(body, signature)).toMatchObject({ type: 'expired' });
    clock.advance(301_000);
    expect((await appErrorOf(provider.parseWebhook(body, signature))).code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });
});

describe('offline', () => {
  it('sends every request through the injected client: nothing reaches api.stripe.com', async () => {
    await provider.createCheckout(checkout());
    await provider.refund({ paymentIntentId: 'pi_test_1', amountVnd: 1000, idempotencyKey: 'r1' });
    expect(http.requests.map((r) => `${r.method} ${r.host}${r.path}`)).toEqual([
      'POST api.stripe.com/v1/checkout/sessions',
      'POST api.stripe.com/v1/refunds',
    ]);
    expect(http.requests.every((r) => r.headers['user-agent']?.startsWith('Stripe/v1 NodeBindings/'))).toBe(true);
  });
});
