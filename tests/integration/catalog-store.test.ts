import { beforeAll, describe, expect, it } from 'vitest';
import type { ListProductsQuery } from '../../shared/catalog/list-query';
import type { Product } from '../../shared/catalog/product';
import { getListedProduct } from '../../shared/catalog/product-lookup';
import { CallCounter } from '../../shared/db/call-counter';
import { AppError } from '../../shared/http/errors';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { makeCertificateSnapshot, makeProduct } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';

const NOW = '2026-11-23T03:00:00.000Z';
const q = (over: Partial<ListProductsQuery> = {}): ListProductsQuery => ({ sort: 'newest', limit: 100, ...over });

describe('catalogue store on DynamoDB Local', () => {
  let services: Services;
  const clock = new ManualClock(NOW);
  const products: Product[] = [];

  beforeAll(async () => {
    services = await createTestServices({ clock });
    const specs: Array<Partial<Product>> = [
      { group: 'food', subgroup: 'food-condiment', provinceCode: '91', priceVnd: 120_000, certificate: makeCertificateSnapshot({ stars: 5, issuingLevel: 'central' }) },
      { group: 'food', subgroup: 'food-tea', provinceCode: '08', priceVnd: 250_000, producerId: 'htx-che', certificate: makeCertificateSnapshot({ stars: 4 }) },
      { group: 'food', subgroup: 'food-tea', provinceCode: '08', priceVnd: 90_000, producerId: 'htx-che', certificate: makeCertificateSnapshot({ stars: 3 }) },
      { group: 'drinks', subgroup: 'drinks-alcoholic', provinceCode: '40', priceVnd: 300_000, certificate: makeCertificateSnapshot({ stars: 4 }) },
      { group: 'handicraft', subgroup: 'handicraft-ceramics', provinceCode: '01', priceVnd: 1_200_000, certificate: makeCertificateSnapshot({ stars: 5, issuingLevel: 'central' }) },
      { group: 'herbal', subgroup: 'herbal-essential-oil', provinceCode: '91', priceVnd: 45_000, certificate: makeCertificateSnapshot({ stars: 3 }) },
    ];
    for (const spec of specs) {
      const p = makeProduct(spec);
      products.push(p);
      await services.catalog.saveProduct(p);
    }
  });

  const ids = async (query: Partial<ListProductsQuery>) => (await services.catalog.listProducts(q(query), clock.now())).items.map((i) => i.id);
  const byIds = (...idx: number[]) => idx.map((i) => products[i]!.id);

  it('sorts newest first, by price both ways, and by stars', async () => {
    expect(await ids({})).toEqual(byIds(5, 4, 3, 2, 1, 0));
    expect(await ids({ sort: 'price_asc' })).toEqual(byIds(5, 2, 0, 1, 3, 4));
    expect(await ids({ sort: 'price_desc' })).toEqual(byIds(4, 3, 1, 0, 2, 5));
    expect(await ids({ sort: 'stars' })).toEqual(byIds(4, 0, 3, 1, 5, 2));
  });

  it('filters by group, subgroup, province, producer and minimum stars, alone and combined', async () => {
    expect(await ids({ group: 'food' })).toEqual(byIds(2, 1, 0));
    expect(await ids({ subgroup: 'food-tea' })).toEqual(byIds(2, 1));
    expect(await ids({ province: '91' })).toEqual(byIds(5, 0));
    expect(await ids({ producer: 'htx-che' })).toEqual(byIds(2, 1));
    expect(await ids({ minStars: 4 })).toEqual(byIds(4, 3, 1, 0));
    expect(await ids({ minStars: 5, sort: 'stars' })).toEqual(byIds(4, 0));
    expect(await ids({ minStars: 4, sort: 'price_asc' })).toEqual(byIds(0, 1, 3, 4));
    expect(await ids({ group: 'food', province: '91' })).toEqual(byIds(0));
    expect(await ids({ province: '08', minStars: 4, sort: 'price_desc' })).toEqual(byIds(1));
    expect(await ids({ group: 'ornamental' })).toEqual([]);
  });

  it('walks every sort page by page with cursors, without gaps or repeats', async () => {
    for (const sort of ['newest', 'price_asc', 'price_desc', 'stars'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await services.catalog.listProducts(q({ sort, limit: 2, cursor }), clock.now());
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(await ids({ sort }));
      expect(pages).toBe(3);
    }
  });

  it('refuses malformed cursors and cursors of another query with a 400', async () => {
    const first = await services.catalog.listProducts(q({ limit: 1 }), clock.now());
    expect(first.nextCursor).toBeDefined();
    const attempts = [
      () => services.catalog.listProducts(q({ cursor: 'not-base64-json' }), clock.now()),
      () => services.catalog.listProducts(q({ sort: 'price_asc', cursor: first.nextCursor }), clock.now()),
      () => services.catalog.listProducts(q({ group: 'food', cursor: first.nextCursor }), clock.now()),
      () =>
        services.catalog.listProducts(
          q({ cursor: Buffer.from(JSON.stringify({ q: 'LIST#ALL|newest', k: { PK: 'LIST#ALL', SK: 'x', EVIL: 'y' } })).toString('base64url') }),
          clock.now(),
        ),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    }
  });

  it('hides a product the very second its certificate expires, with no job having run', async () => {
    const cert = makeCertificateSnapshot({ decisionDate: '2023-11-22', certificateNo: 'CN-EXPIRING' });
    const expiring = makeProduct({ certificate: cert, group: 'ornamental', subgroup: 'ornamental-plant' });
    await services.catalog.saveProduct(expiring);
    const local = new ManualClock(Date.parse(cert.expiresAt) - 1);
    const lookup = { catalog: services.catalog, clock: local };

    expect((await services.catalog.listProducts(q({ group: 'ornamental' }), local.now())).items.map((i) => i.id)).toEqual([expiring.id]);
    await expect(getListedProduct(lookup, expiring.id)).resolves.toMatchObject({ id: expiring.id });

    local.set(cert.expiresAt);
    expect((await services.catalog.listProducts(q({ group: 'ornamental' }), local.now())).items).toEqual([]);
    expect((await services.catalog.listProducts(q({}), local.now())).items.map((i) => i.id)).not.toContain(expiring.id);
    const err = await getListedProduct(lookup, expiring.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 410, code: 'PRODUCT_NOT_LISTED', details: { reason: 'CERTIFICATE_EXPIRED' } });
  });

  it('moves listing items when a product changes group and drops them all when its certificate is revoked', async () => {
    const original = makeProduct({ group: 'ornamental', subgroup: 'ornamental-flower', provinceCode: '68' });
    await services.catalog.saveProduct(original);
    const moved = { ...original, group: 'herbal' as const, subgroup: 'herbal-other' as const, updatedAt: '2026-11-01T00:00:00.000Z' };
    await services.catalog.saveProduct(moved, original);
    expect(await ids({ subgroup: 'ornamental-flower' })).not.toContain(original.id);
    expect(await ids({ subgroup: 'herbal-other' })).toContain(original.id);

    const revoked = { ...moved, certificate: { ...moved.certificate!, status: 'revoked' as const }, updatedAt: '2026-11-02T00:00:00.000Z' };
    await services.catalog.saveProduct(revoked, moved);
    for (const query of [{}, { province: '68' }, { group: 'herbal' }, { producer: 'htx-thu-nghiem' }]) {
      expect(await ids(query)).not.toContain(original.id);
    }
    await expect(getListedProduct(services, original.id)).rejects.toMatchObject({ status: 410, details: { reason: 'CERTIFICATE_REVOKED' } });
  });

  it('refuses a stale write instead of overwriting someone else\'s edit', async () => {
    const p = makeProduct();
    await services.catalog.saveProduct(p);
    const a = { ...p, priceVnd: 1, updatedAt: '2026-11-05T00:00:00.000Z' };
    await services.catalog.saveProduct(a, p);
    const b = { ...p, priceVnd: 2, updatedAt: '2026-11-06T00:00:00.000Z' };
    await expect(services.catalog.saveProduct(b, p)).rejects.toMatchObject({ status: 409, code: 'PRODUCT_CONFLICT' });
    await expect(services.catalog.saveProduct(makeProduct({ id: p.id }))).rejects.toMatchObject({ status: 409 });
    expect((await services.catalog.getProduct(p.id))?.priceVnd).toBe(1);
  });

  it('costs one DynamoDB call per list page and per product read, and never a Scan', async () => {
    const counter = new CallCounter().attach(services.dynamo);
    await services.catalog.listProducts(q({ limit: 3 }), clock.now());
    await services.catalog.listProducts(q({ group: 'food', minStars: 4, sort: 'price_asc', limit: 2 }), clock.now());
    await services.catalog.getProduct(products[0]!.id);
    expect(counter.snapshot()).toEqual({ Query: 2, GetItem: 1 });
  });
});
