import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkListingGate } from '../../shared/catalog/gate';
import { listingPartition, newestSortKey, productKey, type ListingFacet } from '../../shared/catalog/keys';
import type { ListProductsQuery } from '../../shared/catalog/list-query';
import { ProductSchema, type Product, type ProductCard } from '../../shared/catalog/product';
import { getListedProduct } from '../../shared/catalog/product-lookup';
import { viewOf } from '../../shared/catalog/product-view';
import { AppError } from '../../shared/http/errors';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import { CertificateSchema, type Certificate } from '../../shared/registry/certificate';
import { certificateExpiresAt, certificateExpiresOn } from '../../shared/registry/certificate-expiry';
import { checkIssuer } from '../../shared/registry/issuer-consistency';
import { groupCodes } from '../../shared/reference/taxonomy';
import type { EdgeServices as Services } from '../../app/create-services';
import { legalForms, ProducerSchema } from '../../shared/storefront/producer';
import { ManualClock } from '../../shared/time/clock';
import { DEMO_IDS, demoCatalog } from '../../scripts/demo/demo-catalog';
import { seedDemo, DEMO_MARKER_KEY, type SeedResult } from '../../scripts/demo/seed';
import { createTestServices } from '../support/test-services';

const NOW = new Date('2026-11-23T03:00:00Z');
const ID = /^[a-z0-9-]{3,80}$/;
/** Decision 148/QĐ-TTg score bands per star. */
const SCORE_BANDS: Record<number, [number, number]> = { 3: [50, 69], 4: [70, 89], 5: [90, 100] };
const HIDDEN = [
  { id: DEMO_IDS.twoStar, reason: 'BELOW_THREE_STARS' },
  { id: DEMO_IDS.expired, reason: 'CERTIFICATE_EXPIRED' },
  { id: DEMO_IDS.revoked, reason: 'CERTIFICATE_REVOKED' },
] as const;

describe('demo catalogue seed on DynamoDB Local', () => {
  let services: Services;
  let mediaDir: string;
  let media: LocalMediaStore;
  let first: SeedResult;
  const catalog = demoCatalog(NOW);

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock(NOW) });
    mediaDir = await mkdtemp(join(tmpdir(), 'ocop-demo-media-'));
    media = new LocalMediaStore(mediaDir);
    first = await seedDemo(services, media, { now: NOW });
    // Seeding writes ~600 items and ~150 images; on a busy 2-core machine that outgrows the default hook timeout.
  }, 120_000);

  afterAll(async () => {
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  async function listAll(query: Partial<ListProductsQuery> = {}): Promise<ProductCard[]> {
    const cards: ProductCard[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await services.catalog.listProducts({ sort: 'newest', limit: 100, ...query, ...(cursor ? { cursor } : {}) }, NOW);
      cards.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) return cards;
    }
    throw new Error('Listing did not end');
  }

  async function tableSnapshot(): Promise<string[]> {
    const items: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await services.db.send(new ScanCommand({ TableName: services.config.tableName, ExclusiveStartKey, ConsistentRead: true }));
      for (const item of page.Items ?? []) items.push(canonical(item));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.sort();
  }

  async function mediaSnapshot(dir = mediaDir): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await mediaSnapshot(path)));
      else out.push(`${path}|${(await stat(path)).mtimeMs}`);
    }
    return out.sort();
  }

  it('seeds once; a second call finds the marker and changes nothing', async () => {
    expect(first).toEqual({
      producers: catalog.producers.length,
      products: catalog.products.length,
      certificates: catalog.certificates.length,
      seeded: true,
    });
    const marker = await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: DEMO_MARKER_KEY }));
    expect(marker.Item).toBeDefined();

    const tableBefore = await tableSnapshot();
    const mediaBefore = await mediaSnapshot();
    const second = await seedDemo(services, media, { now: new Date(NOW.getTime() + 3600_000) });
    expect(second).toEqual({ ...first, seeded: false });
    expect(await tableSnapshot()).toEqual(tableBefore);
    expect(await mediaSnapshot()).toEqual(mediaBefore);
  });

  it('lists at least 60 products across 12+ provinces, all six groups, 3–5★ and every legal form', async () => {
    const cards = await listAll();
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cards.map((c) => c.provinceCode)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(cards.map((c) => c.group))).toEqual(new Set(groupCodes));
    expect(new Set(cards.map((c) => c.stars))).toEqual(new Set([3, 4, 5]));

    const products = await Promise.all(cards.map((c) => services.catalog.getProduct(c.id)));
    expect(new Set(products.map((p) => p?.producerLegalForm))).toEqual(new Set(legalForms));
    // Group 6 is a service: sold by the slot or the person, never by weight.
    for (const p of products.filter((x) => x?.group === 'tourism')) expect(p?.unit).toMatch(/người|phòng/);
  });

  it('keeps the 2★, expired and revoked products out of every listing and answers 410 with the reason', async () => {
    const hiddenIds = HIDDEN.map((h) => h.id);
    for (const sort of ['newest', 'price_asc', 'price_desc', 'stars'] as const) {
      const ids = (await listAll({ sort })).map((c) => c.id);
      for (const id of hiddenIds) expect(ids).not.toContain(id);
    }
    for (const { id, reason } of HIDDEN) {
      const product = (await services.catalog.getProduct(id)) as Product;
      expect(product.status).toBe('active');
      const facets: Array<Partial<ListProductsQuery>> = [{ group: product.group as ListProductsQuery['group'] }, { province: product.provinceCode as ListProductsQuery['province'] }, { producer: product.producerId }, { minStars: 3, sort: 'stars' }];
      for (const facet of facets) expect((await listAll(facet)).map((c) => c.id)).not.toContain(id);

      const error = await getListedProduct(services, id).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(410);
      expect((error as AppError).details).toEqual({ reason });
    }

    // The expired product still has its listing items: only the read-time gate hides it.
    const expired = (await services.catalog.getProduct(DEMO_IDS.expired)) as Product;
    const facet: ListingFacet = { kind: 'all' };
    const listing = await services.db.send(
      new GetCommand({ TableName: services.config.tableName, Key: { PK: listingPartition(facet), SK: newestSortKey(expired.createdAt, expired.id) } }),
    );
    expect(listing.Item).toBeDefined();
    expect(expired.certificate?.status).toBe('active');
    expect(expired.certificate?.decisionDate).toBe('2023-10-23');
  });

  it('shows the pre-merger Trà Vinh issuer with today’s province', async () => {
    const product = await getListedProduct(services, DEMO_IDS.traVinhLegacy);
    expect(product.provinceCode).toBe('86');
    expect(product.certificate).toMatchObject({ stars: 4, issuingAuthority: 'UBND tỉnh Trà Vinh', issuerProvinceLegacyName: 'Trà Vinh', issuerProvinceCode2025: '86', issuingLevel: 'province' });
    expect(product.certificate!.decisionDate < '2025-07-01').toBe(true);
    expect(viewOf(product).certification.issuerLabel).toBe('UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)');

    const fiveStar = await getListedProduct(services, DEMO_IDS.listedFiveStar);
    expect(fiveStar.certificate).toMatchObject({ stars: 5, issuingLevel: 'central' });
    expect(fiveStar.producerId).toBe(DEMO_IDS.someProducer);
    expect(await services.producers.getProducer(DEMO_IDS.someProducer)).toMatchObject({ provinceCode: '91', commune: 'đặc khu Phú Quốc' });
  });

  it('writes 640 and 320 px WebP images for every product', async () => {
    for (const product of catalog.products) {
      const image = product.images[0];
      expect(image).toEqual({ key: `demo/products/${product.id}`, width: 640, height: 480, widths: [320, 640], alt: product.name });
      for (const width of [320, 640]) {
        const stored = await media.get(`${image!.key}-${width}.webp`);
        expect(stored?.contentType).toBe('image/webp');
        expect(stored!.body.length).toBeLessThan(15 * 1024);
        const meta = await sharp(join(mediaDir, 'demo', 'products', `${product.id}-${width}.webp`)).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', width, (width * 3) / 4]);
      }
    }
  });

  it('stores only records that validate, are marked demo and agree with each other', async () => {
    const producers = await Promise.all(catalog.producers.map((p) => services.producers.getProducer(p.id)));
    for (const producer of producers) {
      expect(ProducerSchema.safeParse(producer).error).toBeUndefined();
      expect(producer).toMatchObject({ demo: true });
      expect(producer!.id).toMatch(ID);
      expect(producer!.commune).toMatch(/^(xã|phường|đặc khu) /);
    }
    const producerById = new Map(producers.map((p) => [p!.id, p!]));
    expect(producerById.size).toBeGreaterThanOrEqual(25);

    const certificates = await Promise.all(catalog.certificates.map((c) => services.certificates.getCertificate(c.certificateNo)));
    const certByNo = new Map<string, Certificate>();
    for (const cert of certificates) {
      expect(CertificateSchema.safeParse(cert).error).toBeUndefined();
      expect(cert).toMatchObject({ demo: true });
      expect(cert!.expiresOn).toBe(certificateExpiresOn(cert!.decisionDate));
      expect(cert!.expiresAt).toBe(certificateExpiresAt(cert!.expiresOn));
      expect(producerById.has(cert!.subjectId)).toBe(true);
      certByNo.set(cert!.certificateNo, cert!);
    }
    expect(certByNo.size).toBe(catalog.certificates.length);

    let listed = 0;
    for (const { id } of catalog.products) {
      const product = await services.catalog.getProduct(id);
      expect(ProductSchema.safeParse(product).error).toBeUndefined();
      expect(product).toMatchObject({ demo: true, slug: id });
      expect(id).toMatch(ID);
      const producer = producerById.get(product!.producerId)!;
      expect(product).toMatchObject({ producerName: producer.name, producerLegalForm: producer.legalForm, provinceCode: producer.provinceCode, commune: producer.commune });
      const cert = certByNo.get(product!.certificate!.certificateNo)!;
      expect(cert).toMatchObject({ ...product!.certificate, subjectId: producer.id, productGroup: product!.group, subgroup: product!.subgroup });
      if (cert.status === 'revoked') expect(cert.revokedOn && cert.revocationDecisionNo).toBeTruthy();
      if (checkListingGate(product!, NOW).listed) {
        listed++;
        expect(checkIssuer(cert).filter((f) => f.severity === 'error')).toEqual([]);
        const [low, high] = SCORE_BANDS[cert.stars]!;
        expect(cert.score).toBeGreaterThanOrEqual(low);
        expect(cert.score).toBeLessThanOrEqual(high);
      }
      expect(Date.parse(product!.createdAt)).toBeGreaterThan(NOW.getTime() - 200 * 86400_000);
      expect(product!.updatedAt).toBe(product!.createdAt);
      const raw = await services.db.send(new GetCommand({ TableName: services.config.tableName, Key: productKey(id) }));
      expect(raw.Item?.type).toBe('Product');
    }
    expect(listed).toBeGreaterThanOrEqual(60);
  });

  it('keeps media keys inside the media root', async () => {
    for (const key of ['../escape.webp', 'demo/../../escape.webp', '/abs.webp', 'Demo/x.webp', 'demo//x.webp', 'demo/.hidden', 'demo/x y.webp']) {
      await expect(media.put(key, Buffer.from('x'), 'image/webp')).rejects.toMatchObject({ status: 400 });
    }
    expect(await media.get('demo/products/none-320.webp')).toBeUndefined();
    await media.put('demo/notes/readme', Buffer.from('xin chào'), 'text/markdown; charset=utf-8');
    expect(await media.get('demo/notes/readme')).toEqual({ body: Buffer.from('xin chào'), contentType: 'text/markdown; charset=utf-8' });
  });

  it('builds the same catalogue for the same instant, and a valid one on other days', () => {
    expect(demoCatalog(new Date(NOW.getTime()))).toEqual(catalog);
    for (const day of ['2026-01-15T00:00:00Z', '2027-09-01T16:30:00Z']) {
      const now = new Date(day);
      const other = demoCatalog(now);
      const listedProducts = other.products.filter((p) => checkListingGate(p, now).listed);
      expect(listedProducts.length).toBeGreaterThanOrEqual(60);
      const hidden = other.products.filter((p) => !checkListingGate(p, now).listed).map((p) => p.id);
      expect(hidden.sort()).toEqual(HIDDEN.map((h) => h.id).sort());
      for (const cert of other.certificates) expect(checkIssuer(cert).filter((f) => f.severity === 'error')).toEqual([]);
      const traVinh = other.certificates.find((c) => other.products.find((p) => p.id === DEMO_IDS.traVinhLegacy)?.certificate?.certificateNo === c.certificateNo);
      expect(traVinh).toMatchObject({ issuingAuthority: 'UBND tỉnh Trà Vinh' });
    }
  });
});

/** JSON with object keys sorted at every depth, so equal items compare equal as strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
