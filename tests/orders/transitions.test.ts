import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { ManualClock } from '../../shared/time/clock';
import { releaseUnpaid } from '../../shared/orders/payment-expiry';
import { address, move, openShop, placeRequest, stockOf, type OrderAnswer, type Shop } from './fixtures';

describe('sub-order transitions', () => {
  let shop: Shop;
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    shop = await openShop({ clock });
  });

  async function order(items: unknown[], paymentMethod = 'cod') {
    const res = await shop.app.request(placeRequest(shop.shopper, { items, shippingAddress: address, paymentMethod }));
    expect(res.status).toBe(201);
    return (await res.json()) as OrderAnswer;
  }

  it('walks confirmed → packed → shipped (carrier, tracking code) → delivered (COD paid) → completed, recording who and when', async () => {
    const placed = await order([{ productId: shop.honey.id, quantity: 1 }]);
    const sub = placed.subOrders[0]!;
    expect((await move(shop.app, shop.ownerA, sub.id, { to: 'packed' })).status).toBe(200);
    const noTracking = await move(shop.app, shop.ownerA, sub.id, { to: 'shipped' });
    expect(noTracking.status).toBe(400);
    await expectErrorShape(noTracking, 'TRACKING_REQUIRED');
    const shipped = await move(shop.app, shop.ownerA, sub.id, { to: 'shipped', carrier: 'Viettel Post', trackingCode: 'VTP123456789' });
    expect(shipped.status).toBe(200);
    // The buyer sees it shipped, with the tracking code, and may no longer cancel.
    const seen = (await (await shop.app.request(`/api/orders/${placed.id}`, { headers: shop.shopper.bearer })).json()) as OrderAnswer;
    expect(seen.subOrders[0]).toMatchObject({ status: 'shipped', carrier: 'Viettel Post', trackingCode: 'VTP123456789' });
    const late = await shop.app.request(`/api/orders/${placed.id}/cancel`, { method: 'POST', headers: shop.shopper.bearer });
    expect(late.status).toBe(409);
    await expectErrorShape(late, 'ILLEGAL_TRANSITION');
    const delivered = (await (await move(shop.app, shop.ownerA, sub.id, { to: 'delivered' })).json()) as OrderAnswer['subOrders'][number];
    expect(delivered.payment.status).toBe('paid');
    const done = (await (await move(shop.app, shop.shopper, sub.id, { to: 'completed' })).json()) as OrderAnswer['subOrders'][number];
    expect(done.history!.map((h) => [h.from, h.to, h.byRole])).toEqual([
      ['confirmed', 'packed', 'producer'],
      ['packed', 'shipped', 'producer'],
      ['shipped', 'delivered', 'producer'],
      ['delivered', 'completed', 'shopper'],
    ]);
    // The other side hears of each move.
    const notices = (await (await shop.app.request('/api/account/order-notices', { headers: shop.shopper.bearer })).json()) as { items: { subOrderId: string; message: string }[] };
    expect(notices.items.filter((n) => n.subOrderId === sub.id).length).toBe(3);
    const producerNotices = (await (await shop.app.request('/api/account/order-notices', { headers: shop.ownerA.bearer })).json()) as { items: { subOrderId: string }[] };
    expect(producerNotices.items.filter((n) => n.subOrderId === sub.id).length).toBe(2); // new order + completed
  });

  it('answers an illegal move with 409 ILLEGAL_TRANSITION and the moves allowed', async () => {
    const sub = (await order([{ productId: shop.honey.id, quantity: 1 }])).subOrders[0]!;
    const res = await move(shop.app, shop.ownerA, sub.id, { to: 'delivered' });
    expect(res.status).toBe(409);
    expect((await expectErrorShape(res, 'ILLEGAL_TRANSITION')).error.details).toEqual({ from: 'confirmed', to: 'delivered', allowed: ['packed', 'cancelled'] });
    const buyerShips = await move(shop.app, shop.shopper, sub.id, { to: 'packed' });
    expect(buyerShips.status).toBe(409);
  });

  it('lets the other storefront, officers and admins not move it (403), and strangers not see it (404)', async () => {
    const sub = (await order([{ productId: shop.honey.id, quantity: 1 }])).subOrders[0]!;
    expect((await move(shop.app, shop.ownerB, sub.id, { to: 'packed' })).status).toBe(403);
    const officer = await createTestAccount(shop.services, 'officer', { provinceCode: '91' });
    const admin = await createTestAccount(shop.services, 'admin');
    for (const who of [officer, admin]) {
      const res = await move(shop.app, who, sub.id, { to: 'packed' });
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'ORDER_READ_ONLY');
      expect((await shop.app.request(`/api/sub-orders/${sub.id}`, { headers: who.bearer })).status).toBe(200);
    }
    const province = (await (await shop.app.request('/api/provinces/91/orders', { headers: officer.bearer })).json()) as { items: { id: string }[] };
    expect(province.items.map((s) => s.id)).toContain(sub.id);
    const otherOfficer = await createTestAccount(shop.services, 'officer', { provinceCode: '01' });
    expect((await shop.app.request(`/api/sub-orders/${sub.id}`, { headers: otherOfficer.bearer })).status).toBe(404);
    expect((await shop.app.request('/api/provinces/91/orders', { headers: otherOfficer.bearer })).status).toBe(403);
    const stranger = await createTestAccount(shop.services, 'shopper');
    expect((await move(shop.app, stranger, sub.id, { to: 'cancelled' })).status).toBe(404);
  });

  it('gives the stock back when the buyer cancels before shipping, once even when two cancels race', async () => {
    const before = await stockOf(shop.services, shop.tea.id);
    const placed = await order([{ productId: shop.tea.id, variantId: 'goi-100g', quantity: 3 }]);
    expect((await stockOf(shop.services, shop.tea.id)).variants['goi-100g']).toBe(before.variants['goi-100g']! - 3);
    const [a, b] = await Promise.all([
      move(shop.app, shop.shopper, placed.subOrders[0]!.id, { to: 'cancelled' }),
      move(shop.app, shop.shopper, placed.subOrders[0]!.id, { to: 'cancelled' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await stockOf(shop.services, shop.tea.id)).toEqual(before);
    // Cancelling the whole order afterwards finds nothing left to cancel.
    const again = await shop.app.request(`/api/orders/${placed.id}/cancel`, { method: 'POST', headers: shop.shopper.bearer });
    expect(again.status).toBe(409);
    expect(await stockOf(shop.services, shop.tea.id)).toEqual(before);
  });

  it('lists the storefront queue by state', async () => {
    const sub = (await order([{ productId: shop.fishSauce.id, quantity: 1 }])).subOrders[0]!;
    await move(shop.app, shop.ownerA, sub.id, { to: 'packed' });
    const packed = (await (await shop.app.request('/api/producers/htx-a/orders?status=packed', { headers: shop.ownerA.bearer })).json()) as { items: { id: string; status: string }[] };
    expect(packed.items.map((s) => s.id)).toContain(sub.id);
    expect(packed.items.every((s) => s.status === 'packed')).toBe(true);
    const confirmed = (await (await shop.app.request('/api/producers/htx-a/orders?status=confirmed', { headers: shop.ownerA.bearer })).json()) as { items: { id: string }[] };
    expect(confirmed.items.map((s) => s.id)).not.toContain(sub.id);
    expect((await shop.app.request('/api/producers/htx-a/orders', { headers: shop.ownerB.bearer })).status).toBe(403);
  });

  it('a VietQR transfer: the storefront marks it received; unpaid ones are released after 30 minutes, once', async () => {
    const paid = (await order([{ productId: shop.tea.id, variantId: 'goi-100g', quantity: 1 }], 'vietqr')).subOrders[0]!;
    const confirmed = (await (await move(shop.app, shop.ownerB, paid.id, { to: 'confirmed' })).json()) as OrderAnswer['subOrders'][number];
    expect([confirmed.status, confirmed.payment.status]).toEqual(['confirmed', 'paid']);

    const before = await stockOf(shop.services, shop.tea.id);
    const unpaid = (await order([{ productId: shop.tea.id, variantId: 'hop-250g', quantity: 2 }], 'vietqr')).subOrders[0]!;
    clock.advance(29 * 60_000);
    expect((await releaseUnpaid(shop.services)).released).toBe(0);
    clock.advance(2 * 60_000);
    const runs = await Promise.all([releaseUnpaid(shop.services), releaseUnpaid(shop.services)]);
    expect(runs[0]!.released + runs[1]!.released).toBe(1);
    expect(await stockOf(shop.services, shop.tea.id)).toEqual(before);
    const after = (await (await shop.app.request(`/api/sub-orders/${unpaid.id}`, { headers: shop.shopper.bearer })).json()) as OrderAnswer['subOrders'][number];
    expect([after.status, after.payment.status]).toEqual(['cancelled', 'expired']);
    expect(after.history!.at(-1)).toMatchObject({ from: 'pending_payment', to: 'cancelled', by: 'system', byRole: 'payment-timer' });
    // The paid one was never in the due index.
    expect((await (await shop.app.request(`/api/sub-orders/${paid.id}`, { headers: shop.shopper.bearer })).json()) as { status: string }).toMatchObject({ status: 'confirmed' });
  });

  it('records a manual refund when a paid transfer is cancelled by the storefront', async () => {
    const sub = (await order([{ productId: shop.tea.id, variantId: 'goi-100g', quantity: 1 }], 'vietqr')).subOrders[0]!;
    await move(shop.app, shop.ownerB, sub.id, { to: 'confirmed' });
    const noReason = await move(shop.app, shop.ownerB, sub.id, { to: 'cancelled' });
    expect(noReason.status).toBe(400);
    await expectErrorShape(noReason, 'REASON_REQUIRED');
    const cancelled = (await (await move(shop.app, shop.ownerB, sub.id, { to: 'cancelled', reason: 'Hết hàng đợt này' })).json()) as OrderAnswer['subOrders'][number];
    expect(cancelled.payment.status).toBe('refund_due');
    const refunded = (await (await move(shop.app, shop.ownerB, sub.id, { to: 'refunded', reason: 'Đã chuyển khoản trả lại', refundReference: 'FT2633' })).json()) as {
      status: string;
      payment: { status: string; refund: { method: string; reference: string } };
    };
    expect([refunded.status, refunded.payment.status, refunded.payment.refund.method, refunded.payment.refund.reference]).toEqual(['refunded', 'refunded', 'manual', 'FT2633']);
  });
});
