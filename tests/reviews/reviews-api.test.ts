import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestAccount, withSession } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { ManualClock } from '../../shared/time/clock';
import { address, move, openShop, placeRequest, type OrderAnswer, type Shop } from '../orders/fixtures';
import { deliveredOrder, postJson, reviewRequest } from './fixtures';

const DAY = 24 * 3600 * 1000;

interface ReviewAnswer {
  id: string;
  stars: number;
  text: string;
  edited: boolean;
  verifiedPurchase: boolean;
  variantLabel?: string;
  reply?: { text: string };
  status: string;
}
interface PageAnswer {
  summary: { count: number; mean: number | null; distribution: Record<string, number> };
  items: ReviewAnswer[];
  nextCursor?: string;
}

describe('reviews from verified buyers', () => {
  let shop: Shop;
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    shop = await openShop({ clock });
  });
  beforeEach(() => clock.set('2026-11-23T03:00:00Z'));

  const reviews = async (productId: string, query = '') => (await (await shop.app.request(`/api/products/${productId}/reviews${query}`)).json()) as PageAnswer;

  it('opens at delivery and closes 90 days later to the second; edits close 30 days after writing, to the second', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const order = await deliveredOrder(shop, [
      { productId: shop.honey.id, quantity: 1 },
      { productId: shop.fishSauce.id, quantity: 1 },
    ]);
    const sub = order.subOrders[0]!;
    const deliveredAt = new Date('2026-11-23T03:00:00Z').getTime();
    clock.set(deliveredAt + 90 * DAY);
    // Sessions last less than 90 days: the buyer signs in again later.
    const later = await withSession(shop.services, shop.shopper.account);
    const last = await reviewRequest(shop, later, order.id, `${sub.id}.0`, { stars: 4, text: 'Mật ong thơm, đóng gói kỹ' });
    expect(last.status).toBe(201);
    expect(await last.json()).toMatchObject({ stars: 4, verifiedPurchase: true, edited: false, status: 'visible' });
    clock.set(deliveredAt + 90 * DAY + 1000);
    const late = await reviewRequest(shop, later, order.id, `${sub.id}.1`, { stars: 5 });
    expect(late.status).toBe(403);
    await expectErrorShape(late, 'REVIEW_WINDOW_CLOSED');

    const writtenAt = deliveredAt + 90 * DAY;
    clock.set(writtenAt + 30 * DAY);
    const muchLater = await withSession(shop.services, shop.shopper.account);
    const edit = await reviewRequest(shop, muchLater, order.id, `${sub.id}.0`, { stars: 2, text: 'Sửa: hũ bị nứt' }, 'PATCH');
    expect(edit.status).toBe(200);
    expect(await edit.json()).toMatchObject({ stars: 2, edited: true, text: 'Sửa: hũ bị nứt' });
    clock.set(writtenAt + 30 * DAY + 1000);
    const lateEdit = await reviewRequest(shop, muchLater, order.id, `${sub.id}.0`, { stars: 5 }, 'PATCH');
    expect(lateEdit.status).toBe(403);
    await expectErrorShape(lateEdit, 'EDIT_WINDOW_CLOSED');
  });

  it('refuses a line not delivered, another buyer, an unknown line; shows the variant bought', async () => {
    const res = await shop.app.request(placeRequest(shop.shopper, { items: [{ productId: shop.tea.id, variantId: 'hop-250g', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }));
    const pending = (await res.json()) as OrderAnswer;
    const sub = pending.subOrders[0]!;
    const early = await reviewRequest(shop, shop.shopper, pending.id, `${sub.id}.0`, { stars: 5 });
    expect(early.status).toBe(403);
    await expectErrorShape(early, 'NOT_A_VERIFIED_BUYER');
    await move(shop.app, shop.ownerB, sub.id, { to: 'packed' });
    await move(shop.app, shop.ownerB, sub.id, { to: 'shipped', carrier: 'VNPost', trackingCode: 'VN12345678' });
    await move(shop.app, shop.ownerB, sub.id, { to: 'delivered' });
    const stranger = await createTestAccount(shop.services, 'shopper');
    const notBuyer = await reviewRequest(shop, stranger, pending.id, `${sub.id}.0`, { stars: 5 });
    expect(notBuyer.status).toBe(403);
    await expectErrorShape(notBuyer, 'NOT_A_VERIFIED_BUYER');
    expect((await reviewRequest(shop, undefined, pending.id, `${sub.id}.0`, { stars: 5 })).status).toBe(401);
    const noLine = await reviewRequest(shop, shop.shopper, pending.id, `${sub.id}.7`, { stars: 5 });
    expect(noLine.status).toBe(404);
    await expectErrorShape(noLine, 'LINE_NOT_FOUND');
    expect((await reviewRequest(shop, shop.shopper, pending.id, `${sub.id}.0`, { stars: 6 })).status).toBe(400);
    const ok = await reviewRequest(shop, shop.shopper, pending.id, `${sub.id}.0`, { stars: 5, text: 'Trà ngon' });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as ReviewAnswer).variantLabel).toBe('hộp 250 g');
  });

  it('takes exactly one of 10 concurrent reviews of the same line; the rest are 409 ALREADY_REVIEWED', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.fishSauce.id, quantity: 1 }]);
    const line = `${order.subOrders[0]!.id}.0`;
    const before = await shop.services.reviews.productRating(shop.fishSauce.id);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => reviewRequest(shop, shop.shopper, order.id, line, { stars: (i % 5) + 1 })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) await expectErrorShape(r, 'ALREADY_REVIEWED');
    const after = await shop.services.reviews.productRating(shop.fishSauce.id);
    expect(after.count).toBe(before.count + 1);
  });

  it('lets the owning producer reply once; others may not', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
    const id = `${order.subOrders[0]!.id}.0`;
    expect((await reviewRequest(shop, shop.shopper, order.id, id, { stars: 3, text: 'Tạm được' })).status).toBe(201);
    const other = await postJson(shop, shop.ownerB, `/api/reviews/${id}/reply`, { text: 'Cảm ơn' });
    expect(other.status).toBe(403);
    expect((await postJson(shop, shop.shopper, `/api/reviews/${id}/reply`, { text: 'Cảm ơn' })).status).toBe(403);
    const reply = await postJson(shop, shop.ownerA, `/api/reviews/${id}/reply`, { text: 'Cảm ơn anh chị, lần sau sẽ tốt hơn' });
    expect(reply.status).toBe(201);
    const again = await postJson(shop, shop.ownerA, `/api/reviews/${id}/reply`, { text: 'Lần hai' });
    expect(again.status).toBe(409);
    await expectErrorShape(again, 'ALREADY_REPLIED');
    const page = await reviews(shop.honey.id);
    expect(page.items.find((r) => r.id === id)?.reply?.text).toBe('Cảm ơn anh chị, lần sau sẽ tốt hơn');
  });

  it("hides a reported review only by the product's province officers or admins, with a reason; hidden ones do not count", async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
    const id = `${order.subOrders[0]!.id}.0`;
    expect((await reviewRequest(shop, shop.shopper, order.id, id, { stars: 1, text: 'Quảng cáo spam' })).status).toBe(201);
    const before = await reviews(shop.honey.id);
    const hideBody = { action: 'hide', reason: 'Nội dung quảng cáo' };
    const officer91 = await createTestAccount(shop.services, 'officer', { provinceCode: '91' });
    const officer01 = await createTestAccount(shop.services, 'officer', { provinceCode: '01' });
    const unreported = await postJson(shop, officer91, `/api/reviews/${id}/moderation`, hideBody);
    expect(unreported.status).toBe(409);
    await expectErrorShape(unreported, 'REVIEW_NOT_REPORTED');
    const reporter = await createTestAccount(shop.services, 'shopper');
    expect((await postJson(shop, reporter, `/api/reviews/${id}/reports`, { reason: 'Spam' })).status).toBe(201);
    const twice = await postJson(shop, reporter, `/api/reviews/${id}/reports`, { reason: 'Spam' });
    expect(twice.status).toBe(409);
    await expectErrorShape(twice, 'ALREADY_REPORTED');
    expect((await postJson(shop, undefined, `/api/reviews/${id}/reports`, { reason: 'Spam' })).status).toBe(401);
    const queue = (await (await shop.app.request('/api/provinces/91/reported-reviews', { headers: officer91.bearer })).json()) as { items: { id: string }[] };
    expect(queue.items.map((r) => r.id)).toContain(id);
    expect((await shop.app.request('/api/provinces/91/reported-reviews', { headers: officer01.bearer })).status).toBe(403);

    const wrongProvince = await postJson(shop, officer01, `/api/reviews/${id}/moderation`, hideBody);
    expect(wrongProvince.status).toBe(403);
    await expectErrorShape(wrongProvince, 'NOT_PROVINCE_OFFICER');
    expect((await postJson(shop, shop.ownerA, `/api/reviews/${id}/moderation`, hideBody)).status).toBe(403);
    const hidden = await postJson(shop, officer91, `/api/reviews/${id}/moderation`, hideBody);
    expect(hidden.status).toBe(200);
    const after = await reviews(shop.honey.id);
    expect(after.summary.count).toBe(before.summary.count - 1);
    expect(after.summary.distribution[1]).toBe(before.summary.distribution[1]! - 1);
    expect(after.items.map((r) => r.id)).not.toContain(id);
    const again = await postJson(shop, officer91, `/api/reviews/${id}/moderation`, hideBody);
    expect(again.status).toBe(409);
    const admin = await createTestAccount(shop.services, 'admin');
    expect((await postJson(shop, admin, `/api/reviews/${id}/moderation`, { action: 'restore', reason: 'Xem lại: không phải spam' })).status).toBe(200);
    expect((await reviews(shop.honey.id)).summary.count).toBe(before.summary.count);
  });

  it('keeps the product and storefront aggregates equal to a recount after a random sequence of create/edit/hide/restore', async () => {
    let seed = 20261202;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const admin = await createTestAccount(shop.services, 'admin');
    const reporter = await createTestAccount(shop.services, 'shopper');
    const orders = [];
    for (let i = 0; i < 6; i++) {
      orders.push(await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }, { productId: shop.fishSauce.id, quantity: 1 }]));
    }
    const lines = orders.flatMap((o) => [0, 1].map((i) => ({ orderId: o.id, id: `${o.subOrders[0]!.id}.${i}` })));
    const state = new Map<string, { hidden: boolean; reported: boolean }>();
    for (let step = 0; step < 40; step++) {
      const line = lines[Math.floor(random() * lines.length)]!;
      const s = state.get(line.id);
      const stars = 1 + Math.floor(random() * 5);
      if (!s) {
        expect((await reviewRequest(shop, shop.shopper, line.orderId, line.id, { stars, text: `bước ${step}` })).status).toBe(201);
        state.set(line.id, { hidden: false, reported: false });
      } else if (random() < 0.5) {
        expect((await reviewRequest(shop, shop.shopper, line.orderId, line.id, { stars }, 'PATCH')).status).toBe(200);
      } else {
        if (!s.reported && !s.hidden) {
          expect((await postJson(shop, reporter, `/api/reviews/${line.id}/reports`, { reason: 'Kiểm tra' })).status).toBe(201);
          s.reported = true;
        }
        const action = s.hidden ? 'restore' : 'hide';
        expect((await postJson(shop, admin, `/api/reviews/${line.id}/moderation`, { action, reason: 'Kiểm tra ngẫu nhiên' })).status).toBe(200);
        s.hidden = !s.hidden;
      }
    }
    const recount = (stars: number[]) => ({
      count: stars.length,
      sum: stars.reduce((a, b) => a + b, 0),
      ...Object.fromEntries([1, 2, 3, 4, 5].map((k) => [`d${k}`, stars.filter((x) => x === k).length])),
    });
    const honey = (await shop.services.reviews.visibleReviewsOf(shop.honey.id)).map((r) => r.stars);
    const fish = (await shop.services.reviews.visibleReviewsOf(shop.fishSauce.id)).map((r) => r.stars);
    expect(await shop.services.reviews.productRating(shop.honey.id)).toEqual(recount(honey));
    expect(await shop.services.reviews.productRating(shop.fishSauce.id)).toEqual(recount(fish));
    expect(await shop.services.reviews.producerRating('htx-a')).toEqual(recount([...honey, ...fish]));
    expect([...state.values()].some((s) => s.hidden)).toBe(true);
  });

  it('pages through reviews with a cursor and filters by stars', async () => {
    const all = await shop.services.reviews.visibleReviewsOf(shop.honey.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reviews(shop.honey.id, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(all.map((r) => r.id).sort());
    const fours = await reviews(shop.honey.id, '?stars=4&limit=50');
    expect(fours.items.every((r) => r.stars === 4)).toBe(true);
    expect(fours.items.length).toBe(all.filter((r) => r.stars === 4).length);
    expect((await reviews(shop.honey.id, '?withPhotos=true')).items).toEqual([]);
    expect((await shop.app.request(`/api/products/${shop.honey.id}/reviews?stars=0x4`)).status).toBe(400);
    expect((await shop.app.request('/api/products/khong-co-san-pham/reviews')).status).toBe(404);
    const helpful = await reviews(shop.honey.id, '?sort=helpful&limit=50');
    expect(helpful.items.length).toBe(all.length);
  });
});
