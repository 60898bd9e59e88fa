import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { productItem } from '../../shared/catalog/items';
import { producerKey } from '../../shared/storefront/keys';
import type { Product } from '../../shared/catalog/product';
import { snapshotLoader, type IndexLoader } from '../../shared/search/index-loader';
import { createIndexer } from '../../shared/search/indexer';
import { SearchIndex } from '../../shared/search/search-index';
import { SearchService } from '../../shared/search/service';
import { decodeSnapshot, MemorySnapshotStore } from '../../shared/search/snapshot-store';
import type { Producer } from '../../shared/storefront/producer';
import { ManualClock } from '../../shared/time/clock';
import { makeCertificateSnapshot, makeProduct } from '../support/catalog-fixtures';
import { fixtureProducers, fixtureProducts, NOW } from './fixtures';
import { createSearchTestServices, type SearchServices } from './search-test-services';

const ids = async (search: SearchService, q: string) =>
  (await search.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 50 })).hits.map((h) => h.record.id);

describe('local freshness: the write path updates the index before the request answers', () => {
  let services: SearchServices;

  beforeAll(async () => {
    services = await createSearchTestServices(NOW);
    for (const p of fixtureProducers()) await services.producers.createProducer(p);
    for (const p of fixtureProducts()) await services.catalog.saveProduct(p);
    // The first search loads the index from the table.
    expect(await ids(services.search, 'nuoc mam')).toContain('nuoc-mam-phu-quoc-40n');
  }, 60_000);

  it('a new product is searchable at once', async () => {
    const product = makeProduct({ id: 'banh-pia-soc-trang-test', name: 'Bánh pía Sóc Trăng nhân sầu riêng', provinceCode: '92', commune: 'phường Sóc Trăng' });
    await services.catalog.saveProduct(product);
    expect(await ids(services.search, 'banh pia')).toEqual(['banh-pia-soc-trang-test']);
  });

  it('an edit is reflected at once: the new name is found, the old one is not', async () => {
    const before = (await services.catalog.getProduct('keo-dua-sap-ben-tre'))!;
    const after: Product = { ...before, name: 'Kẹo chuối Bến Tre', updatedAt: '2026-11-23T03:00:01.000Z' };
    await services.catalog.saveProduct(after, before);
    expect(await ids(services.search, 'keo chuoi')).toEqual(['keo-dua-sap-ben-tre']);
    // "sáp" was only in the old name.
    expect(await ids(services.search, 'sáp')).toEqual([]);
  });

  it('a hidden (archived) product is gone at once', async () => {
    const before = (await services.catalog.getProduct('mam-tom-ham-ninh'))!;
    await services.catalog.saveProduct({ ...before, status: 'archived', updatedAt: '2026-11-23T03:00:02.000Z' }, before);
    expect(await ids(services.search, 'mam tom')).not.toContain('mam-tom-ham-ninh');
  });

  it('a revoked or downgraded certificate hides the product at once', async () => {
    const honey = (await services.catalog.getProduct('mat-ong-hoa-nhan-ba-vi'))!;
    await services.catalog.saveProduct(
      { ...honey, certificate: { ...honey.certificate!, status: 'revoked' }, updatedAt: '2026-11-23T03:00:03.000Z' },
      honey,
    );
    expect(await ids(services.search, 'mat ong')).not.toContain('mat-ong-hoa-nhan-ba-vi');
    const tea = (await services.catalog.getProduct('tra-shan-tuyet-suoi-giang'))!;
    await services.catalog.saveProduct({ ...tea, certificate: makeCertificateSnapshot({ stars: 2 }), updatedAt: '2026-11-23T03:00:04.000Z' }, tea);
    expect(await ids(services.search, 'tra shan tuyet')).not.toContain('tra-shan-tuyet-suoi-giang');
  });

  it('a new storefront is searchable once it has a listed product', async () => {
    const producer: Producer = { ...fixtureProducers()[0]!, id: 'htx-gom-chu-dau', name: 'HTX Gốm Chu Đậu', provinceCode: '31', commune: 'xã Thái Tân' };
    await services.producers.createProducer(producer);
    const storefronts = async () => (await services.search.search({ q: 'gom chu dau', filters: {}, sort: 'relevance', offset: 0, limit: 5 })).producers.map((p) => p.record.id);
    expect(await storefronts()).toEqual([]);
    await services.catalog.saveProduct(makeProduct({ id: 'binh-gom-chu-dau', name: 'Bình gốm Chu Đậu', producerId: producer.id, producerName: producer.name, provinceCode: '31', commune: 'xã Thái Tân', group: 'handicraft', subgroup: 'handicraft-ceramics' }));
    expect(await storefronts()).toEqual(['htx-gom-chu-dau']);
  });
});

/** A DynamoDB Streams record as Lambda receives it, for a table item. */
function record(item: Record<string, unknown>, at: Date, eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'MODIFY'): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });
  return {
    eventName,
    dynamodb: {
      Keys: { PK: image.PK, SK: image.SK } as never,
      ...(eventName === 'REMOVE' ? { OldImage: image as never } : { NewImage: image as never }),
      ApproximateCreationDateTime: Math.floor(at.getTime() / 1000),
    },
  };
}
const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('AWS freshness: stream → indexer → snapshot → search containers', () => {
  const clock = new ManualClock(NOW);
  let store: MemorySnapshotStore;
  let indexer: ReturnType<typeof createIndexer>;

  beforeAll(async () => {
    store = new MemorySnapshotStore();
    indexer = createIndexer({ store, rebuild: async () => SearchIndex.build({ products: fixtureProducts(), producers: fixtureProducers() }) });
    await indexer({ rebuild: true });
  });

  it('applies product and producer changes from a stream batch, ignoring other items', async () => {
    const product = makeProduct({ id: 'nuoc-mam-ca-linh', name: 'Nước mắm cá linh', createdAt: '2026-11-01T00:00:00.000Z' });
    const listing = { PK: 'LIST#ALL', SK: 'NEW#x', type: 'Listing', id: product.id };
    const producer = { ...producerKey('htx-ca-com-ham-ninh'), type: 'Producer', ...fixtureProducers()[0]!, name: 'HTX Nước mắm Hàm Ninh' };
    const out = await indexer(batch(record(productItem(product), new Date(), 'INSERT'), record(listing, new Date()), record(producer, new Date())));
    expect(out.applied).toBe(2);
    const snapshot = await store.read();
    const index = decodeSnapshot((snapshot as { body: Uint8Array }).body);
    expect(index.search({ q: 'ca linh', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, NOW).hits.map((h) => h.record.id)).toEqual(['nuoc-mam-ca-linh']);
    expect(index.search({ q: 'htx nuoc mam ham ninh', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, NOW).producers[0]?.record.id).toBe('htx-ca-com-ham-ninh');
  });

  it('removes a product hidden or deleted in the table', async () => {
    const hidden = { ...fixtureProducts()[1]!, status: 'archived' as const };
    await indexer(batch(record(productItem(hidden), new Date()), record(productItem(fixtureProducts()[2]!), new Date(), 'REMOVE')));
    const index = decodeSnapshot(((await store.read()) as { body: Uint8Array }).body);
    expect(index.hasProduct(hidden.id)).toBe(false);
    expect(index.hasProduct(fixtureProducts()[2]!.id)).toBe(false);
  });

  it('a search container sees a new snapshot at its next check, and keeps its own recent writes over an older one', async () => {
    const search = new SearchService({ loader: snapshotLoader(store), clock, refreshSeconds: 0 });
    expect(await ids(search, 'nuoc mam')).toContain('nuoc-mam-phu-quoc-40n');
    // This container saves a product; the snapshot does not have it yet.
    const local = makeProduct({ id: 'mam-ruoc-local', name: 'Mắm ruốc Huế' });
    search.upsertProduct(local);
    expect(await ids(search, 'mam ruoc')).toEqual(['mam-ruoc-local']);
    // Another container's write arrives through the stream: both are visible after the refresh.
    await indexer(batch(record(productItem(makeProduct({ id: 'mam-nem-other', name: 'Mắm nêm Đà Nẵng' })), new Date(Date.now() - 60_000), 'INSERT')));
    expect(await ids(search, 'mam nem')).toEqual(['mam-nem-other']);
    expect(await ids(search, 'mam ruoc')).toEqual(['mam-ruoc-local']);
  });

  it('checks the snapshot at most once per refresh interval (one conditional GET), and survives a failed check', async () => {
    const reads = store.reads;
    const search = new SearchService({ loader: snapshotLoader(store), clock, refreshSeconds: 30 });
    for (let i = 0; i < 5; i++) await search.search({ q: 'tra', filters: {}, sort: 'relevance', offset: 0, limit: 5 });
    expect(store.reads - reads).toBe(1);

    let calls = 0;
    const flaky: IndexLoader = {
      async load(known) {
        calls++;
        if (calls > 1) throw new Error('S3 unavailable');
        return snapshotLoader(store).load(known);
      },
    };
    const resilient = new SearchService({ loader: flaky, clock, refreshSeconds: 0, logger: { warn: () => undefined } as never });
    expect(await ids(resilient, 'tra shan tuyet')).toEqual(['tra-shan-tuyet-suoi-giang']);
    expect(await ids(resilient, 'tra shan tuyet')).toEqual(['tra-shan-tuyet-suoi-giang']);
    expect(calls).toBe(2);
  });
});
