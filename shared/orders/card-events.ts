import { AppError } from '../http/errors';
import type { CardPaymentEvent } from '../payments/card-provider';
import type { Services } from '../services';
import type { StoredSubOrder } from './items';
import { moveSubOrder } from './transitions';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/** A move someone else already made (a retry, the timer, the other webhook) is not an error here. */
async function tolerant(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'ILLEGAL_TRANSITION') return;
    throw error;
  }
}

const cardSubs = (subs: StoredSubOrder[]) => subs.filter((s) => s.payment.method === 'card');

/**
 * Stripe's events, applied so that twice or out of order ends the same: every step is a conditional
 * state move, so a duplicate finds nothing left to do, and the event id is recorded last (a failure
 * halfway makes Stripe retry the whole event, which redoes only what is missing).
 */
export async function applyCardEvent(services: Services, event: CardPaymentEvent): Promise<EventOutcome> {
  const store = services.orders;
  if (await store.paymentEventSeen('stripe', event.id)) return 'duplicate';
  const now = services.clock.now();
  let outcome: EventOutcome = 'applied';

  if (event.type === 'paid') {
    const order = await store.getOrder(event.orderId);
    if (!order) outcome = 'ignored';
    else {
      await store.rememberPaymentIntent(event.paymentIntentId, event.orderId);
      for (const sub of cardSubs(order.subs)) {
        if (sub.status === 'pending_payment') {
          await tolerant(() =>
            moveSubOrder(services, { system: 'stripe' }, sub.id, {
              to: 'confirmed',
              payment: { status: 'paid', paidAt: now.toISOString(), paymentIntentId: event.paymentIntentId },
            }),
          );
        } else if (sub.payment.status === 'paid' && sub.payment.paymentIntentId && sub.payment.paymentIntentId !== event.paymentIntentId) {
          // A second payment for what is already paid (two Checkout pages paid): give the second back.
          const provider = services.cardPayments;
          if (provider) {
            await provider.refund({ paymentIntentId: event.paymentIntentId, amountVnd: event.amountVnd, idempotencyKey: `refund-duplicate-${event.paymentIntentId}`, reason: 'duplicate payment' });
            services.logger.warn('duplicate card payment refunded', { orderId: event.orderId, paymentIntentId: event.paymentIntentId });
          }
          break;
        } else if (sub.status === 'cancelled' && sub.payment.status !== 'refunded') {
          // Paid after the order had expired and its stock went back: the money goes back too.
          await tolerant(async () => {
            const provider = services.cardPayments;
            if (!provider) throw new Error('card event without a card provider');
            const { refundId } = await provider.refund({ paymentIntentId: event.paymentIntentId, amountVnd: sub.totalVnd, idempotencyKey: `refund-${sub.id}`, reason: 'paid after expiry' });
            await moveSubOrder(services, { system: 'stripe' }, sub.id, {
              to: 'refunded',
              reason: 'Thanh toán đến sau khi đơn đã hết hạn: hoàn tiền tự động',
              payment: {
                paymentIntentId: event.paymentIntentId,
                status: 'refunded',
                refund: { method: 'stripe', amountVnd: sub.totalVnd, at: now.toISOString(), by: 'system', reference: refundId },
              },
            });
          });
        }
      }
    }
  } else if (event.type === 'expired' || event.type === 'failed') {
    const order = await store.getOrder(event.orderId);
    if (!order) outcome = 'ignored';
    else {
      for (const sub of cardSubs(order.subs)) {
        if (sub.status !== 'pending_payment') continue;
        await tolerant(() =>
          moveSubOrder(services, { system: 'stripe' }, sub.id, {
            to: 'cancelled',
            reason: event.type === 'expired' ? 'Hết thời gian thanh toán thẻ' : 'Thanh toán thẻ không thành công',
          }),
        );
      }
    }
  } else if (event.type === 'refunded') {
    const orderId = await store.orderOfPaymentIntent(event.paymentIntentId);
    const order = orderId ? await store.getOrder(orderId) : undefined;
    if (!order) outcome = 'ignored';
    else {
      for (const sub of cardSubs(order.subs)) {
        if (sub.status !== 'cancelled' || sub.payment.status === 'refunded') {
          if (sub.payment.status !== 'refunded') services.logger.warn('card refunded outside the platform for an open sub-order', { subOrderId: sub.id, status: sub.status });
          continue;
        }
        await tolerant(() =>
          moveSubOrder(services, { system: 'stripe' }, sub.id, {
            to: 'refunded',
            reason: 'Stripe đã hoàn tiền',
            payment: { status: 'refunded', refund: { method: 'stripe', amountVnd: sub.totalVnd, at: now.toISOString(), by: 'system', reference: event.id } },
          }),
        );
      }
    }
  } else {
    outcome = 'ignored';
  }
  await store.recordPaymentEvent('stripe', event.id, event.type, now);
  return outcome;
}
