import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { listingPartition, newestSortKey } from '../../shared/catalog/keys';
import type { EdgeServices as Services } from '../../app/create-services';
import type { Producer } from '../../shared/storefront/producer';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';

function patch(app: App, id: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(`/api/producers/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('storefront editing', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  const A = 'htx-sua-a';
  const B = 'htx-sua-b';

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: A, name: 'HTX A', provinceCode: '91' }));
    await services.producers.createProducer(makeProducer({ id: B, name: 'HTX B' }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    ownerB = await createTestAccount(services, 'producer', { producerId: B });
  });

  it('the owner edits contact, shipping and images', async () => {
    const res = await patch(app, A, { phone: '0987 654 321', shippingFeeVnd: 30000, freeShippingThresholdVnd: 500000, logoKey: 'media/producers/htx-sua-a/logo-1' }, ownerA.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    const { producer } = (await res.json()) as { producer: Producer };
    expect(producer).toMatchObject({ phone: '+84987654321', shippingFeeVnd: 30000, freeShippingThresholdVnd: 500000, logoKey: 'media/producers/htx-sua-a/logo-1' });
    expect((await services.producers.getProducer(A))?.shippingFeeVnd).toBe(30000);
  });

  it("an image key from another storefront's folder is refused (403), its own folder accepted", async () => {
    for (const logoKey of [`logos/${B}/0b7e1f0c-1a2b-4c3d-8e9f-001122334455`, `media/producers/${B}/logo-1`]) {
      const res = await patch(app, A, { logoKey }, ownerA.bearer);
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'IMAGE_NOT_OWNED');
    }
    const bannerKey = `banners/${A}/0b7e1f0c-1a2b-4c3d-8e9f-001122334455`;
    expect((await patch(app, A, { bannerKey }, ownerA.bearer)).status).toBe(200);
    expect((await services.producers.getProducer(A))?.bannerKey).toBe(bannerKey);
  });

  it('producer B gets 403 on A; a body naming another storefront is refused', async () => {
    const res = await patch(app, A, { name: 'Chiếm gian hàng' }, ownerB.bearer);
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'NOT_STOREFRONT_OWNER');
    const smuggled = await patch(app, A, { id: B, name: 'Đổi tên B' }, ownerA.bearer);
    expect(smuggled.status).toBe(403);
    await expectErrorShape(smuggled, 'NOT_STOREFRONT_OWNER');
    expect((await services.producers.getProducer(B))?.name).toBe('HTX B');
    const shopper = await createTestAccount(services, 'shopper');
    expect((await patch(app, A, { name: 'x' }, shopper.bearer)).status).toBe(403);
    expect((await patch(app, A, { name: 'x' })).status).toBe(401);
  });

  it('the data layer refuses a write for a storefront the caller does not own', async () => {
    const a = (await services.producers.getProducer(A))!;
    await expect(services.producers.updateProducer(B, { ...a, name: 'x' }, a)).rejects.toMatchObject({ status: 403, code: 'NOT_STOREFRONT_OWNER' });
  });

  it('refuses fields the owner may not change, non-integer VND and malformed media keys', async () => {
    for (const body of [{ taxCode: '0100000000' }, { provinceCode: '01' }, { shippingFeeVnd: 1.5 }, { logoKey: 'https://evil.example/x.png' }]) {
      const res = await patch(app, A, body, ownerA.bearer);
      expect(res.status, JSON.stringify(body)).toBe(400);
      await expectErrorShape(res, 'INVALID_INPUT');
    }
  });

  describe('VietQR bank account', () => {
    const bank = { bankBin: '970436', accountNumber: '0011 0012 34567', accountName: 'Hợp tác xã Mật ong A' };
    const saved = { bankBin: '970436', accountNumber: '0011001234567', accountName: 'HOP TAC XA MAT ONG A' };

    it('the owner sets it (number and holder name normalised), changes it and removes it with null', async () => {
      const set = await patch(app, A, { bank }, ownerA.bearer);
      expect(set.status, await set.clone().text()).toBe(200);
      expect(((await set.json()) as { producer: Producer }).producer.bank).toEqual(saved);
      expect((await services.producers.getProducer(A))?.bank).toEqual(saved);

      // Another edit leaves it alone.
      expect((await patch(app, A, { story: 'Không đổi tài khoản' }, ownerA.bearer)).status).toBe(200);
      expect((await services.producers.getProducer(A))?.bank).toEqual(saved);

      const changed = { bankBin: '970405', accountNumber: '1500201234567', accountName: 'NGUYEN VAN A' };
      expect((await patch(app, A, { bank: changed }, ownerA.bearer)).status).toBe(200);
      expect((await services.producers.getProducer(A))?.bank).toEqual(changed);

      const removed = await patch(app, A, { bank: null }, ownerA.bearer);
      expect(removed.status).toBe(200);
      expect(((await removed.json()) as { producer: Producer }).producer.bank).toBeUndefined();
      expect((await services.producers.getProducer(A))?.bank).toBeUndefined();
      expect((await services.producers.getProducer(A))?.name).toBe('HTX A');
    });

    it('only the owner: B, a shopper and an anonymous caller cannot set or clear it', async () => {
      expect((await patch(app, A, { bank }, ownerA.bearer)).status).toBe(200);
      const byB = await patch(app, A, { bank: { ...bank, accountNumber: '999999999' } }, ownerB.bearer);
      expect(byB.status).toBe(403);
      await expectErrorShape(byB, 'NOT_STOREFRONT_OWNER');
      expect((await patch(app, A, { bank: null }, ownerB.bearer)).status).toBe(403);
      const shopper = await createTestAccount(services, 'shopper');
      expect((await patch(app, A, { bank: null }, shopper.bearer)).status).toBe(403);
      expect((await patch(app, A, { bank: null })).status).toBe(401);
      expect((await services.producers.getProducer(A))?.bank).toEqual(saved);
      expect((await services.producers.getProducer(B))?.bank).toBeUndefined();
    });

    it('a BIN outside the NAPAS list, a malformed number or name, or an extra field is 400 in the shared error shape', async () => {
      const cases: [unknown, string][] = [
        [{ ...bank, bankBin: '123456' }, 'bank.bankBin'],
        [{ ...bank, bankBin: '9704' }, 'bank.bankBin'],
        [{ ...bank, accountNumber: '12345' }, 'bank.accountNumber'],
        [{ ...bank, accountNumber: '0011-ABC-123' }, 'bank.accountNumber'],
        [{ ...bank, accountName: 'X' }, 'bank.accountName'],
        [{ ...bank, accountName: 'HTX <script>' }, 'bank.accountName'],
        [{ bankBin: '970436', accountNumber: '0011001234567' }, 'bank.accountName'],
        [{ ...bank, swift: 'BFTVVNVX' }, 'bank'],
        ['970436:0011001234567', 'bank'],
      ];
      for (const [value, path] of cases) {
        const res = await patch(app, A, { bank: value }, ownerA.bearer);
        expect(res.status, JSON.stringify(value)).toBe(400);
        const body = await expectErrorShape(res, 'INVALID_INPUT');
        expect((body.error.details as { path: string }[]).map((d) => d.path), JSON.stringify(value)).toContain(path);
      }
      expect((await services.producers.getProducer(A))?.bank).toEqual(saved);
    });

    it('never appears on public views: the storefront API, the storefront page, search', async () => {
      const C = 'htx-ong-ta-xua';
      await services.producers.createProducer(makeProducer({ id: C, name: 'HTX Ong mật Tà Xùa' }));
      const ownerC = await createTestAccount(services, 'producer', { producerId: C });
      // Search shows a storefront once it has a listed product.
      await services.catalog.saveProduct(makeProduct({ id: 'mat-ong-ta-xua-c', name: 'Mật ong Tà Xùa', producerId: C, producerName: 'HTX Ong mật Tà Xùa' }));
      expect((await patch(app, C, { bank }, ownerC.bearer)).status).toBe(200);
      expect((await services.producers.getProducer(C))?.bank).toEqual(saved);

      const api = await app.request(`/api/producers/${C}`, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(200);
      const text = await api.text();
      const body = JSON.parse(text) as { producer: Record<string, unknown> };
      expect(body.producer.name).toBe('HTX Ong mật Tà Xùa');
      expect(body.producer).not.toHaveProperty('bank');
      expect(body.producer).not.toHaveProperty('taxCode');
      for (const secret of [saved.accountNumber, saved.accountName, 'bankBin']) expect(text).not.toContain(secret);

      const page = await app.request(`/co-so/${C}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('HTX Ong mật Tà Xùa');
      for (const secret of [saved.accountNumber, saved.accountName, 'HOP TAC XA', 'VietQR']) expect(html).not.toContain(secret);

      // Search finds the storefront (so its record is really in the answer) and carries no account.
      for (const path of ['/api/search?q=ta%20xua', '/api/search/suggest?q=ta%20xua', '/tim-kiem?q=ta%20xua']) {
        const res = await app.request(path, { headers: { accept: path.startsWith('/api') ? 'application/json' : 'text/html' } });
        expect(res.status, path).toBe(200);
        const out = await res.text();
        expect(out, path).toContain(C);
        expect(out, path).not.toContain(saved.accountNumber);
        expect(out, path).not.toContain(saved.accountName);
      }
    });
  });

  it('optimistic concurrency: a stale expectedUpdatedAt is a 409', async () => {
    clock.advance(1000);
    const first = await patch(app, A, { story: 'Phiên bản 1' }, ownerA.bearer);
    const { producer } = (await first.json()) as { producer: Producer };
    clock.advance(1000);
    expect((await patch(app, A, { story: 'Phiên bản 2', expectedUpdatedAt: producer.updatedAt }, ownerA.bearer)).status).toBe(200);
    const stale = await patch(app, A, { story: 'Phiên bản cũ', expectedUpdatedAt: producer.updatedAt }, ownerA.bearer);
    expect(stale.status).toBe(409);
    await expectErrorShape(stale, 'PRODUCER_CONFLICT');
  });

  it('a rename rewrites producerName on every product and its listing items', async () => {
    const products = Array.from({ length: 11 }, (_, i) =>
      makeProduct({ id: `sp-doi-ten-${i}`, producerId: A, producerName: 'HTX A', status: i % 3 === 0 ? 'draft' : 'active' }),
    );
    for (const p of products) await services.catalog.saveProduct(p);
    const other = makeProduct({ id: 'sp-cua-b', producerId: B, producerName: 'HTX B' });
    await services.catalog.saveProduct(other);

    clock.advance(1000);
    const res = await patch(app, A, { name: 'HTX Mật ong A' }, ownerA.bearer);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { productsRenamed: number }).productsRenamed).toBe(11);

    for (const p of products) {
      expect((await services.catalog.getProduct(p.id))?.producerName).toBe('HTX Mật ong A');
      if (p.status !== 'active') continue;
      const { Item } = await services.db.send(
        new GetCommand({ TableName: services.config.tableName, Key: { PK: listingPartition({ kind: 'producer', value: A }), SK: newestSortKey(p.createdAt, p.id) } }),
      );
      expect(Item?.producerName).toBe('HTX Mật ong A');
    }
    const page = await services.catalog.listProducts({ producer: A, sort: 'newest', limit: 50 }, clock.now());
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.producerName === 'HTX Mật ong A')).toBe(true);
    expect((await services.catalog.getProduct(other.id))?.producerName).toBe('HTX B');
  });
});
