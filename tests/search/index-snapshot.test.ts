import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../scripts/demo/demo-catalog';
import { documentFrequency, hasPrefix, nearTerms } from '../../shared/search/lexicon';
import { S3SnapshotStore } from '../../shared/search/s3-snapshot-store';
import { SearchIndex } from '../../shared/search/search-index';
import { decodeSnapshot, encodeSnapshot, FileSnapshotStore } from '../../shared/search/snapshot-store';

const NOW = new Date('2026-11-23T03:00:00Z');
const demo = demoCatalog(NOW);
const QUERIES = ['nuoc mam phu quoc', 'mắm', 'phuquoc', 'tra shan tuyer', 'honey', 'kien giang', 'hop tac xa'];
const run = (index: SearchIndex, q: string) => {
  const out = index.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 10 }, NOW);
  return { ids: out.hits.map((h) => h.record.id), facets: out.facets, producers: out.producers.map((p) => p.record.id) };
};

describe('snapshots', () => {
  const index = SearchIndex.build({ products: demo.products, producers: demo.producers });

  it('round-trip: a loaded snapshot answers exactly like the index it was written from', () => {
    const body = encodeSnapshot(index);
    const loaded = decodeSnapshot(body);
    expect(loaded.productCount).toBe(index.productCount);
    expect(loaded.producerCount).toBe(index.producerCount);
    for (const q of QUERIES) expect(run(loaded, q)).toEqual(run(index, q));
    // A loaded index takes updates like a built one.
    loaded.removeProduct('nuoc-mam-phu-quoc-40-do-dam-1b9c');
    expect(run(loaded, 'nuoc mam phu quoc').ids).not.toContain('nuoc-mam-phu-quoc-40-do-dam-1b9c');
  });

  it('compaction after many edits brings the snapshot back to the size of a fresh build', async () => {
    const edited = SearchIndex.build({ products: demo.products, producers: demo.producers });
    for (let round = 0; round < 5; round++) for (const p of demo.products) edited.upsertProduct({ ...p, updatedAt: `2026-11-2${round}T00:00:00.000Z` });
    await edited.compact();
    const fresh = encodeSnapshot(index).byteLength;
    expect(encodeSnapshot(edited).byteLength).toBeLessThan(fresh * 1.1);
    for (const q of QUERIES) expect(run(edited, q).ids).toEqual(run(index, q).ids);
  });

  describe('FileSnapshotStore', () => {
    let dir: string;
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reads nothing before the first write, then the snapshot, then "unchanged"', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ocop-search-'));
      const store = new FileSnapshotStore(join(dir, 'search', 'index.json.gz'));
      expect(await store.read()).toBeUndefined();
      const version = await store.write(encodeSnapshot(index));
      const found = await store.read();
      expect(found).toMatchObject({ version });
      expect(await store.read(version)).toBe('unchanged');
    });
  });

  describe('S3SnapshotStore', () => {
    const s3 = mockClient(S3Client);
    const store = new S3SnapshotStore(new S3Client({ region: 'ap-southeast-1' }), 'bucket', 'search/index-v1.json.gz');

    it('sends If-None-Match and reads a 304 as "unchanged"', async () => {
      s3.reset();
      s3.on(GetObjectCommand).rejects(Object.assign(new S3ServiceException({ name: 'NotModified', $fault: 'client', $metadata: { httpStatusCode: 304 } }), {}));
      expect(await store.read('"etag-1"')).toBe('unchanged');
      expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'bucket', Key: 'search/index-v1.json.gz', IfNoneMatch: '"etag-1"' });
    });

    it('reads a missing snapshot as none, and a present one with its ETag as version', async () => {
      s3.reset();
      s3.on(GetObjectCommand).rejectsOnce(new NoSuchKey({ message: 'no', $metadata: {} }));
      expect(await store.read()).toBeUndefined();
      const body = encodeSnapshot(index);
      // The SDK's body stream, as far as the store uses it.
      s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => body } as never, ETag: '"etag-2"' });
      const found = await store.read();
      expect(found).toMatchObject({ version: '"etag-2"' });
      expect(decodeSnapshot((found as { body: Uint8Array }).body).productCount).toBe(index.productCount);
    });

    it('writes with a PUT and returns the new ETag', async () => {
      s3.reset();
      s3.on(PutObjectCommand).resolves({ ETag: '"etag-3"' });
      expect(await store.write(new Uint8Array([1, 2, 3]))).toBe('"etag-3"');
    });
  });
});

describe('lexicon (MiniSearch term dictionary reads)', () => {
  // Guards the term-dictionary reads; query-evaluator.test.ts guards the scoring reads: an upgrade that changes MiniSearch internals fails one of them.
  const ms = new MiniSearch({ fields: ['a', 'b'], tokenize: (s: string) => s.split(' '), processTerm: (t: string) => t });
  ms.addAll([
    { id: 1, a: 'nuoc mam', b: 'phu quoc' },
    { id: 2, a: 'nuoc dua', b: 'ben tre' },
    { id: 3, a: 'mat ong', b: 'nuoc' },
  ]);

  it('counts documents per field', () => {
    expect(documentFrequency(ms, 'nuoc', ['a'])).toBe(2);
    expect(documentFrequency(ms, 'nuoc', ['a', 'b'])).toBe(2);
    expect(documentFrequency(ms, 'nuoc', ['b'])).toBe(1);
    expect(documentFrequency(ms, 'quoc', ['a'])).toBe(0);
    expect(documentFrequency(ms, 'nothing', ['a', 'b'])).toBe(0);
  });

  it('finds terms one edit away, most frequent first', () => {
    expect(nearTerms(ms, 'nuic', ['a', 'b'], 1).map((n) => n.term)).toEqual(['nuoc']);
    expect(nearTerms(ms, 'dua', ['a'], 1).map((n) => n.term)).toEqual([]);
    expect(nearTerms(ms, 'mam', ['a'], 1).map((n) => n.term)).toEqual(['mat']);
  });

  it('knows whether a prefix starts some term of the fields', () => {
    expect(hasPrefix(ms, 'nu', ['a'])).toBe(true);
    expect(hasPrefix(ms, 'be', ['a'])).toBe(false);
    expect(hasPrefix(ms, 'be', ['b'])).toBe(true);
  });
});
