import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import { CART_COOKIE } from '../../shared/cart/owner';
import { CallCounter } from '../../shared/db/call-counter';
import { createTestAccount, TEST_PASSWORD } from '../authz/accounts';
import { postForm, sessionSetCookie } from '../identity/http';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { listedProduct } from './fixtures';

const cartPair = (res: Response) => res.headers.getSetCookie().filter((c) => c.startsWith(`${CART_COOKIE}=`)).at(-1)?.split(';')[0];

/** Every input and select has a label pointing at it. */
function expectLabelled(html: string) {
  const ids = [...html.matchAll(/<(?:input|select)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(html, `label for ${id}`).toContain(`for="${id}"`);
}

describe('cart pages (forms without JavaScript)', () => {
  let services: EdgeServices;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  const page = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { accept: 'text/html', ...headers } });

  it('the product page has the buy form: variant select, quantity, "Thêm vào giỏ" (POST) and "Mua ngay" (GET /thanh-toan)', async () => {
    const p = await listedProduct(services, {
      variants: [
        { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 90_000, stock: 0 },
        { id: 'can-1-lit', label: 'can 1 lít', priceVnd: 160_000, stock: 4 },
      ],
      priceVnd: 90_000,
      stock: 4,
    });
    const html = await (await page(`/san-pham/${p.id}`)).text();
    expect(html).toContain('action="/gio-hang/them"');
    expect(html).toContain(`name="product" value="${p.id}"`);
    expect(html).toMatch(/<select id="mua-phan-loai" name="variant" required="">/);
    expect(html).toMatch(/<option value="chai-500-ml" disabled="">chai 500 ml — 90\.000\u00a0₫ \(hết hàng\)<\/option>/);
    expect(html).toMatch(/<option value="can-1-lit" selected="">/);
    expect(html).toContain('name="qty" type="number"');
    expect(html).toContain('>Thêm vào giỏ</button>');
    expect(html).toMatch(/formmethod="get" formaction="\/thanh-toan">\s*Mua ngay/);
    expectLabelled(html);

    const soldOut = await listedProduct(services, { stock: 0 });
    const soldOutHtml = await (await page(`/san-pham/${soldOut.id}`)).text();
    expect(soldOutHtml).not.toContain('action="/gio-hang/them"');
    expect(soldOutHtml).toContain('chưa thể đặt mua');
  });

  it('a guest adds from the product page, comes back with a confirmation, and the header counts the line', async () => {
    const p = await listedProduct(services, { priceVnd: 75_000 });
    const before = await (await page(`/san-pham/${p.id}`)).text();
    expect(before).toContain('href="/gio-hang">Giỏ hàng</a>');

    const res = await postForm(app, '/gio-hang/them', { product: p.id, qty: '2' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/san-pham/${p.id}?gio-hang=da-them#mua`);
    const cookie = cartPair(res);
    expect(cookie).toBeDefined();
    const after = await (await page(`/san-pham/${p.id}?gio-hang=da-them`, { cookie: cookie! })).text();
    expect(after).toContain('Đã thêm vào giỏ hàng');
    expect(after).toMatch(/<span class="cart-count" aria-hidden="true">1<\/span><span class="sr-only">: 1 sản phẩm<\/span>/);

    const cart = await page('/gio-hang', { cookie: cookie! });
    expect(cart.status).toBe(200);
    expect(cart.headers.get('cache-control')).toBe('no-store');
    const html = await cart.text();
    expect(html).toContain(p.name);
    expect(html).toContain('75.000\u00a0₫ × 2 = <strong>150.000\u00a0₫</strong>');
    expect(html).toContain('Tạm tính: 150.000\u00a0₫');
    expect(html).toContain('href="/thanh-toan">Đặt hàng</a>');
    expect(html).toContain('aria-current="page"');
    expectLabelled(html);
  });

  it('updates a quantity, removes a line, and says so; a bad quantity is explained, not a crash', async () => {
    const p = await listedProduct(services);
    const cookie = cartPair(await postForm(app, '/gio-hang/them', { product: p.id, qty: '1' }))!;
    const updated = await postForm(app, '/gio-hang/cap-nhat', { product: p.id, qty: '5' }, { cookie });
    expect(updated.status).toBe(303);
    expect(updated.headers.get('location')).toBe('/gio-hang?xong=cap-nhat');
    const html = await (await page('/gio-hang?xong=cap-nhat', { cookie })).text();
    expect(html).toContain('Đã cập nhật số lượng.');
    expect(html).toContain('value="5"');

    const tooMany = await postForm(app, '/gio-hang/cap-nhat', { product: p.id, qty: '1000' }, { cookie });
    expect(tooMany.headers.get('location')).toBe('/gio-hang?loi=QUANTITY_OUT_OF_RANGE');
    expect(await (await page('/gio-hang?loi=QUANTITY_OUT_OF_RANGE', { cookie })).text()).toContain('Số lượng mỗi sản phẩm từ 1 đến 999.');
    const addTooMany = await postForm(app, '/gio-hang/them', { product: p.id, qty: '1e3' }, { cookie });
    expect(addTooMany.headers.get('location')).toBe(`/san-pham/${p.id}?gio-hang=QUANTITY_OUT_OF_RANGE#mua`);
    expect(await (await page(`/san-pham/${p.id}?gio-hang=QUANTITY_OUT_OF_RANGE`)).text()).toContain('Số lượng mỗi sản phẩm từ 1 đến 999.');
    // An unknown code in the URL shows nothing (no text is ever taken from the URL).
    expect(await (await page('/gio-hang?loi=<script>', { cookie })).text()).not.toContain('&lt;script&gt;');

    const removed = await postForm(app, '/gio-hang/xoa', { product: p.id }, { cookie });
    expect(removed.headers.get('location')).toBe('/gio-hang?xong=xoa');
    const empty = await (await page('/gio-hang?xong=xoa', { cookie })).text();
    expect(empty).toContain('Đã bỏ sản phẩm khỏi giỏ hàng.');
    expect(empty).toContain('Giỏ hàng đang trống.');
    expect(empty).not.toContain('class="cart-count"');
  });

  it('groups by storefront, greys a line the gate now hides (with the reason) and notes a changed price', async () => {
    const [a1, a2, b1] = await Promise.all([
      listedProduct(services, { producerId: 'htx-che', producerName: 'HTX Chè Tân Cương', priceVnd: 120_000 }),
      listedProduct(services, { producerId: 'htx-che', producerName: 'HTX Chè Tân Cương', priceVnd: 60_000 }),
      listedProduct(services, { producerId: 'htx-ca-phe', producerName: 'HTX Cà phê Cầu Đất', priceVnd: 200_000 }),
    ]);
    let cookie = '';
    for (const p of [a1, b1, a2]) {
      const res = await postForm(app, '/gio-hang/them', { product: p.id, qty: '1' }, cookie ? { cookie } : {});
      cookie ||= cartPair(res)!;
    }
    const later = '2026-11-23T05:00:00.000Z';
    await services.catalog.saveProduct({ ...a2, certificate: makeCertificateSnapshot({ stars: 2 }), updatedAt: later }, a2);
    await services.catalog.saveProduct({ ...b1, priceVnd: 210_000, updatedAt: later }, b1);

    const html = await (await page('/gio-hang', { cookie })).text();
    const tea = html.indexOf('HTX Chè Tân Cương');
    const coffee = html.indexOf('HTX Cà phê Cầu Đất');
    expect(tea).toBeGreaterThan(0);
    expect(coffee).toBeGreaterThan(tea);
    expect(html).toMatch(/<li class="cart-line unavailable"[^>]*>[\s\S]*?Sản phẩm chưa đạt OCOP 3 sao/);
    expect(html).toContain('Giá đã thay đổi: trước 200.000\u00a0₫, nay 210.000\u00a0₫.');
    // The hidden line is left out of its storefront's subtotal.
    expect(html).toContain('Tạm tính: 120.000\u00a0₫');
    expect(html).toContain('Tạm tính: 210.000\u00a0₫');
    expect(html).toContain('Tổng tạm tính: 330.000\u00a0₫');
    expect(html).toContain('1 sản phẩm hiện không đặt được');
  });

  it('moves the guest cart into the account at the sign-in form, and clears the cart cookie', async () => {
    const p = await listedProduct(services);
    const who = await createTestAccount(services, 'shopper');
    const cookie = cartPair(await postForm(app, '/gio-hang/them', { product: p.id, qty: '3' }))!;
    const login = await postForm(app, '/dang-nhap', { email: who.account.email, password: TEST_PASSWORD, next: '/gio-hang' }, { cookie });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/gio-hang');
    expect(login.headers.getSetCookie().find((c) => c.startsWith(`${CART_COOKIE}=`))).toMatch(/Max-Age=0/);
    const session = sessionSetCookie(login)!.split(';')[0]!;
    const html = await (await page('/gio-hang', { cookie: session })).text();
    expect(html).toContain(p.name);
    expect(html).toContain('value="3"');
    expect(await services.carts.linesOf({ kind: 'account', accountId: who.account.id })).toEqual([{ productId: p.id, quantity: 3 }]);
  });

  it('refuses a cart form posted from another site (403)', async () => {
    const p = await listedProduct(services);
    const res = await postForm(app, '/gio-hang/them', { product: p.id, qty: '1' }, { origin: 'https://ke-xau.example' });
    expect(res.status).toBe(403);
    expect(cartPair(res)).toBeUndefined();
  });

  it('the header reads nothing without a cookie or session, and one GetItem with one', async () => {
    const p = await listedProduct(services);
    const cookie = cartPair(await postForm(app, '/gio-hang/them', { product: p.id, qty: '1' }))!;
    const counter = new CallCounter().attach(services.dynamo);
    try {
      counter.reset();
      expect((await page(`/san-pham/${p.id}`)).status).toBe(200);
      // The product page's own reads: the product, its buyers' rating item, its newest reviews, and the
      // points of sale carrying it ("Mua trực tiếp": by product and by storefront, 2 Queries).
      const without = counter.snapshot();
      expect(without).toEqual({ GetItem: 2, Query: 3 });
      counter.reset();
      expect((await page(`/san-pham/${p.id}`, { cookie })).status).toBe(200);
      // The header adds exactly the cart item, no product read for the count.
      expect(counter.snapshot()).toEqual({ ...without, GetItem: without.GetItem! + 1 });
    } finally {
      services.dynamo.middlewareStack.remove('ocopCallCounter');
    }
  });
});
