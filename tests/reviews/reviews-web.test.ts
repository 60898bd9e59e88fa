import { beforeAll, describe, expect, it } from 'vitest';
import { openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, reviewRequest } from './fixtures';

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
});
