import { beforeAll, describe, expect, it } from 'vitest';
import { addToCart } from '../../shared/cart/service';
import { PHONE_MESSAGE } from '../../shared/identity/phone';
import { StripeCardProvider } from '../../shared/payments/stripe-provider';
import { ManualClock } from '../../shared/time/clock';
import { FakeStripeHttpClient } from '../support/fake-stripe';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { openShop, type Shop } from './fixtures';
import { hiddenFields, orderOf, pageForm, submitCheckout, typedAddress } from './web-support';

const get = (shop: Shop, path: string, who?: TestAccount) => shop.app.request(path, { headers: { accept: 'text/html', ...(who?.cookie ?? {}) } });
const orderIdIn = (location: string | null) => /^\/don-hang\/(dh[0-9a-z]{16})/.exec(location ?? '')?.[1];

describe('orders pages: checkout, the order page, the storefront queue', () => {
  let shop: Shop;

  beforeAll(async () => {
    shop = await openShop();
  });

  describe('checkout', () => {
    it('sends a visitor to sign in and back to the same checkout, "Mua ngay" query included', async () => {
      const res = await get(shop, '/thanh-toan?product=tra-b1&variant=goi-100g&qty=2');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent('/thanh-toan?product=tra-b1&variant=goi-100g&qty=2')}`);
    });

    it('shows the cart grouped per storefront with each storefront shipping, VietQR disabled with the reason', async () => {
      const buyer = await createTestAccount(shop.services, 'shopper');
      const owner = { kind: 'account' as const, accountId: buyer.account.id };
      await addToCart(shop.services, owner, { productId: shop.honey.id, quantity: 2 });
      await addToCart(shop.services, owner, { productId: shop.tea.id, variantId: 'hop-250g', quantity: 1 });
      const res = await get(shop, '/thanh-toan', buyer);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('1. HTX Mật ong A');
      expect(html).toContain('2. HTX Trà B');
      // A: 2 × 150.000 + 30.000 shipping; B: 200.000 + 25.000; total 555.000.
      expect(html).toMatch(/Phí giao hàng<\/dt><dd>30\.000\u00a0₫/);
      expect(html).toMatch(/Phí giao hàng<\/dt><dd>25\.000\u00a0₫/);
      expect(html).toContain('555.000\u00a0₫');
      expect(html).toMatch(/<input id="truong-paymentMethod-cod" type="radio" name="paymentMethod" value="cod" checked=""/);
      expect(html).toMatch(/value="vietqr" disabled=""/);
      expect(html).toContain('gian hàng HTX Mật ong A chưa đăng ký tài khoản nhận chuyển khoản');
      // No card provider in tests: the option is not offered at all.
      expect(html).not.toContain('value="card"');
      expect(html).toContain('Thanh toán khi nhận hàng');
      const provinceOptions = html.match(/<select id="truong-provinceCode"[\s\S]*?<\/select>/)?.[0].match(/<option value="\d+"/g) ?? [];
      expect(provinceOptions).toHaveLength(34);
      const hidden = hiddenFields(html);
      expect(hidden.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(hidden.lines.sort()).toEqual([`${shop.honey.id}||2`, `${shop.tea.id}|hop-250g|1`]);
    });

    it('shows a line that cannot be bought with its reason and leaves it out', async () => {
      const buyer = await createTestAccount(shop.services, 'shopper');
      const res = await get(shop, `/thanh-toan?product=${shop.fishSauce.id}&qty=500`, buyer);
      const html = await res.text();
      expect(html).toContain('Chỉ còn 20, bạn chọn 500');
      expect(html).toContain('Chưa có sản phẩm nào để đặt');
      expect(hiddenFields(html).lines).toEqual([]);
    });

    it('a bad phone redisplays the form with the error and what was typed; the same form then places one order, twice submitted', async () => {
      const buyer = await createTestAccount(shop.services, 'shopper');
      const owner = { kind: 'account' as const, accountId: buyer.account.id };
      await addToCart(shop.services, owner, { productId: shop.honey.id, quantity: 1 });
      await addToCart(shop.services, owner, { productId: shop.tea.id, variantId: 'goi-100g', quantity: 2 });
      const hidden = hiddenFields(await (await get(shop, '/thanh-toan', buyer)).text());

      const bad = await submitCheckout(shop.app, buyer, hidden, { ...typedAddress, phone: '12345', note: 'Gọi trước 30 phút', paymentMethod: 'cod' });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain(PHONE_MESSAGE);
      expect(html).toMatch(/id="truong-phone"[^>]*value="12345"[^>]*aria-invalid="true"/);
      expect(html).toContain('value="Nguyễn Thị Lan"');
      expect(html).toContain('Gọi trước 30 phút</textarea>');
      expect(html).toMatch(/<option value="01" selected="">/);
      // The same key stays in the form: nothing was placed.
      expect(hiddenFields(html).key).toBe(hidden.key);

      const typed = { ...typedAddress, note: 'Gọi trước 30 phút', paymentMethod: 'cod', saveAddress: '1' };
      const first = await submitCheckout(shop.app, buyer, hidden, typed);
      expect(first.status).toBe(303);
      const orderId = orderIdIn(first.headers.get('location'));
      expect(orderId).toBeDefined();
      expect(first.headers.get('location')).toBe(`/don-hang/${orderId}?da-luu=dat-hang`);
      // A double click / resubmit of the same form: the same order, nothing reserved twice.
      const again = await submitCheckout(shop.app, buyer, hidden, typed);
      expect(again.status).toBe(303);
      expect(orderIdIn(again.headers.get('location'))).toBe(orderId);
      const { items } = await shop.services.orders.listBuyerOrders(buyer.account.id, 10);
      expect(items.map((o) => o.id)).toEqual([orderId]);
      // The bought lines left the cart; the address was saved and is offered next time.
      expect(await shop.services.carts.linesOf(owner)).toEqual([]);
      const order = await (await get(shop, `/don-hang/${orderId}?da-luu=dat-hang`, buyer)).text();
      expect(order).toContain('Đã đặt hàng.');
      expect(order).toContain('Phần 1: HTX Mật ong A');
      expect(order).toContain('Phần 2: HTX Trà B');
      expect(order).toContain('Thanh toán khi nhận hàng');
      expect(order).toContain('12 Phan Đình Phùng, phường Ba Đình, thành phố Hà Nội');
      await addToCart(shop.services, owner, { productId: shop.honey.id, quantity: 1 });
      const next = await (await get(shop, '/thanh-toan', buyer)).text();
      expect(next).toMatch(/<input id="truong-savedAddress-0" type="radio" name="savedAddress" value="0" checked=""\/><span>Nguyễn Thị Lan, 0912345678 — 12 Phan Đình Phùng/);
    });

    it('an item sold out since the form was shown is a clear message on the form, which keeps what was typed', async () => {
      const buyer = await createTestAccount(shop.services, 'shopper');
      const owner = { kind: 'account' as const, accountId: buyer.account.id };
      await addToCart(shop.services, owner, { productId: shop.honey.id, quantity: 1 });
      await addToCart(shop.services, owner, { productId: shop.tea.id, variantId: 'hop-250g', quantity: 5 });
      const hidden = hiddenFields(await (await get(shop, '/thanh-toan', buyer)).text());
      expect(hidden.lines).toContain(`${shop.tea.id}|hop-250g|5`);
      const other = await createTestAccount(shop.services, 'shopper');
      await orderOf(shop.services, other, [{ productId: shop.tea.id, variantId: 'hop-250g', quantity: 3 }]);
      const res = await submitCheckout(shop.app, buyer, hidden, { ...typedAddress, paymentMethod: 'cod' });
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toMatch(/<h2 id="tom-tat-loi">&quot;[^<]*hộp 250 g\)&quot; chỉ còn 2<\/h2>/);
      expect(html).toContain('Chỉ còn 2, bạn chọn 5');
      expect(html).toContain('value="Nguyễn Thị Lan"');
      // What is left can be ordered with the same form.
      expect(hiddenFields(html).lines).toEqual([`${shop.honey.id}||1`]);
      expect((await submitCheckout(shop.app, buyer, hiddenFields(html), { ...typedAddress, paymentMethod: 'cod' })).status).toBe(303);
    });
  });

  describe('order page and storefront moves', () => {
    let buyer: TestAccount;
    let vietqrOrder: string;

    beforeAll(async () => {
      buyer = await createTestAccount(shop.services, 'shopper');
      const hidden = hiddenFields(await (await get(shop, `/thanh-toan?product=${shop.tea.id}&variant=goi-100g&qty=2`, buyer)).text());
      expect(hidden.source).toBe('mua-ngay');
      const res = await submitCheckout(shop.app, buyer, hidden, { ...typedAddress, paymentMethod: 'vietqr' });
      expect(res.status).toBe(303);
      vietqrOrder = orderIdIn(res.headers.get('location'))!;
    });

    it('shows the VietQR image and every transfer field in text', async () => {
      const res = await get(shop, `/don-hang/${vietqrOrder}`, buyer);
      expect(res.status).toBe(200);
      const html = await res.text();
      const sub = `${vietqrOrder}-1`;
      expect(html).toContain(`<img src="/api/sub-orders/${sub}/vietqr.svg" alt="Mã VietQR chuyển 205.000\u00a0₫ đến HTX TRA B`);
      expect(html).toMatch(/<dt>Số tài khoản<\/dt><dd>0123456789<\/dd>/);
      expect(html).toMatch(/<dt>Chủ tài khoản<\/dt><dd>HTX TRA B<\/dd>/);
      expect(html).toMatch(/<dt>Ngân hàng<\/dt><dd>[^<]+<\/dd>/);
      expect(html).toMatch(/<dt>Số tiền<\/dt><dd>205\.000\u00a0₫<\/dd>/);
      expect(html).toContain(`<dt>Nội dung chuyển khoản</dt><dd>OCOP ${sub.replace('-', ' ').toUpperCase()}</dd>`);
      expect(html).toContain('chuyển đúng nội dung để cơ sở đối chiếu');
      // Due 30 minutes after placement (03:00Z), in Vietnam time.
      expect(html).toMatch(/<dt>Hạn chuyển khoản<\/dt><dd><time datetime="2026-11-23T03:30:00.000Z">10:30 23\/11\/2026<\/time>/);
      const svg = await get(shop, `/api/sub-orders/${sub}/vietqr.svg`, buyer);
      expect(svg.status).toBe(200);
      expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    });

    it('another shopper gets the 404 page, a visitor the sign-in', async () => {
      const stranger = await createTestAccount(shop.services, 'shopper');
      const res = await get(shop, `/don-hang/${vietqrOrder}`, stranger);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('HTX TRA B');
      expect((await get(shop, `/don-hang/${vietqrOrder}`)).status).toBe(303);
      expect((await pageForm(shop.app, `/don-hang/${vietqrOrder}/huy`, { subOrder: `${vietqrOrder}-1` }, stranger)).status).toBe(404);
    });

    it('the storefront confirms the transfer; the buyer sees it paid and the history', async () => {
      const sub = `${vietqrOrder}-1`;
      const queue = await (await get(shop, '/co-so-cua-toi/don-hang?trang-thai=pending_payment', shop.ownerB)).text();
      expect(queue).toContain(`<a href="/co-so-cua-toi/don-hang/${sub}">${sub}</a>`);
      const page = await (await get(shop, `/co-so-cua-toi/don-hang/${sub}`, shop.ownerB)).text();
      expect(page).toContain('Xác nhận đã nhận chuyển khoản');
      expect(page).toContain('<a href="tel:+84912345678">0912345678</a>');
      const res = await pageForm(shop.app, `/co-so-cua-toi/don-hang/${sub}/chuyen`, { to: 'confirmed' }, shop.ownerB);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/co-so-cua-toi/don-hang/${sub}?da-luu=confirmed`);
      const order = await (await get(shop, `/don-hang/${vietqrOrder}`, buyer)).text();
      expect(order).toContain('Đã thanh toán');
      expect(order).toMatch(/10:00 23\/11\/2026<\/time> — Cơ sở: Chờ thanh toán → <strong>Đã xác nhận<\/strong>/);
      expect(order).not.toContain('vietqr.svg');
    });

    it('the storefront packs, is refused shipping without a tracking code, ships with one; the buyer sees it shipped', async () => {
      const orderId = await orderOf(shop.services, buyer, [{ productId: shop.honey.id, quantity: 1 }]);
      const sub = `${orderId}-1`;
      const move = (form: Record<string, string>, who: TestAccount = shop.ownerA) => pageForm(shop.app, `/co-so-cua-toi/don-hang/${sub}/chuyen`, form, who);

      const queue = await (await get(shop, '/co-so-cua-toi/don-hang', shop.ownerA)).text();
      expect(queue).toContain('aria-current="page">Cần chuẩn bị</a>');
      expect(queue).toContain(`>${sub}</a>`);
      expect(queue).toContain('Nguyễn Thị Lan');

      // Another storefront cannot touch it; an illegal jump is shown on the page.
      expect((await move({ to: 'packed' }, shop.ownerB)).status).toBe(403);
      const jump = await move({ to: 'delivered' });
      expect(jump.status).toBe(409);
      expect(await jump.text()).toContain('Đơn vừa đổi trạng thái');

      expect((await move({ to: 'packed' })).status).toBe(303);
      const missing = await move({ to: 'shipped', carrier: 'Viettel Post', trackingCode: '' });
      expect(missing.status).toBe(400);
      const missingHtml = await missing.text();
      expect(missingHtml).toContain('Nhập mã vận đơn');
      expect(missingHtml).toMatch(/<option value="Viettel Post" selected="">/);
      const badCode = await move({ to: 'shipped', carrier: 'Viettel Post', trackingCode: 'mã có dấu' });
      expect(badCode.status).toBe(400);
      expect(await badCode.text()).toContain('Mã vận đơn gồm 4–40 chữ, số hoặc dấu gạch');

      const shipped = await move({ to: 'shipped', carrier: 'Viettel Post', trackingCode: 'VTP-123456789' });
      expect(shipped.status).toBe(303);
      const page = await (await get(shop, `/co-so-cua-toi/don-hang/${sub}?da-luu=shipped`, shop.ownerA)).text();
      expect(page).toContain('Đã ghi nhận: hàng đã giao cho đơn vị vận chuyển');
      expect(page).toContain('>Đã giao</button>');

      const order = await (await get(shop, `/don-hang/${orderId}`, buyer)).text();
      expect(order).toContain('<span class="status status-shipped">Đang giao</span>');
      expect(order).toContain('Vận chuyển: <strong>Viettel Post</strong>, mã vận đơn <strong>VTP-123456789</strong>');
      // Shipped: no cancel any more.
      expect(order).not.toContain('Huỷ phần đơn này');

      expect((await move({ to: 'delivered' })).status).toBe(303);
      const delivered = await (await get(shop, `/don-hang/${orderId}`, buyer)).text();
      expect(delivered).toContain('Đã nhận hàng</button>');
      // Delivered lines link to their review form; a shipped one did not.
      expect(delivered).toContain(`href="/danh-gia/${orderId}/${sub}.0"`);
      expect(order).not.toContain('/danh-gia/');
      const received = await pageForm(shop.app, `/don-hang/${orderId}/da-nhan`, { subOrder: sub }, buyer);
      expect(received.status).toBe(303);
      expect((await shop.services.orders.getSubOrder(orderId, 1))?.status).toBe('completed');
    });

    it('the buyer cancels a confirmed part and the producer must give a reason to cancel', async () => {
      const orderId = await orderOf(shop.services, buyer, [
        { productId: shop.honey.id, quantity: 1 },
        { productId: shop.tea.id, variantId: 'goi-100g', quantity: 1 },
      ]);
      const page = await (await get(shop, `/don-hang/${orderId}`, buyer)).text();
      expect(page.match(/Huỷ phần đơn này/g)).toHaveLength(2);
      const cancel = await pageForm(shop.app, `/don-hang/${orderId}/huy`, { subOrder: `${orderId}-1`, reason: 'Đặt nhầm' }, buyer);
      expect(cancel.status).toBe(303);
      expect(cancel.headers.get('location')).toBe(`/don-hang/${orderId}?da-luu=huy#${orderId}-1`);
      expect((await shop.services.orders.getSubOrder(orderId, 1))?.status).toBe('cancelled');
      expect((await shop.services.orders.getSubOrder(orderId, 2))?.status).toBe('confirmed');

      const noReason = await pageForm(shop.app, `/co-so-cua-toi/don-hang/${orderId}-2/chuyen`, { to: 'cancelled', reason: '' }, shop.ownerB);
      expect(noReason.status).toBe(400);
      expect(await noReason.text()).toContain('Nhập lý do huỷ');
    });

    it('lists the buyer orders with their Vietnamese statuses and the latest notices', async () => {
      const res = await get(shop, '/don-hang', buyer);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<a href="/don-hang/${vietqrOrder}">${vietqrOrder}</a>`);
      expect(html).toContain('Hoàn tất');
      expect(html).toContain('Đã huỷ');
      expect(html).toContain('Thông báo mới');
      expect(html).toContain('<a href="/don-hang" aria-current="page">Đơn hàng</a>');
    });

    it('the queue is for storefront owners: a shopper is refused, a visitor signs in', async () => {
      expect((await get(shop, '/co-so-cua-toi/don-hang', buyer)).status).toBe(403);
      expect((await get(shop, '/co-so-cua-toi/don-hang')).headers.get('location')).toBe('/dang-nhap?next=%2Fco-so-cua-toi%2Fdon-hang');
      expect((await get(shop, `/co-so-cua-toi/don-hang/${vietqrOrder}-1`, shop.ownerA)).status).toBe(404);
    });
  });

  describe('card payments (Stripe configured)', () => {
    let card: Shop;

    beforeAll(async () => {
      const clock = new ManualClock('2026-11-23T03:00:00Z');
      card = await openShop({ clock });
      Object.assign(card.services, { cardPayments: new StripeCardProvider({ secretKey: 'sk_test_ocop', webhookSecret: 'whsec_test_ocop_web', httpClient: new FakeStripeHttpClient(), clock }) });
    });

    it('offers the card, sends the buyer to Stripe Checkout, and the order page pays again by the same page', async () => {
      const buyer = await createTestAccount(card.services, 'shopper');
      const html = await (await get(card, `/thanh-toan?product=${card.honey.id}&qty=1`, buyer)).text();
      expect(html).toContain('Thẻ quốc tế (Stripe)');
      const res = await submitCheckout(card.app, buyer, hiddenFields(html), { ...typedAddress, paymentMethod: 'card' });
      expect(res.status).toBe(303);
      const checkoutUrl = res.headers.get('location')!;
      expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
      const { items } = await card.services.orders.listBuyerOrders(buyer.account.id, 1);
      const orderId = items[0]!.id;
      const page = await (await get(card, `/don-hang/${orderId}`, buyer)).text();
      expect(page).toContain('>Thanh toán bằng thẻ</button>');
      expect(page).toContain('Chờ thanh toán');
      const again = await pageForm(card.app, `/don-hang/${orderId}/thanh-toan-the`, {}, buyer);
      expect(again.status).toBe(303);
      expect(again.headers.get('location')).toBe(checkoutUrl);
    });
  });
});
