/**
 * Locator bench (issue 12): nearest-point searches at 5,000 and 50,000 points on DynamoDB Local —
 * p50/p99 and DynamoDB calls per search — next to two baselines measured in the same run on the same
 * table: brute force through DynamoDB (every point of the country, from the 34 province partitions
 * of the province index, then haversine: what a search costs without geo cells) and brute force in
 * memory (haversine over an array already loaded: the CPU floor, no I/O).
 *
 * Seeding writes the store's exact items (pointItems) with BatchWriteItem, 16 batches in flight.
 * `npm run bench -- locator` (or BENCH_ONLY=locator) runs it alone; `npm run bench` runs it too.
 * Knobs for trial runs: LOCATOR_BENCH_SIZES (e.g. "2000"), LOCATOR_BENCH_SEARCHES.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cpus, loadavg } from 'node:os';
import { tableDefinition } from '../app/table';
import { CallCounter } from '../shared/db/call-counter';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { ensureTable } from '../shared/db/create-table';
import { haversineKm } from '../shared/locator/geo-cells';
import type { PointOfSale } from '../shared/locator/point-of-sale';
import { nearbyPoints, type NearbyQuery } from '../shared/locator/service';
import { DynamoPointStore, pointItems } from '../shared/locator/store';
import { vietnamBoxes } from '../shared/locator/vietnam-bounds';
import { provinces } from '../shared/reference/provinces';
import { ManualClock } from '../shared/time/clock';

const envList = (name: string, fallback: number[]) => (process.env[name] ? process.env[name]!.split(',').map(Number).filter((n) => n > 0) : fallback);
/** Fewer searches is a trial; fewer sizes (a busy machine) is a real run of those sizes. */
export const locatorTrial = Boolean(process.env.LOCATOR_BENCH_SEARCHES);
const SIZES = envList('LOCATOR_BENCH_SIZES', [5_000, 50_000]);
const SEARCHES = envList('LOCATOR_BENCH_SEARCHES', [200])[0]!;
/** Brute force through DynamoDB reads the whole country per search: a handful is enough for its p50. */
const BRUTE_SEARCHES = 12;
const NOW = new Date('2026-12-21T02:00:00Z');
const hours = { weekly: { mon: [{ open: '07:30', close: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closures: [] };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The property test's distribution: clustered round province centres, plus a uniform spread over every box. */
function generator(seed: number) {
  const random = rng(seed);
  const somewhere = (): [number, number] => {
    if (random() < 0.7) {
      const p = provinces[Math.floor(random() * provinces.length)]!;
      return [p.lat + (random() - 0.5) * 0.6, p.lng + (random() - 0.5) * 0.6];
    }
    const b = vietnamBoxes[Math.floor(random() * vietnamBoxes.length)]!;
    return [b.south + random() * (b.north - b.south), b.west + random() * (b.east - b.west)];
  };
  return { random, somewhere };
}

function makePoints(n: number): PointOfSale[] {
  const { somewhere } = generator(20261203 + n);
  return Array.from({ length: n }, (_, i) => {
    const [lat, lng] = somewhere();
    return {
      id: `diem-${i}`,
      name: `Điểm bán ${i}`,
      type: i % 3 ? 'showroom' : 'rest_stop',
      provinceCode: provinces[i % provinces.length]!.code,
      commune: 'Phường Thử',
      street: `${i} Đường Thử`,
      lat,
      lng,
      openingHours: hours,
      status: 'open',
      productIds: [],
      producerIds: [],
      createdAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
      version: 1,
    } satisfies PointOfSale;
  });
}

async function seed(db: DynamoDBDocumentClient, table: string, points: PointOfSale[]): Promise<{ items: number; ms: number }> {
  const started = performance.now();
  const items = points.flatMap(pointItems);
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      let pending: Record<string, unknown[]> | undefined = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
      for (let attempt = 0; pending && Object.keys(pending).length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
        const out = await db.send(new BatchWriteCommand({ RequestItems: pending as never }));
        pending = out.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { items: items.length, ms: performance.now() - started };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export interface LocatorSizeResult {
  points: number;
  items: number;
  seedMs: number;
  searches: number;
  ours: { p50: number; p99: number; queries: { mean: number; max: number }; otherCalls: number; itemsRead: { mean: number }; mismatches: number };
  bruteDynamo: { searches: number; p50: number; p99: number; queries: { mean: number } };
  bruteMemory: { p50: number; p99: number };
}

function bruteForce(points: readonly PointOfSale[], q: NearbyQuery) {
  return points
    .filter((p) => p.status !== 'closed' && (!q.type || p.type === q.type))
    .map((p) => ({ id: p.id, d: haversineKm(q.lat, q.lng, p.lat, p.lng) }))
    .filter((x) => x.d <= q.radiusKm)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, q.limit)
    .map((x) => x.id);
}

export async function runLocatorBench(endpoint: string, log: (m: string) => void): Promise<LocatorSizeResult[]> {
  const out: LocatorSizeResult[] = [];
  for (const size of SIZES) {
    const client = createDynamoClient({ endpoint, region: 'local' });
    const counter = new CallCounter().attach(client);
    const db = createDocumentClient(client);
    const table = `ocop-bench-locator-${size}`;
    await ensureTable(client, table, tableDefinition);
    const points = makePoints(size);
    log(`locator: seeding ${size} points with BatchWriteItem`);
    const loaded = await seed(db, table, points);
    log(`locator: ${loaded.items} items in ${(loaded.ms / 1000).toFixed(1)} s`);
    const store = new DynamoPointStore(db, table);
    const services = { points: store, clock: new ManualClock(NOW.toISOString()) } as unknown as Parameters<typeof nearbyPoints>[0];

    const { random, somewhere } = generator(7 + size);
    const queries: NearbyQuery[] = Array.from({ length: SEARCHES }, () => {
      const [lat, lng] = somewhere();
      const radiusKm = Math.round(Math.exp(Math.log(0.1) + random() * (Math.log(500) - Math.log(0.1))) * 1000) / 1000;
      return { lat, lng, radiusKm, limit: 20, type: random() < 0.2 ? ('rest_stop' as const) : undefined };
    });
    // Warm-up (JIT, connections), not measured.
    for (const q of queries.slice(0, 10)) await nearbyPoints(services, q);

    const ms: number[] = [];
    const queryCounts: number[] = [];
    let otherCalls = 0;
    let mismatches = 0;
    const itemsRead: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const { value, calls } = await counter.measure(() => nearbyPoints(services, q));
      ms.push(performance.now() - t);
      queryCounts.push(calls.Query ?? 0);
      otherCalls += Object.entries(calls).filter(([k]) => k !== 'Query').reduce((a, [, n]) => a + n, 0);
      if (JSON.stringify(value.map((v) => v.point.id)) !== JSON.stringify(bruteForce(points, q))) mismatches++;
      itemsRead.push(value.length);
    }

    const bruteMs: number[] = [];
    const bruteQueries: number[] = [];
    for (const q of queries.slice(0, BRUTE_SEARCHES)) {
      const t = performance.now();
      const { calls } = await counter.measure(async () => {
        const all = (await Promise.all(provinces.map((p) => store.inProvince(p.code)))).flat();
        return bruteForce(all, q);
      });
      bruteMs.push(performance.now() - t);
      bruteQueries.push(calls.Query ?? 0);
    }
    const memMs: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      bruteForce(points, q);
      memMs.push(performance.now() - t);
    }
    out.push({
      points: size,
      items: loaded.items,
      seedMs: loaded.ms,
      searches: queries.length,
      ours: { p50: pct(ms, 50), p99: pct(ms, 99), queries: { mean: mean(queryCounts), max: Math.max(...queryCounts) }, otherCalls, itemsRead: { mean: mean(itemsRead) }, mismatches },
      bruteDynamo: { searches: bruteMs.length, p50: pct(bruteMs, 50), p99: pct(bruteMs, 99), queries: { mean: mean(bruteQueries) } },
      bruteMemory: { p50: pct(memMs, 50), p99: pct(memMs, 99) },
    });
    log(`locator: ${size} points — ours p50 ${pct(ms, 50).toFixed(1)} ms, brute force (DynamoDB) p50 ${pct(bruteMs, 50).toFixed(0)} ms`);
    client.destroy();
  }
  return out;
}

const f = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '—');

export function renderLocatorBench(results: LocatorSizeResult[]): string {
  const lines = [
    '# Locator bench',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}. DynamoDB Local (in memory), one process; \`npm run bench -- locator\`.`,
    'Searches: random centres (70 % round province centres, 30 % anywhere in the boxes, islands included), log-uniform radii 0.1–500 km, limit 20, 20 % with a type filter. Latency is `nearbyPoints` end to end (cells → Queries → haversine → filters → sort).',
    'Brute force (DynamoDB): every point of the country from the 34 province partitions (paginated Queries in parallel), then the same haversine and sort. Brute force (memory): the haversine and sort over an array already in memory — no I/O.',
    '',
    '| points | items seeded (BatchWrite) | ours p50 | ours p99 | Queries / search (mean, max) | brute force DynamoDB p50 / p99 (Queries) | brute force memory p50 / p99 | brute DynamoDB ÷ ours (p50) | ours ÷ memory (p50) | results ≠ brute force |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.points.toLocaleString('en')} | ${r.items.toLocaleString('en')} in ${(r.seedMs / 1000).toFixed(1)} s | ${f(r.ours.p50)} ms | ${f(r.ours.p99)} ms | ${r.ours.queries.mean.toFixed(1)}, ${r.ours.queries.max}${r.ours.otherCalls ? ` (+${r.ours.otherCalls} other)` : ''} | ${f(r.bruteDynamo.p50)} / ${f(r.bruteDynamo.p99)} ms (${r.bruteDynamo.queries.mean.toFixed(0)}) | ${f(r.bruteMemory.p50)} / ${f(r.bruteMemory.p99)} ms | **${ratio(r.bruteDynamo.p50, r.ours.p50)}** | ${ratio(r.ours.p50, r.bruteMemory.p50)} | ${r.ours.mismatches}/${r.searches} |`,
    );
  }
  if (results.length >= 2) {
    const [a, b] = [results[0]!, results[results.length - 1]!];
    lines.push('', `×${(b.points / a.points).toFixed(0)} points: ours p50 ${ratio(b.ours.p50, a.ours.p50)}, p99 ${ratio(b.ours.p99, a.ours.p99)}; brute force through DynamoDB p50 ${ratio(b.bruteDynamo.p50, a.bruteDynamo.p50)}. Queries per search stay ≤ 9 (docs/locator.md).`);
  }
  lines.push('', `Brute force through DynamoDB was timed on the first ${results[0]?.bruteDynamo.searches ?? 0} searches of each size (each reads the whole country). 0 Scans.`, '');
  return lines.join('\n');
}

// Run alone: node --import tsx bench/locator.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startLocalDynamo } = await import('../scripts/local-dynamo');
  const { writeFileSync } = await import('node:fs');
  const dynamo = await startLocalDynamo();
  try {
    const t0 = performance.now();
    const md = renderLocatorBench(await runLocatorBench(dynamo.endpoint, (m) => console.log(`[locator ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}`)));
    const file = new URL(`./results/${locatorTrial ? 'locator-trial' : 'locator-latest'}.md`, import.meta.url);
    writeFileSync(file, md);
    console.log(md);
  } finally {
    await dynamo.stop();
  }
}
