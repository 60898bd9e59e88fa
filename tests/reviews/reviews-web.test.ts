import { beforeAll, describe, expect, it } from 'vitest';
import { openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, reviewRequest } from './fixtures';
import { postForm } from '../identity/http';

describe('reviews on the product page and the storefront', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
  });

  it('escapes review and reply text, shows the mean as buyers\' rating (not the OCOP badge), and the storefront mean', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }, { productId: shop.fishSauce.id, quantity: 1 }]);
    const sub = order.subOrders[0]!;
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & "ngon"';
    expect((await reviewRequest(shop, shop.shopper, order.id, `${sub.id}.0`, { stars: 4, text: evil })).status).toBe(201);
    expect((await reviewRequest(shop, shop.shopper, order.id, `${sub.id}.1`, { stars: 5, text: 'Rất thơm' })).status).toBe(201);
    const reply = await shop.app.request(`/api/reviews/${sub.id}.0/reply`, {
      method: 'POST',
      headers: { ...shop.ownerA.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '<b>Cảm ơn</b> quý khách' }),
    });
    expect(reply.status).toBe(201);

    const html = await (await shop.app.request(`/san-pham/${shop.honey.id}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Cảm ơn</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;ngon&quot;');
    expect(html).toContain('&lt;b&gt;Cảm ơn&lt;/b&gt; quý khách');
    expect(html).toContain('Đánh giá của người mua');
    expect(html).toContain('Đây không phải số sao OCOP');
    expect(html).toContain('data-rating-mean="4"');
    // The buyers' rating carries its own label, never the OCOP badge's.
    expect(html).toMatch(/aria-label="Người mua đánh giá 4,0 trên 5, 1 đánh giá"/);

    const storefront = await (await shop.app.request('/co-so/htx-a')).text();
    expect(storefront).toContain('data-rating-mean="4.5"');
    expect(storefront).toContain('4,5/5');
    expect(storefront).toContain('2 đánh giá của người mua');
    // Cards: the product list and the storefront's cards carry each product's buyers' rating.
    const list = await (await shop.app.request('/san-pham')).text();
    expect(list).toContain('aria-label="Người mua đánh giá 4,0 trên 5, 1 đánh giá"');
    expect(list).toContain('aria-label="Người mua đánh giá 5,0 trên 5, 1 đánh giá"');
    expect(storefront).toContain('aria-label="Người mua đánh giá 4,0 trên 5, 1 đánh giá"');
  });

  it('says there is no rating yet on a product without reviews', async () => {
    const html = await (await shop.app.request(`/san-pham/${shop.tea.id}`)).text();
    expect(html).toContain('Chưa có đánh giá của người mua.');
  });
  it('lets the buyer write, then edit, a review through the page form (no JavaScript), back to the product page', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.tea.id, variantId: 'goi-100g', quantity: 1 }]);
    const path = `/danh-gia/${order.id}/${order.subOrders[0]!.id}.0`;
    const form = await shop.app.request(path, { headers: shop.shopper.cookie });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('Phân loại: gói 100 g');
    expect(formHtml).toContain('không phải số sao OCOP');
    expect((await shop.app.request(path)).status).toBe(303); // to sign-in
    const stranger = await (await import('../authz/accounts')).createTestAccount(shop.services, 'shopper');
    expect((await shop.app.request(path, { headers: stranger.cookie })).status).toBe(404);
    const bad = await postForm(shop.app, path, { stars: '9', text: '' }, shop.shopper.cookie);
    expect(bad.status).toBe(400);
    const sent = await postForm(shop.app, path, { stars: '3', text: 'Trà hơi chát <3' }, shop.shopper.cookie);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/san-pham/${shop.tea.id}#danh-gia-${order.subOrders[0]!.id}.0`);
    const edited = await postForm(shop.app, path, { stars: '5', text: 'Pha lần hai rất ngon' }, shop.shopper.cookie);
    expect(edited.status).toBe(303);
    const page = await (await shop.app.request(`/san-pham/${shop.tea.id}`)).text();
    expect(page).toContain('Pha lần hai rất ngon');
    expect(page).toContain('Đã chỉnh sửa');
    expect(page).toContain('data-rating-mean="5"');
  });
});
