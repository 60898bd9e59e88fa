import { beforeAll, describe, expect, it } from 'vitest';
import { StripeCardProvider } from '../../shared/payments/stripe-provider';
import { releaseUnpaid } from '../../shared/orders/payment-expiry';
import { ManualClock } from '../../shared/time/clock';
import { expectErrorShape } from '../support/error-shape';
import { checkoutSessionObject, chargeObject, FakeStripeHttpClient, signedStripeEvent, stripeEvent } from '../support/fake-stripe';
import { address, openShop, placeRequest, stockOf, type OrderAnswer, type Shop } from './fixtures';

const WEBHOOK_SECRET = 'whsec_test_ocop_orders';

/** The real Stripe SDK over a fake HTTP client, with real signatures on every webhook. */
describe('card payments through Stripe, webhooks twice and out of order', () => {
  let shop: Shop;
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const stripe = new FakeStripeHttpClient();

  beforeAll(async () => {
    shop = await openShop({ clock });
    Object.assign(shop.services, { cardPayments: new StripeCardProvider({ secretKey: 'sk_test_ocop', webhookSecret: WEBHOOK_SECRET, httpClient: stripe, clock }) });
  });

  async function cardOrder(quantity = 1): Promise<OrderAnswer> {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.honey.id, quantity }], shippingAddress: address, paymentMethod: 'card' }));
    expect(res.status).toBe(201);
    return (await res.json()) as OrderAnswer;
  }

  function webhook(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
    const { body, signature } = signedStripeEvent(event, secret, { timestamp: Math.floor(clock.now().getTime() / 1000) });
    return shop.app.request('/api/payments/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
  }

  const paid = (orderId: string, amount: number, pi: string) =>
    stripeEvent('checkout.session.completed', checkoutSessionObject({ metadata: { orderId }, client_reference_id: orderId, payment_status: 'paid', status: 'complete', payment_intent: pi, amount_total: amount }));
  const expired = (orderId: string) => stripeEvent('checkout.session.expired', checkoutSessionObject({ metadata: { orderId }, status: 'expired' }));

  const subOf = async (orderId: string) =>
    ((await (await shop.app.request(`/api/orders/${orderId}`, { headers: shop.shopper.bearer })).json()) as OrderAnswer).subOrders[0]!;

  it('opens a Checkout Session in VND (zero-decimal) for the order total, once per order', async () => {
    const order = await cardOrder(2);
    const sessions = stripe.requestsTo('/v1/checkout/sessions');
    const mine = sessions.filter((r) => r.body.client_reference_id === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatchObject({ currency: 'vnd', mode: 'payment', 'metadata[orderId]': order.id, 'line_items[0][price_data][unit_amount]': String(order.totalVnd) });
    expect(order.totalVnd).toBe(330_000); // 2 × 150.000 + 30.000 shipping: no ×100 anywhere
    expect(mine[0]!.idempotencyKey).toBe(`checkout-${order.id}`);
    expect(order.subOrders[0]!.payment).toMatchObject({ method: 'card', status: 'awaiting' });
    expect(order.subOrders[0]!.payment.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
  });

  it('confirms on checkout.session.completed, ignores the duplicate and a late "expired", and refunds through Stripe on cancel', async () => {
    const order = await cardOrder();
    const event = paid(order.id, order.totalVnd, 'pi_test_paid1');
    const first = await webhook(event);
    expect([first.status, await first.json()]).toEqual([200, { received: true, outcome: 'applied' }]);
    expect(await subOf(order.id)).toMatchObject({ status: 'confirmed', payment: { status: 'paid' } });
    const again = await webhook(event);
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' });
    await webhook(expired(order.id));
    expect((await subOf(order.id)).status).toBe('confirmed');

    const before = await stockOf(shop.services, shop.honey.id);
    const cancel = await shop.app.request(`/api/orders/${order.id}/cancel`, { method: 'POST', headers: shop.shopper.bearer });
    expect(cancel.status).toBe(200);
    const refunds = stripe.requestsTo('/v1/refunds').filter((r) => r.body.payment_intent === 'pi_test_paid1');
    expect(refunds.map((r) => [r.body.amount, r.idempotencyKey])).toEqual([[String(order.totalVnd), `refund-${order.subOrders[0]!.id}`]]);
    const sub = await subOf(order.id);
    expect([sub.status, sub.payment.status]).toEqual(['refunded', 'refunded']);
    expect((await stockOf(shop.services, shop.honey.id)).stock).toBe(before.stock! + 1);
    // Stripe's own charge.refunded afterwards changes nothing.
    const refundedEvent = await webhook(stripeEvent('charge.refunded', chargeObject({ payment_intent: 'pi_test_paid1', amount_refunded: order.totalVnd, refunded: true })));
    expect(refundedEvent.status).toBe(200);
    expect((await subOf(order.id)).status).toBe('refunded');
  });

  it('releases the stock on "expired", and refunds a payment that arrives after it', async () => {
    const before = await stockOf(shop.services, shop.honey.id);
    const order = await cardOrder();
    await webhook(expired(order.id));
    expect(await subOf(order.id)).toMatchObject({ status: 'cancelled', payment: { status: 'expired' } });
    expect(await stockOf(shop.services, shop.honey.id)).toEqual(before);
    const late = await webhook(paid(order.id, order.totalVnd, 'pi_test_late'));
    expect(late.status).toBe(200);
    expect(stripe.requestsTo('/v1/refunds').filter((r) => r.body.payment_intent === 'pi_test_late')).toHaveLength(1);
    expect(await subOf(order.id)).toMatchObject({ status: 'refunded', payment: { status: 'refunded', refund: { method: 'stripe' } } });
  });

  it('the 30-minute timer releases an unpaid card order too', async () => {
    const before = await stockOf(shop.services, shop.honey.id);
    const order = await cardOrder(3);
    clock.advance(31 * 60_000);
    // The first test's order (2 units, never paid) is due too.
    expect((await releaseUnpaid(shop.services)).released).toBe(2);
    expect((await subOf(order.id)).status).toBe('cancelled');
    expect((await stockOf(shop.services, shop.honey.id)).stock).toBe(before.stock! + 2);
  });

  it('refuses an event with a bad signature (400 WEBHOOK_SIGNATURE_INVALID) and changes nothing', async () => {
    const order = await cardOrder();
    const forged = await webhook(paid(order.id, order.totalVnd, 'pi_test_forged'), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    await expectErrorShape(forged, 'WEBHOOK_SIGNATURE_INVALID');
    const unsigned = await shop.app.request('/api/payments/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(paid(order.id, 1, 'pi_x')) });
    expect(unsigned.status).toBe(400);
    expect((await subOf(order.id)).status).toBe('pending_payment');
  });
});
