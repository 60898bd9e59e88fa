import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../authz/accounts';
import { openShop, type Shop } from '../orders/fixtures';
import { postForm } from '../identity/http';
import { deliveredOrder, reviewRequest } from './fixtures';

/**
 * The three page forms over the reviews API (web/reviews/answer-routes.tsx): the producer answers
 * from "Đánh giá", anyone signed in reports from a review card, the province's officer hides and
 * restores from the console queue. No JavaScript: plain forms, post/redirect/get.
 */
describe('reviews: reply page, report form, moderation queue', () => {
  let shop: Shop;
  let lineId: string;
  beforeAll(async () => {
    shop = await openShop();
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }, { productId: shop.fishSauce.id, quantity: 1 }]);
    lineId = `${order.subOrders[0]!.id}.0`;
    expect((await reviewRequest(shop, shop.shopper, order.id, lineId, { stars: 2, text: 'Mật ong <b>loãng</b>' })).status).toBe(201);
    expect((await reviewRequest(shop, shop.shopper, order.id, `${order.subOrders[0]!.id}.1`, { stars: 5, text: 'Nước mắm thơm' })).status).toBe(201);
  });

  it('lists the storefront’s reviews newest first and takes one answer per review; errors in Vietnamese', async () => {
    const page = await shop.app.request('/co-so-cua-toi/danh-gia', { headers: shop.ownerA.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.indexOf('Nước mắm thơm')).toBeLessThan(html.indexOf('Mật ong &lt;b&gt;loãng&lt;/b&gt;'));
    expect(html).toContain(`action="/co-so-cua-toi/danh-gia/${lineId}/phan-hoi"`);
    expect(html).toMatch(/<label for="phan-hoi-[^"]+">Phản hồi<\/label>/);
    // The dashboard links to it.
    expect(await (await shop.app.request('/co-so-cua-toi', { headers: shop.ownerA.cookie })).text()).toContain('href="/co-so-cua-toi/danh-gia"');

    const empty = await postForm(shop.app, `/co-so-cua-toi/danh-gia/${lineId}/phan-hoi`, { text: '' }, shop.ownerA.cookie);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('role="alert"');

    const sent = await postForm(shop.app, `/co-so-cua-toi/danh-gia/${lineId}/phan-hoi`, { text: 'Cảm ơn, lô sau đặc hơn' }, shop.ownerA.cookie);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/co-so-cua-toi/danh-gia?xong=phan-hoi#danh-gia-${lineId}`);
    const again = await postForm(shop.app, `/co-so-cua-toi/danh-gia/${lineId}/phan-hoi`, { text: 'Lần nữa' }, shop.ownerA.cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Cơ sở đã trả lời đánh giá này (mỗi đánh giá một lần)');
    // The other storefront's owner may not, nor see these reviews on its own page.
    expect((await postForm(shop.app, `/co-so-cua-toi/danh-gia/${lineId}/phan-hoi`, { text: 'Không phải của tôi' }, shop.ownerB.cookie)).status).toBe(403);
    expect(await (await shop.app.request('/co-so-cua-toi/danh-gia', { headers: shop.ownerB.cookie })).text()).toContain('Chưa có đánh giá nào.');
    const product = await (await shop.app.request(`/san-pham/${shop.honey.id}`)).text();
    expect(product).toContain('Cảm ơn, lô sau đặc hơn');
  });

  it('shows a report form on every review card, takes one report per account, and queues it for the province', async () => {
    const product = await (await shop.app.request(`/san-pham/${shop.honey.id}`)).text();
    expect(product).toContain(`<form method="post" action="/bao-cao-danh-gia/${lineId}">`);
    expect(product).toMatch(/<label for="bao-cao-[^"]+">Lý do báo cáo<\/label>/);
    const reporter = await createTestAccount(shop.services, 'shopper');
    expect((await postForm(shop.app, `/bao-cao-danh-gia/${lineId}`, { reason: 'x' }, reporter.cookie)).status).toBe(400);
    const ok = await postForm(shop.app, `/bao-cao-danh-gia/${lineId}`, { reason: 'Nói sai sự thật' }, reporter.cookie);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Đã gửi báo cáo');
    const twice = await postForm(shop.app, `/bao-cao-danh-gia/${lineId}`, { reason: 'Nói sai sự thật' }, reporter.cookie);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('Bạn đã báo cáo đánh giá này');
    expect((await postForm(shop.app, `/bao-cao-danh-gia/${lineId}`, { reason: 'Ẩn danh' })).status).toBe(401);
  });

  it('lets the province officer hide from the queue and restore from "Đã ẩn"; the mean follows; other provinces may not', async () => {
    const officer = await createTestAccount(shop.services, 'officer', { provinceCode: '91' });
    const stranger = await createTestAccount(shop.services, 'officer', { provinceCode: '01' });
    const admin = await createTestAccount(shop.services, 'admin');
    const queue = await (await shop.app.request('/quan-ly/tinh/danh-gia', { headers: officer.cookie })).text();
    expect(queue).toContain('Chờ xử lý (1)');
    expect(queue).toContain('Đang hiển thị · 1 báo cáo');
    expect(await (await shop.app.request('/quan-ly/tinh/danh-gia', { headers: stranger.cookie })).text()).toContain('Chờ xử lý (0)');
    expect(await (await shop.app.request('/quan-ly/tinh/danh-gia?tinh=91', { headers: admin.cookie })).text()).toContain('Chờ xử lý (1)');
    expect((await shop.services.reviews.productRating(shop.honey.id)).count).toBe(1);

    expect((await postForm(shop.app, `/quan-ly/tinh/danh-gia/${lineId}/kiem-duyet`, { action: 'hide', reason: 'Thử' }, stranger.cookie)).status).toBe(403);
    const short = await postForm(shop.app, `/quan-ly/tinh/danh-gia/${lineId}/kiem-duyet`, { action: 'hide', reason: 'x' }, officer.cookie);
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('Nêu lý do (ít nhất 3 ký tự)');
    const hidden = await postForm(shop.app, `/quan-ly/tinh/danh-gia/${lineId}/kiem-duyet`, { action: 'hide', reason: 'Nội dung không đúng' }, officer.cookie);
    expect(hidden.status).toBe(303);
    const after = await (await shop.app.request(hidden.headers.get('location')!, { headers: officer.cookie })).text();
    expect(after).toContain('Đã ẩn đánh giá');
    expect(after).toContain('Chờ xử lý (0)');
    expect(after).toContain('Đã ẩn (1)');
    expect(after).toContain('Đang ẩn · 1 báo cáo');
    expect((await shop.services.reviews.productRating(shop.honey.id)).count).toBe(0);
    const again = await postForm(shop.app, `/quan-ly/tinh/danh-gia/${lineId}/kiem-duyet`, { action: 'hide', reason: 'Lần hai' }, officer.cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Đánh giá đã bị ẩn');

    const restored = await postForm(shop.app, `/quan-ly/tinh/danh-gia/${lineId}/kiem-duyet?tinh=91`, { action: 'restore', reason: 'Đã xác minh lại' }, admin.cookie);
    expect(restored.status).toBe(303);
    expect(restored.headers.get('location')).toContain('tinh=91');
    expect((await shop.services.reviews.productRating(shop.honey.id)).count).toBe(1);
    expect(await (await shop.app.request('/quan-ly/tinh/danh-gia', { headers: officer.cookie })).text()).toContain('Đã ẩn (0)');
  });
});
