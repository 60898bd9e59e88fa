/**
 * Search bench: 20,000 synthetic products + 10,000 producers indexed in process. Reports index build
 * time, snapshot size (JSON, gzip), heap, snapshot load time, and p50/p99 latency of a realistic
 * query mix — next to two baselines measured in the same run: a naive linear scan over folded text
 * (what "no index" costs) and MiniSearch with default settings (what the library gives untuned). The
 * relevance set (tests/search/relevance-set.json) is scored for all three on the demo catalogue.
 *
 * `node --import tsx bench/search.ts` writes bench/results/search-latest.md; `npm run bench` may call
 * runSearchBench(). Knobs for trial runs: SEARCH_BENCH_PRODUCTS, SEARCH_BENCH_PRODUCERS, SEARCH_BENCH_ROUNDS.
 */
import MiniSearch from 'minisearch';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { demoCatalog } from '../scripts/demo/demo-catalog';
import type { Product } from '../shared/catalog/product';
import { provinceCodes } from '../shared/reference/provinces';
import { isListedAt, SearchIndex } from '../shared/search/search-index';
import { decodeSnapshot, encodeSnapshot } from '../shared/search/snapshot-store';
import { fold, phrases } from '../shared/search/vietnamese-text';
import { certificateExpiresAt, certificateExpiresOn } from '../shared/registry/certificate-expiry';
import type { Producer } from '../shared/storefront/producer';
import { legalForms } from '../shared/storefront/producer';
import { productRecord, type ProductRecord } from '../shared/search/search-document';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = new Date('2026-11-23T03:00:00Z');
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** mulberry32: deterministic synthetic data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const QUALIFIERS = ['đặc biệt', 'thượng hạng', 'hộp quà', 'loại 1', 'hữu cơ', 'truyền thống', 'cao cấp', 'nguyên chất', 'túi 500 g', 'chai 500 ml', 'gia truyền', 'xuất khẩu'];
const PLACES = ['Hòa Bình', 'An Phú', 'Tân Lập', 'Mộc Châu', 'Sơn Tây', 'Vĩnh Hảo', 'Ngọc Linh', 'Thái Hòa', 'Long Hải', 'Cửa Lò', 'Bảo Lộc', 'Châu Đốc', 'Cát Bà', 'Đồng Văn'];
const FILLER =
  'Sản phẩm được làm thủ công theo công thức gia truyền của làng nghề, nguyên liệu tuyển chọn tại địa phương, không chất bảo quản. ' +
  'Đóng gói cẩn thận, phù hợp làm quà biếu dịp lễ Tết. Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.';

/**
 * 20,000 products shaped like the demo catalogue (its names, tags and descriptions, re-combined with
 * qualifiers, places and 10,000 producers across the 34 provinces), all listed, a few hundred expired.
 */
export function syntheticCatalogue(productCount: number, producerCount: number) {
  const demo = demoCatalog(NOW);
  const r = rng(20261123);
  const producers: Producer[] = Array.from({ length: producerCount }, (_, i) => {
    const template = r.pick(demo.producers);
    const place = r.pick(PLACES);
    return {
      ...template,
      id: `p-${i.toString(36)}`,
      name: `${template.name.split(' ').slice(0, 3).join(' ')} ${place} ${i % 97}`,
      legalForm: r.pick(legalForms),
      provinceCode: r.pick(provinceCodes),
      commune: `xã ${place}`,
      story: `${template.story} ${FILLER}`,
      demo: undefined,
    };
  });
  const products: Product[] = Array.from({ length: productCount }, (_, i) => {
    const template = r.pick(demo.products);
    const producer = r.pick(producers);
    const decisionDate = `202${r.int(4, 6)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    const expiresOn = i % 60 === 0 ? '2026-10-01' : certificateExpiresOn(decisionDate);
    return {
      ...template,
      id: `sp-${i.toString(36)}`,
      slug: `sp-${i.toString(36)}`,
      name: `${template.name} ${r.pick(QUALIFIERS)}`,
      description: `${template.description} ${FILLER}`,
      producerId: producer.id,
      producerName: producer.name,
      producerLegalForm: producer.legalForm,
      provinceCode: producer.provinceCode,
      commune: producer.commune,
      priceVnd: r.int(20, 2000) * 1000,
      certificate: { ...template.certificate!, status: 'active', stars: r.pick([3, 3, 3, 4, 4, 5]), expiresOn, expiresAt: certificateExpiresAt(expiresOn) },
      createdAt: new Date(NOW.getTime() - r.int(1, 500) * 86_400_000).toISOString(),
      demo: undefined,
    };
  });
  return { products, producers };
}

/** What shoppers type, by kind; filtered and sorted variants included. */
const MIX: Array<{ kind: string; q: string; filters?: Record<string, unknown>; sort?: 'relevance' | 'price_asc' | 'stars' }> = [
  { kind: 'unaccented', q: 'nuoc mam phu quoc' },
  { kind: 'unaccented', q: 'tra shan tuyet' },
  { kind: 'unaccented', q: 'mat ong' },
  { kind: 'unaccented', q: 'keo dua' },
  { kind: 'unaccented', q: 'ca phe robusta' },
  { kind: 'unaccented', q: 'gao st25' },
  { kind: 'accented', q: 'nước mắm' },
  { kind: 'accented', q: 'mật ong rừng' },
  { kind: 'accented', q: 'chè tân cương' },
  { kind: 'typo', q: 'tra shan tuyer' },
  { kind: 'typo', q: 'nuoc mam phu quc' },
  { kind: 'typo', q: 'yen sao khnh hoa' },
  { kind: 'missing space', q: 'phuquoc' },
  { kind: 'missing space', q: 'nuocmamphuquoc' },
  { kind: 'english', q: 'honey' },
  { kind: 'english', q: 'fish sauce' },
  { kind: 'province', q: 'kien giang' },
  { kind: 'province', q: 'thanh hoa' },
  { kind: 'broad', q: 'tra' },
  { kind: 'broad', q: 'dac san' },
  { kind: 'filtered', q: 'mat ong', filters: { minStars: 4 } },
  { kind: 'filtered', q: 'tra', filters: { group: 'food', price: '100k-200k' }, sort: 'price_asc' },
  { kind: 'no results', q: 'qwxz vbnm' },
];
const SUGGEST = ['ke', 'keo d', 'nuoc m', 'mat on', 'tra sh', 'phuq'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function timeMany(fn: () => void, rounds: number): { p50: number; p99: number; mean: number } {
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p99: percentile(t, 99), mean: t.reduce((a, b) => a + b, 0) / t.length };
}

/** Baseline 1: no index. Each query folds and scans every product's text (the gate and sort included). */
class LinearScan {
  private rows: Array<{ record: ProductRecord; text: string }>;
  constructor(products: Product[]) {
    this.rows = products.flatMap((p) => {
      const record = productRecord(p);
      const text = phrases(`${p.name} ${p.producerName} ${p.commune} ${p.tags.join(' ')} ${p.description}`).flat().map(fold).join(' ');
      return record ? [{ record, text: ` ${text} ` }] : [];
    });
  }
  search(q: string): ProductRecord[] {
    const terms = phrases(q).flat().map(fold);
    const hits = this.rows.filter((r) => isListedAt(r.record, NOW) && terms.every((t) => r.text.includes(` ${t}`)));
    return hits.sort((a, b) => b.record.stars - a.record.stars || (a.record.createdAt < b.record.createdAt ? 1 : -1)).map((h) => h.record);
  }
}

/** Baseline 2: MiniSearch as the README shows it: default tokenizer and term processing, prefix + fuzzy 0.2. */
class DefaultMiniSearch {
  private ms = new MiniSearch<{ id: string; name: string; producer: string; origin: string; tags: string; description: string }>({
    fields: ['name', 'producer', 'origin', 'tags', 'description'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2 } },
  });
  private records = new Map<string, ProductRecord>();
  constructor(products: Product[]) {
    for (const p of products) {
      const record = productRecord(p);
      if (!record) continue;
      this.records.set(p.id, record);
      this.ms.add({ id: p.id, name: p.name, producer: p.producerName, origin: p.commune, tags: p.tags.join(' '), description: p.description });
    }
  }
  search(q: string): ProductRecord[] {
    return this.ms.search(q).flatMap((r) => {
      const rec = this.records.get(r.id as string);
      return rec && isListedAt(rec, NOW) ? [rec] : [];
    });
  }
  get json(): string {
    return JSON.stringify(this.ms);
  }
}

interface RelevanceCase {
  q: string;
  top: number;
  expect: string[];
  match?: 'all' | 'any';
}
function relevanceScore(search: (q: string) => string[]): { passed: number; total: number } {
  const set = JSON.parse(readFileSync(resolve(repoRoot, 'tests/search/relevance-set.json'), 'utf8')) as { queries: RelevanceCase[] };
  let passed = 0;
  for (const c of set.queries) {
    const top = search(c.q).slice(0, c.top);
    const ok = c.match === 'any' ? c.expect.some((id) => top.includes(id)) : c.expect.every((id) => top.includes(id));
    if (ok) passed++;
  }
  return { passed, total: set.queries.length };
}

export interface SearchBenchResult {
  startedAt: string;
  machine: string;
  products: number;
  producers: number;
  ours: {
    buildMs: number;
    heapMb: number;
    loadedHeapMb: number;
    jsonMb: number;
    gzipMb: number;
    encodeMs: number;
    loadMs: number;
    byKind: Record<string, { p50: number; p99: number }>;
    all: { p50: number; p99: number };
    /** The same index and mix scored by MiniSearch's own search: the baseline of query-evaluator.ts. */
    library: { p50: number; p99: number };
    warm: { p50: number; p99: number };
    suggest: { p50: number; p99: number };
    relevance: { passed: number; total: number };
  };
  linearScan: { buildMs: number; heapMb: number; all: { p50: number; p99: number }; relevance: { passed: number; total: number } };
  miniSearchDefault: { buildMs: number; heapMb: number; jsonMb: number; all: { p50: number; p99: number }; relevance: { passed: number; total: number } };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms1 = (x: number) => Math.round(x * 100) / 100;

export async function runSearchBench(log: (msg: string) => void = console.log): Promise<SearchBenchResult> {
  const productCount = envInt('SEARCH_BENCH_PRODUCTS', 20_000);
  const producerCount = envInt('SEARCH_BENCH_PRODUCERS', 10_000);
  const rounds = envInt('SEARCH_BENCH_ROUNDS', 60);
  const startedAt = new Date().toISOString();
  const { products, producers } = syntheticCatalogue(productCount, producerCount);
  log(`search bench: ${products.length} products, ${producers.length} producers, ${rounds} rounds per query`);

  // --- ours -------------------------------------------------------------------------------
  let heap0 = heapUsed();
  let t = performance.now();
  let index: SearchIndex | undefined = SearchIndex.build({ products, producers });
  const buildMs = performance.now() - t;
  const heapMb = mb(heapUsed() - heap0);
  t = performance.now();
  const body = encodeSnapshot(index);
  const encodeMs = performance.now() - t;
  const jsonMb = mb(Buffer.byteLength(JSON.stringify(index.toSnapshot())));
  log(`ours: build ${Math.round(buildMs)} ms, heap ${heapMb} MB, snapshot ${jsonMb} MB JSON / ${mb(body.byteLength)} MB gzip`);
  index = undefined;
  heap0 = heapUsed();
  t = performance.now();
  const loaded = decodeSnapshot(body);
  const loadMs = performance.now() - t;
  const loadedHeapMb = mb(heapUsed() - heap0);

  // Cold: every query matched from scratch (the match cache off), as a query nobody asked recently.
  // Each query also runs through MiniSearch's own search (the engine before query-evaluator.ts),
  // interleaved and in alternating order, so both see the same machine at the same moment.
  loaded.matchCacheEnabled = false;
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  const library: number[] = [];
  const timed = (m: (typeof MIX)[number], engine: 'postings' | 'library') => {
    loaded.queryEngine = engine;
    const s = performance.now();
    loaded.search({ q: m.q, filters: m.filters ?? {}, sort: m.sort ?? 'relevance', offset: 0, limit: 24 }, NOW);
    return performance.now() - s;
  };
  for (let round = 0; round < rounds; round++) {
    for (const m of MIX) {
      const libraryFirst = round % 2 === 1;
      const before = libraryFirst ? timed(m, 'library') : 0;
      const d = timed(m, 'postings');
      library.push(libraryFirst ? before : timed(m, 'library'));
      (byKind[m.kind] ??= []).push(d);
      all.push(d);
    }
  }
  loaded.queryEngine = 'postings';
  // Warm: the same mix again with the cache on (popular queries repeat; gate, filters, facets still run).
  loaded.matchCacheEnabled = true;
  const warm: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const m of MIX) {
      const s = performance.now();
      loaded.search({ q: m.q, filters: m.filters ?? {}, sort: m.sort ?? 'relevance', offset: 0, limit: 24 }, NOW);
      warm.push(performance.now() - s);
    }
  }
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: ms1(percentile(s, 50)), p99: ms1(percentile(s, 99)) };
  };
  const suggestTimes: number[] = [];
  for (let round = 0; round < rounds; round++) for (const q of SUGGEST) suggestTimes.push(timeMany(() => loaded.suggest(q, NOW), 1).p50);

  const demo = demoCatalog(NOW);
  const demoIndex = SearchIndex.build({ products: demo.products, producers: demo.producers });
  const oursRelevance = relevanceScore((q) => demoIndex.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 10 }, NOW).hits.map((h) => h.record.id));

  // --- baseline 1: linear scan -------------------------------------------------------------
  heap0 = heapUsed();
  t = performance.now();
  const scan = new LinearScan(products);
  const scanBuild = performance.now() - t;
  const scanHeap = mb(heapUsed() - heap0);
  const scanTimes: number[] = [];
  for (let round = 0; round < Math.max(5, Math.floor(rounds / 6)); round++) {
    for (const m of MIX) {
      const s = performance.now();
      scan.search(m.q);
      scanTimes.push(performance.now() - s);
    }
  }
  const demoScan = new LinearScan(demo.products);

  // --- baseline 2: MiniSearch defaults -----------------------------------------------------
  heap0 = heapUsed();
  t = performance.now();
  const plain = new DefaultMiniSearch(products);
  const plainBuild = performance.now() - t;
  const plainHeap = mb(heapUsed() - heap0);
  const plainTimes: number[] = [];
  for (let round = 0; round < Math.max(5, Math.floor(rounds / 6)); round++) {
    for (const m of MIX) {
      const s = performance.now();
      plain.search(m.q);
      plainTimes.push(performance.now() - s);
    }
  }
  const demoPlain = new DefaultMiniSearch(demo.products);

  const result: SearchBenchResult = {
    startedAt,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
    products: products.length,
    producers: producers.length,
    ours: {
      buildMs: Math.round(buildMs),
      heapMb,
      loadedHeapMb,
      jsonMb,
      gzipMb: mb(body.byteLength),
      encodeMs: Math.round(encodeMs),
      loadMs: Math.round(loadMs),
      byKind: Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, stat(xs)])),
      all: stat(all),
      library: stat(library),
      warm: stat(warm),
      suggest: stat(suggestTimes),
      relevance: oursRelevance,
    },
    linearScan: {
      buildMs: Math.round(scanBuild),
      heapMb: scanHeap,
      all: stat(scanTimes),
      relevance: relevanceScore((q) => demoScan.search(q).map((r) => r.id)),
    },
    miniSearchDefault: {
      buildMs: Math.round(plainBuild),
      heapMb: plainHeap,
      jsonMb: mb(Buffer.byteLength(plain.json)),
      all: stat(plainTimes),
      relevance: relevanceScore((q) => demoPlain.search(q).map((r) => r.id)),
    },
  };
  log(`ours: p50 ${result.ours.all.p50} ms, p99 ${result.ours.all.p99} ms (MiniSearch search: ${result.ours.library.p50} / ${result.ours.library.p99} ms); scan p50 ${result.linearScan.all.p50} ms; MiniSearch default p50 ${result.miniSearchDefault.all.p50} ms`);
  return result;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export function renderSearchBench(r: SearchBenchResult): string {
  const row = (name: string, build: number, heap: number, size: string, lat: { p50: number; p99: number }, rel: { passed: number; total: number }) =>
    `| ${name} | ${build} ms | ${heap} MB | ${size} | ${lat.p50} ms | ${lat.p99} ms | ${rel.passed}/${rel.total} |`;
  return [
    '# Search bench',
    '',
    `Run ${r.startedAt} on ${r.machine}. ${r.products.toLocaleString('en')} synthetic products + ${r.producers.toLocaleString('en')} producers, in process (\`node --import tsx bench/search.ts\`).`,
    'Latency is one query end to end in the index: plan, match, gate, filters, facets over the whole match set, sort, page. Relevance is the repo\'s relevance set (tests/search/relevance-set.json) on the demo catalogue.',
    '',
    '| engine | build | heap | snapshot | p50 | p99 | relevance set |',
    '|---|---|---|---|---|---|---|',
    row('**ours** (MiniSearch + Vietnamese folding, syllable bigrams, gate, facets)', r.ours.buildMs, r.ours.heapMb, `${r.ours.jsonMb} MB JSON, **${r.ours.gzipMb} MB gzip**`, r.ours.all, r.ours.relevance),
    row('baseline: ours, scored by MiniSearch\'s own search (before query-evaluator.ts)', r.ours.buildMs, r.ours.heapMb, 'same', r.ours.library, r.ours.relevance),
    row('baseline: linear scan over folded text (no index)', r.linearScan.buildMs, r.linearScan.heapMb, '—', r.linearScan.all, r.linearScan.relevance),
    row('baseline: MiniSearch defaults (prefix, fuzzy 0.2)', r.miniSearchDefault.buildMs, r.miniSearchDefault.heapMb, `${r.miniSearchDefault.jsonMb} MB JSON`, r.miniSearchDefault.all, r.miniSearchDefault.relevance),
    '',
    `Ours ÷ MiniSearch's own search on the same index, same run: p50 ${ratio(r.ours.all.p50, r.ours.library.p50)}, p99 ${ratio(r.ours.all.p99, r.ours.library.p99)}.`,
    `Ours with the match cache warm (repeated queries): p50 ${r.ours.warm.p50} ms, p99 ${r.ours.warm.p99} ms. The table above is cold (cache off).`,
    `Snapshot: encode (JSON + gzip) ${r.ours.encodeMs} ms; load (gunzip + parse + MiniSearch.loadJS) **${r.ours.loadMs} ms**, heap after load ${r.ours.loadedHeapMb} MB.`,
    `Suggestions (prefix on the last word): p50 ${r.ours.suggest.p50} ms, p99 ${r.ours.suggest.p99} ms.`,
    '',
    '| query kind (ours, cold) | p50 | p99 |',
    '|---|---|---|',
    ...Object.entries(r.ours.byKind).map(([k, v]) => `| ${k} | ${v.p50} ms | ${v.p99} ms |`),
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runSearchBench().then((result) => {
    const out = resolve(repoRoot, 'bench/results/search-latest.md');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, renderSearchBench(result));
    console.log(`wrote ${out}`);
  });
}
