import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import { MAX_CART_LINES } from '../../shared/cart/cart-lines';
import { cartKey } from '../../shared/cart/keys';
import { CART_COOKIE } from '../../shared/cart/owner';
import type { CartView } from '../../shared/cart/schemas';
import { CART_TTL_SECONDS } from '../../shared/cart/store';
import type { Product } from '../../shared/catalog/product';
import { CallCounter } from '../../shared/db/call-counter';
import { createTestAccount, TEST_PASSWORD } from '../authz/accounts';
import { bearer, freshIp, ORIGIN, postJson } from '../identity/http';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import { fromAddress } from '../support/client-address';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import type { ManualClock } from '../../shared/time/clock';
import { listedProduct } from './fixtures';

/** The `ocop_cart=…` pair a response set, if any (the whole Set-Cookie line in `line`). */
function cartCookieOf(res: Response): { pair: string; line: string } | undefined {
  const line = res.headers.getSetCookie().filter((c) => c.startsWith(`${CART_COOKIE}=`)).at(-1);
  return line ? { pair: line.split(';')[0]!, line } : undefined;
}

describe('cart API (DynamoDB Local)', () => {
  let services: EdgeServices;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  /** A request as a browser sends it: JSON, same-origin, with whatever cookie or token is given. */
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    app.request(
      path,
      {
        method,
        headers: { accept: 'application/json', origin: ORIGIN, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      fromAddress(freshIp()),
    );
  const getCart = async (headers: Record<string, string>) => {
    const res = await send('GET', '/api/cart', headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as CartView;
  };
  const linesOf = (view: CartView) => view.storefronts.flatMap((s) => s.lines);

  /** A guest's first add: the cart cookie comes back with it. */
  async function guestWith(product: Product, quantity = 1): Promise<Record<string, string>> {
    const res = await send('POST', '/api/cart/items', {}, { productId: product.id, quantity });
    expect(res.status).toBe(200);
    const cookie = cartCookieOf(res);
    expect(cookie).toBeDefined();
    return { cookie: cookie!.pair };
  }

  it('a guest adds, adds again (summed), sets and removes; the cookie is HttpOnly, SameSite=Lax, 30 days', async () => {
    const honey = await listedProduct(services, { priceVnd: 150_000, producerId: 'htx-mat-ong', producerName: 'HTX Mật ong' });
    const first = await send('POST', '/api/cart/items', {}, { productId: honey.id, quantity: 2 });
    expect(first.status).toBe(200);
    const set = cartCookieOf(first)!;
    expect(set.pair).toMatch(new RegExp(`^${CART_COOKIE}=[A-Za-z0-9_-]{22}$`));
    expect(set.line).toContain('HttpOnly');
    expect(set.line).toContain('SameSite=Lax');
    expect(set.line).toContain('Path=/');
    expect(set.line).toContain(`Max-Age=${CART_TTL_SECONDS}`);
    expect(set.line).not.toContain('Secure'); // plain http on the test stage; https everywhere else
    const afterFirst = (await first.json()) as CartView;
    expect(linesOf(afterFirst)).toEqual([
      expect.objectContaining({ productId: honey.id, quantity: 2, unitPriceVnd: 150_000, lineTotalVnd: 300_000, available: true, producerName: 'HTX Mật ong' }),
    ]);
    const guest = { cookie: set.pair };

    expect((await send('POST', '/api/cart/items', guest, { productId: honey.id, quantity: 3 })).status).toBe(200);
    expect(linesOf(await getCart(guest)).map((l) => l.quantity)).toEqual([5]);

    const setRes = await send('PUT', '/api/cart/items', guest, { productId: honey.id, quantity: 7 });
    expect(setRes.status).toBe(200);
    expect(((await setRes.json()) as CartView).storefronts[0]).toMatchObject({ producerId: 'htx-mat-ong', subtotalVnd: 7 * 150_000 });

    const removed = await send('PUT', '/api/cart/items', guest, { productId: honey.id, quantity: 0 });
    expect(((await removed.json()) as CartView).lineCount).toBe(0);

    await send('POST', '/api/cart/items', guest, { productId: honey.id, quantity: 1 });
    const deleted = await send('DELETE', `/api/cart/items?productId=${honey.id}`, guest);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as CartView).lineCount).toBe(0);
    expect((await getCart(guest)).lineCount).toBe(0);
  });

  it('stores one item per cart with the lines, a version and a 30-day ttl (epoch seconds)', async () => {
    const p = await listedProduct(services, { priceVnd: 42_000 });
    const guest = await guestWith(p, 3);
    const cartId = guest.cookie!.split('=')[1]!;
    const { Item } = await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: cartKey({ kind: 'guest', cartId }) }));
    expect(Item).toMatchObject({ PK: `CART#G#${cartId}`, SK: 'CART', version: 1, lines: [{ productId: p.id, quantity: 3, addedPriceVnd: 42_000, addedAt: services.clock.now().toISOString() }] });
    expect(Item!.ttl).toBe(Math.floor(services.clock.now().getTime() / 1000) + CART_TTL_SECONDS);
  });

  it('a signed-in caller (Bearer) uses the account cart, whatever the role; the cart survives across sessions', async () => {
    const p = await listedProduct(services);
    for (const role of ['shopper', 'producer', 'officer', 'admin'] as const) {
      const who = await createTestAccount(services, role, role === 'producer' ? { producerId: 'htx-ai-do' } : {});
      const res = await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 1 });
      expect(res.status, role).toBe(200);
      expect(cartCookieOf(res), role).toBeUndefined();
      expect(await services.carts.linesOf({ kind: 'account', accountId: who.account.id })).toEqual([{ productId: p.id, quantity: 1 }]);
    }
  });

  it(`refuses a ${MAX_CART_LINES + 1}st line with 409 CART_FULL and a quantity of 1000 with 400`, async () => {
    const products = await Promise.all(Array.from({ length: MAX_CART_LINES + 1 }, () => listedProduct(services)));
    const who = await createTestAccount(services, 'shopper');
    for (const p of products.slice(0, MAX_CART_LINES)) expect((await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 1 })).status).toBe(200);
    const full = await send('POST', '/api/cart/items', who.bearer, { productId: products[MAX_CART_LINES]!.id, quantity: 1 });
    expect(full.status).toBe(409);
    expect((await expectErrorShape(full, 'CART_FULL')).error.details).toEqual({ maxLines: MAX_CART_LINES });
    // Adding to a line already there is still fine.
    expect((await send('POST', '/api/cart/items', who.bearer, { productId: products[0]!.id, quantity: 1 })).status).toBe(200);
    expect((await getCart(who.bearer)).lineCount).toBe(MAX_CART_LINES);

    const tooMany = await send('POST', '/api/cart/items', who.bearer, { productId: products[1]!.id, quantity: 1000 });
    expect(tooMany.status).toBe(400);
    await expectErrorShape(tooMany, 'INVALID_INPUT');
    const sumTooMany = await send('POST', '/api/cart/items', who.bearer, { productId: products[1]!.id, quantity: 999 });
    expect(sumTooMany.status).toBe(400);
    await expectErrorShape(sumTooMany, 'QUANTITY_OUT_OF_RANGE');
    expect((await send('PUT', '/api/cart/items', who.bearer, { productId: products[1]!.id, quantity: 1000 })).status).toBe(400);
    expect((await send('PUT', '/api/cart/items', who.bearer, { productId: products[1]!.id, quantity: 999 })).status).toBe(200);
  });

  it('keeps every line when ten different products are added to one cart at once', async () => {
    const products = await Promise.all(Array.from({ length: 10 }, () => listedProduct(services)));
    const who = await createTestAccount(services, 'shopper');
    const answers = await Promise.all(products.map((p, i) => send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: i + 1 })));
    expect(answers.map((r) => r.status)).toEqual(products.map(() => 200));
    const lines = linesOf(await getCart(who.bearer));
    expect(lines.map((l) => [l.productId, l.quantity]).sort()).toEqual(products.map((p, i) => [p.id, i + 1]).sort());
    // And the same line added concurrently: every unit counted.
    await Promise.all(Array.from({ length: 6 }, () => send('POST', '/api/cart/items', who.bearer, { productId: products[0]!.id, quantity: 2 })));
    expect(linesOf(await getCart(who.bearer)).find((l) => l.productId === products[0]!.id)?.quantity).toBe(1 + 12);
  });

  it('moves a guest cart into the account cart at API sign-in (quantities summed), deletes it and clears the cookie', async () => {
    const [a, b] = await Promise.all([listedProduct(services), listedProduct(services)]);
    const who = await createTestAccount(services, 'shopper');
    await send('POST', '/api/cart/items', who.bearer, { productId: a.id, quantity: 1 });
    const guest = await guestWith(a, 2);
    await send('POST', '/api/cart/items', guest, { productId: b.id, quantity: 4 });

    const login = await postJson(app, '/api/auth/login', { email: who.account.email, password: TEST_PASSWORD }, { ...guest, origin: ORIGIN });
    expect(login.status).toBe(200);
    const cleared = cartCookieOf(login);
    expect(cleared?.line).toMatch(/Max-Age=0/);
    const { token } = (await login.json()) as { token: string };

    const lines = linesOf(await getCart(bearer(token)));
    expect(lines.map((l) => [l.productId, l.quantity])).toEqual([
      [a.id, 3],
      [b.id, 4],
    ]);
    // The guest cart is gone: its old cookie now names an empty cart.
    expect((await getCart(guest)).lineCount).toBe(0);
    expect(await services.carts.get({ kind: 'guest', cartId: guest.cookie!.split('=')[1]! })).toBeUndefined();
  });

  it('re-checks every line on read: a product hidden since it was added is unavailable with the reason; a changed price is flagged', async () => {
    const [hidden, repriced, fine] = await Promise.all([
      listedProduct(services, { priceVnd: 50_000 }),
      listedProduct(services, { priceVnd: 80_000 }),
      listedProduct(services, { priceVnd: 20_000 }),
    ]);
    const who = await createTestAccount(services, 'shopper');
    for (const p of [hidden, repriced, fine]) await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 2 });

    const later = '2026-11-23T04:00:00.000Z';
    await services.catalog.saveProduct({ ...hidden, certificate: makeCertificateSnapshot({ status: 'revoked' }), updatedAt: later }, hidden);
    await services.catalog.saveProduct({ ...repriced, priceVnd: 95_000, updatedAt: later }, repriced);

    const view = await getCart(who.bearer);
    const byId = new Map(linesOf(view).map((l) => [l.productId, l]));
    expect(byId.get(hidden.id)).toMatchObject({ available: false, reason: 'CERTIFICATE_REVOKED', reasonMessage: 'Chứng nhận OCOP của sản phẩm đã bị thu hồi', name: hidden.name });
    expect(byId.get(repriced.id)).toMatchObject({ available: true, unitPriceVnd: 95_000, priceChangedFromVnd: 80_000, lineTotalVnd: 190_000 });
    expect(byId.get(fine.id)).toMatchObject({ available: true, stockAvailable: 10 });
    expect(byId.get(fine.id)).not.toHaveProperty('priceChangedFromVnd');
    expect(view).toMatchObject({ lineCount: 3, availableLineCount: 2, totalVnd: 190_000 + 40_000 });
    // The hidden product cannot be added again: the gate answers as on the product page.
    const again = await send('POST', '/api/cart/items', who.bearer, { productId: hidden.id, quantity: 1 });
    expect(again.status).toBe(410);
    expect((await expectErrorShape(again, 'PRODUCT_NOT_LISTED')).error.details).toEqual({ reason: 'CERTIFICATE_REVOKED' });
  });

  it('flags a line whose certificate expired since it was added, from the instant of expiry (no job runs)', async () => {
    const clock = services.clock as ManualClock;
    const start = clock.now();
    const expiresAt = new Date(start.getTime() + 60 * 60 * 1000).toISOString();
    const p = await listedProduct(services, { certificate: makeCertificateSnapshot({ expiresAt }) });
    const who = await createTestAccount(services, 'shopper');
    expect((await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 1 })).status).toBe(200);
    try {
      clock.set(Date.parse(expiresAt) - 1);
      expect(linesOf(await getCart(who.bearer))[0]).toMatchObject({ available: true });
      clock.set(expiresAt);
      expect(linesOf(await getCart(who.bearer))[0]).toMatchObject({ available: false, reason: 'CERTIFICATE_EXPIRED', reasonMessage: 'Chứng nhận OCOP của sản phẩm đã hết hạn' });
    } finally {
      clock.set(start);
    }
  });

  it('answers variants (required when the product has them, unknown ones 404, their own price), sold-out and service products', async () => {
    const variants = [
      { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 90_000, stock: 5 },
      { id: 'can-1-lit', label: 'can 1 lít', priceVnd: 160_000, stock: 0 },
    ];
    const p = await listedProduct(services, { variants, priceVnd: 90_000, stock: 5, unit: 'chai 500 ml' });
    const single = await listedProduct(services);
    const who = await createTestAccount(services, 'shopper');
    const required = await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 1 });
    expect(required.status).toBe(400);
    await expectErrorShape(required, 'VARIANT_REQUIRED');
    const unknown = await send('POST', '/api/cart/items', who.bearer, { productId: p.id, variantId: 'chai-2-lit', quantity: 1 });
    expect(unknown.status).toBe(404);
    await expectErrorShape(unknown, 'VARIANT_NOT_FOUND');
    await expectErrorShape(await send('POST', '/api/cart/items', who.bearer, { productId: single.id, variantId: 'chai-500-ml', quantity: 1 }), 'VARIANT_NOT_FOUND');
    const soldOut = await send('POST', '/api/cart/items', who.bearer, { productId: p.id, variantId: 'can-1-lit', quantity: 1 });
    expect(soldOut.status).toBe(409);
    await expectErrorShape(soldOut, 'OUT_OF_STOCK');
    // A tourism service is booked with the producer, never shipped: it has no cart line.
    const homestay = await listedProduct(services, { group: 'tourism', subgroup: 'tourism-community' });
    const service = await send('POST', '/api/cart/items', who.bearer, { productId: homestay.id, quantity: 1 });
    expect(service.status).toBe(409);
    await expectErrorShape(service, 'NOT_SOLD_ONLINE');
    const ok = await send('POST', '/api/cart/items', who.bearer, { productId: p.id, variantId: 'chai-500-ml', quantity: 6 });
    expect(ok.status).toBe(200);
    expect(linesOf((await ok.json()) as CartView)).toEqual([
      expect.objectContaining({ variantId: 'chai-500-ml', variantLabel: 'chai 500 ml', unitPriceVnd: 90_000, available: false, reason: 'INSUFFICIENT_STOCK', stockAvailable: 5 }),
    ]);
  });

  it('answers bad input with 4xx and the one error shape, never a 500', async () => {
    const p = await listedProduct(services);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/api/cart/items', { productId: p.id }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: p.id, quantity: '2' }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: p.id, quantity: 1.5 }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: p.id, quantity: 0 }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: p.id, quantity: 1, priceVnd: 1 }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: 'Không Hợp Lệ!', quantity: 1 }, 400, 'INVALID_INPUT'],
      ['POST', '/api/cart/items', { productId: 'khong-co-san-pham', quantity: 1 }, 404, 'PRODUCT_NOT_FOUND'],
      ['POST', '/api/cart/items', [], 400, 'INVALID_INPUT'],
      ['PUT', '/api/cart/items', { productId: p.id, quantity: -1 }, 400, 'INVALID_INPUT'],
      ['PUT', '/api/cart/items', { productId: p.id, quantity: 3 }, 404, 'CART_LINE_NOT_FOUND'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await send(method, path, {}, body);
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(status);
      await expectErrorShape(res, code);
    }
    const notJson = await app.request('/api/cart/items', { method: 'POST', headers: { 'content-type': 'text/plain', origin: ORIGIN }, body: `{"productId":"${p.id}","quantity":1}` });
    expect(notJson.status).toBe(415);
    await expectErrorShape(notJson);
    const badQuery = await send('DELETE', '/api/cart/items?productId=../etc');
    expect(badQuery.status).toBe(400);
    await expectErrorShape(badQuery, 'INVALID_INPUT');
  });

  it('refuses a cross-site request that carries the guest cart cookie (403), as it does with the session cookie', async () => {
    const p = await listedProduct(services);
    const guest = await guestWith(p);
    for (const origin of ['https://ke-xau.example', undefined]) {
      const res = await app.request('/api/cart/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...guest, ...(origin ? { origin } : {}) },
        body: JSON.stringify({ productId: p.id, quantity: 1 }),
      });
      expect(res.status, String(origin)).toBe(403);
      await expectErrorShape(res, 'CROSS_SITE_REQUEST');
    }
    expect(linesOf(await getCart(guest)).map((l) => l.quantity)).toEqual([1]);
    // A Bearer caller is not cookie-borne: no Origin needed.
    const who = await createTestAccount(services, 'shopper');
    const scripted = await app.request('/api/cart/items', { method: 'POST', headers: { 'content-type': 'application/json', ...who.bearer, ...guest }, body: JSON.stringify({ productId: p.id, quantity: 1 }) });
    expect(scripted.status).toBe(200);
  });

  it('costs 1 GetItem + 1 BatchGetItem per read, and nothing but a GetItem for an empty cart', async () => {
    const [a, b, c] = await Promise.all([listedProduct(services), listedProduct(services), listedProduct(services)]);
    const who = await createTestAccount(services, 'shopper');
    for (const p of [a, b, c]) await send('POST', '/api/cart/items', who.bearer, { productId: p.id, quantity: 1 });
    const empty = await createTestAccount(services, 'shopper');
    const counter = new CallCounter().attach(services.dynamo);
    try {
      counter.reset();
      await services.carts.get({ kind: 'account', accountId: who.account.id }).then((cart) => services.carts.products(cart!.lines.map((l) => l.productId)));
      expect(counter.snapshot()).toEqual({ GetItem: 1, BatchGetItem: 1 });
      counter.reset();
      expect(await services.carts.countLines({ kind: 'account', accountId: who.account.id })).toBe(3);
      expect(counter.snapshot()).toEqual({ GetItem: 1 });
      counter.reset();
      await services.carts.products([]);
      await services.carts.get({ kind: 'account', accountId: empty.account.id });
      expect(counter.snapshot()).toEqual({ GetItem: 1 });
    } finally {
      services.dynamo.middlewareStack.remove('ocopCallCounter');
    }
  });

  it('gives checkout what it needs: linesOf and removeLines by owner', async () => {
    const [a, b] = await Promise.all([listedProduct(services), listedProduct(services, { variants: [{ id: 'hop-nho', label: 'hộp nhỏ', priceVnd: 10_000, stock: 9 }], priceVnd: 10_000, stock: 9 })]);
    const who = await createTestAccount(services, 'shopper');
    await send('POST', '/api/cart/items', who.bearer, { productId: a.id, quantity: 2 });
    await send('POST', '/api/cart/items', who.bearer, { productId: b.id, variantId: 'hop-nho', quantity: 3 });
    const owner = { kind: 'account', accountId: who.account.id } as const;
    expect(await services.carts.linesOf(owner)).toEqual([
      { productId: a.id, quantity: 2 },
      { productId: b.id, variantId: 'hop-nho', quantity: 3 },
    ]);
    await services.carts.removeLines(owner, [{ productId: b.id, variantId: 'hop-nho' }]);
    expect(await services.carts.linesOf(owner)).toEqual([{ productId: a.id, quantity: 2 }]);
    await services.carts.removeLines({ kind: 'guest', cartId: 'AAAAAAAAAAAAAAAAAAAAAA' }, [{ productId: a.id }]);
    expect(await services.carts.linesOf({ kind: 'guest', cartId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toEqual([]);
  });
});
