/**
 * `npm run bench`: load 20k products into DynamoDB Local, measure the app against a floor and a bare
 * Hono route, count DynamoDB calls per request, size the Lambda bundle and time a cold start.
 * What each figure means: bench/README.md. Knobs (for quick trial runs only): BENCH_PRODUCTS,
 * BENCH_DURATION, BENCH_WARMUP, BENCH_SERIAL, BENCH_CONNECTIONS, BENCH_COLD_RUNS, BENCH_FLASH_BUYERS, BENCH_FLASH_UNITS;
 * a run with any of them set writes bench/results/trial.* (flash-trial.*) instead of latest.* (flash-latest.*).
 * `npm run bench -- flash` (or BENCH_ONLY=flash) runs the flash-sale bench alone (bench/flash-sale.ts);
 * `npm run bench -- live` the live rush alone (bench/live-rush.ts; BENCH_LIVE_BUYERS/QUOTA/STOCK).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalDynamo } from '../scripts/local-dynamo';
import { listingItems } from '../shared/catalog/items';
import { listingPartition } from '../shared/catalog/keys';
import { CallCounter } from '../shared/db/call-counter';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { tableDefinition } from '../app/table';
import { ensureTable } from '../shared/db/create-table';
import { provinceCodes } from '../shared/reference/provinces';
import { bulkLoad } from './bulk-load';
import { bundle, bundleMinimal } from './bundle';
import { httpApiEvent } from './http-api-event';
import { measureColdStarts, prepareColdStartDir } from './cold-start';
import { renderFunctionsBench, runFunctionsBench } from './functions';
import { SearchIndex } from '../shared/search/search-index';
import { encodeSnapshot } from '../shared/search/snapshot-store';
import type { Product } from '../shared/catalog/product';
import { runFlashSale, writeFlashResults } from './flash-sale';
import { runLiveRush, writeLiveRushResults } from './live-rush';
import { renderSearchBench, runSearchBench } from './search';
import { locatorTrial, renderLocatorBench, runLocatorBench } from './locator';
import { buildDataset, defaultSpec } from './dataset';
import { runLoad, summarise, type LoadResult, type RawRun } from './load';
import { writeResults, type BenchResults, type Measured, type Overhead, type ScenarioResult } from './report';
import { BENCH_PROVINCE, buildScenarios } from './scenarios';
import { startServers, type Ports, type ServerCounts, type Servers } from './servers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const settings = {
  connections: envInt('BENCH_CONNECTIONS', 10),
  warmupS: envInt('BENCH_WARMUP', 2),
  /** Measured seconds per server and scenario, split over `rounds`. */
  durationS: envInt('BENCH_DURATION', 8),
  rounds: 2,
  serialS: envInt('BENCH_SERIAL', 3),
  appLogLevel: 'INFO' as const,
};
const products = envInt('BENCH_PRODUCTS', defaultSpec.listed);
const coldRuns = envInt('BENCH_COLD_RUNS', 5);
const flash = { buyers: envInt('BENCH_FLASH_BUYERS', 500), units: envInt('BENCH_FLASH_UNITS', 100) };
const flashOnly = process.argv.slice(2).includes('flash') || process.env.BENCH_ONLY === 'flash';
const live = { buyers: envInt('BENCH_LIVE_BUYERS', 1000), quota: envInt('BENCH_LIVE_QUOTA', 200), stock: envInt('BENCH_LIVE_STOCK', 500) };
const liveOnly = process.argv.slice(2).includes('live') || process.env.BENCH_ONLY === 'live';
const functionsOnly = process.argv.slice(2).includes('functions') || process.env.BENCH_ONLY === 'functions';
const locatorOnly = process.argv.slice(2).includes('locator') || process.env.BENCH_ONLY === 'locator';
const TABLE = 'ocop-bench';
const trial = ['BENCH_PRODUCTS', 'BENCH_DURATION', 'BENCH_WARMUP', 'BENCH_CONNECTIONS', 'BENCH_SERIAL', 'BENCH_COLD_RUNS', 'BENCH_FLASH_BUYERS', 'BENCH_FLASH_UNITS', 'BENCH_LIVE_BUYERS', 'BENCH_LIVE_QUOTA', 'BENCH_LIVE_STOCK'].some((k) => process.env[k]);

const t0 = performance.now();
const startedAt = new Date().toISOString();
const log = (msg: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch((e: Error) => console.error(`[bench] cleanup: ${e.message}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping servers and DynamoDB Local`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** What one server did between two count snapshots: requests, DynamoDB calls, CPU of the server process. */
interface Tally {
  requests: number;
  calls: Record<string, number>;
  cpuUs: number;
}

function tally(before: ServerCounts, after: ServerCounts, server: keyof Ports, into: Tally): void {
  const [b, a] = [before.servers[server], after.servers[server]];
  for (const [k, n] of Object.entries(a.calls)) {
    const d = n - (b.calls[k] ?? 0);
    if (d) into.calls[k] = (into.calls[k] ?? 0) + d;
  }
  into.requests += a.requests - b.requests;
  into.cpuUs += after.cpuUs - before.cpuUs;
}

interface Target {
  server: keyof Ports;
  nextPath: () => string;
}

/**
 * Warm-up each target, then measured rounds in ABBA order so drift (JIT, a neighbour's CPU burst on
 * this shared 2-core box) lands on app and floor alike; then a short serial run (1 connection) that
 * shows per-request latency without queueing. Counts and server CPU are taken around each measured
 * round only, so only one server is busy while its CPU is read.
 */
async function measure(servers: Servers, targets: Target[], label: string): Promise<Measured[]> {
  const run = (t: Target, durationS: number, connections = settings.connections) =>
    runLoad({ port: servers.ports[t.server], nextPath: t.nextPath, connections, durationS });
  for (const t of targets) await run(t, settings.warmupS);
  const raw: RawRun[][] = targets.map(() => []);
  const tallies: Tally[] = targets.map(() => ({ requests: 0, calls: {}, cpuUs: 0 }));
  for (let round = 0; round < settings.rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const before = await servers.counts();
      raw[i]!.push(await run(targets[i]!, settings.durationS / settings.rounds));
      tally(before, await servers.counts(), targets[i]!.server, tallies[i]!);
    }
  }
  const serial: LoadResult[] = [];
  for (const t of targets) serial.push(summarise([await run(t, settings.serialS, 1)]));
  return targets.map((t, i) => {
    const { requests, calls, cpuUs } = tallies[i]!;
    const totalCalls = Object.values(calls).reduce((x, y) => x + y, 0);
    const m: Measured = {
      ...summarise(raw[i]!),
      calls,
      serverRequests: requests,
      callsPerRequest: requests ? totalCalls / requests : 0,
      cpuMsPerRequest: requests ? cpuUs / 1000 / requests : Number.NaN,
      serial: serial[i]!,
    };
    log(
      `${label.padEnd(24)} ${t.server.padEnd(5)} ${Math.round(m.rps).toString().padStart(6)} req/s  p50 ${m.p50.toFixed(2)}  p99 ${m.p99.toFixed(2)} ms` +
        `  | 1 conn p50 ${m.serial.p50.toFixed(2)} ms  | CPU ${m.cpuMsPerRequest.toFixed(3)} ms/req  | calls/req ${m.callsPerRequest.toFixed(2)}`,
    );
    return m;
  });
}

/** One request through the app before load: proves each route answers what we think it answers. */
async function sample(port: number, path: string): Promise<ScenarioResult['sample']> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  const body = await res.text();
  let items: number | undefined;
  if (res.headers.get('content-type')?.includes('json')) {
    const json = JSON.parse(body) as { items?: unknown[] };
    items = json.items?.length;
  }
  return { status: res.status, items, bytes: Buffer.byteLength(body) };
}

function overhead(app: Measured, floor: Measured, bare: Measured): Overhead {
  const ok = (m: Measured) => (m.statusCodes['200'] ?? 0) / Math.max(1, m.requests);
  const base = {
    p50DeltaMs: app.p50 - floor.p50,
    p99DeltaMs: app.p99 - floor.p99,
    p50Ratio: app.p50 / floor.p50,
    p99Ratio: app.p99 / floor.p99,
    p50VsBare: app.p50 / bare.p50,
    p99VsBare: app.p99 / bare.p99,
    serialP50DeltaMs: app.serial.p50 - floor.serial.p50,
    serialP50Ratio: app.serial.p50 / floor.serial.p50,
    cpuDeltaMs: app.cpuMsPerRequest - floor.cpuMsPerRequest,
    cpuRatio: app.cpuMsPerRequest / floor.cpuMsPerRequest,
  };
  // A route that is still a placeholder answers without reading DynamoDB: comparing it to a floor that
  // does read would show a "negative overhead" that means nothing.
  if (app.requests === 0 || floor.requests === 0) {
    return { ...base, comparable: false, why: `no response completed within the measured window (app ${app.requests}, floor ${floor.requests}): the box is overloaded` };
  }
  if (ok(app) < 0.99) {
    return { ...base, comparable: false, why: `the app answers ${Object.keys(app.statusCodes).join('/')} (route not implemented yet?), ${app.callsPerRequest.toFixed(2)} DynamoDB calls/request; the floor reads the product` };
  }
  return { ...base, comparable: true };
}

async function main(): Promise<number> {
  const warnings: string[] = [];
  // Taken before anything of ours runs: whatever is here is other people's work on the same cores.
  const loadBefore = loadavg()[0]!;

  log('starting DynamoDB Local (in memory)');
  const dynamo = await startLocalDynamo();
  cleanups.push(() => dynamo.stop());
  if (flashOnly) return flashSale(dynamo.endpoint);
  if (liveOnly) return liveRush(dynamo.endpoint);
  if (functionsOnly) return functionsAlone(dynamo.endpoint);
  if (locatorOnly) return locator(dynamo.endpoint);
  const client = createDynamoClient({ endpoint: dynamo.endpoint, region: 'local' });
  cleanups.push(() => client.destroy());
  const loadCounter = new CallCounter().attach(client);
  const db = createDocumentClient(client);
  await ensureTable(client, TABLE, tableDefinition);

  const now = new Date();
  const spec = { ...defaultSpec, listed: products, producers: Math.max(10, Math.round((products / defaultSpec.listed) * defaultSpec.producers)) };
  const dataset = buildDataset(now, spec);
  log(`generated ${dataset.products.length} valid products; loading with BatchWriteItem ×25, 8 in flight`);
  const load = await bulkLoad(db, TABLE, dataset.products, { concurrency: 8, onProgress: (n, total) => log(`  ${n}/${total} items`) });
  log(`loaded ${load.itemsWritten} items in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.itemsPerSecond)} items/s, ${load.unprocessedRetries} retries)`);

  // Cross-check the load through the key layout rather than trusting the writer's own count. One
  // province partition, not LIST#ALL: counting 20k items costs DynamoDB Local half a minute on a busy box.
  const provincePartition = listingPartition({ kind: 'province', value: BENCH_PROVINCE });
  const expectedInProvince = dataset.products.filter((p) => p.provinceCode === BENCH_PROVINCE && listingItems(p).length > 0).length;
  let provinceListingItems = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': provincePartition }, Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    provinceListingItems += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  if (provinceListingItems !== expectedInProvince) {
    throw new Error(`${provincePartition} holds ${provinceListingItems} listing items, expected ${expectedInProvince}`);
  }

  log('starting servers (app, bare Hono, floor) in a child process');
  const servers = await startServers({ tableName: TABLE, endpoint: dynamo.endpoint, logLevel: settings.appLogLevel });
  cleanups.push(() => servers.stop());

  const scenarios = buildScenarios(dataset.listedIds);
  const loadBeforeMeasure = loadavg()[0]!;
  const [bare] = (await measure(servers, [{ server: 'bare', nextPath: () => '/bare' }], 'static JSON')) as [Measured];
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    const first = await sample(servers.ports.app, s.app());
    if (s.name.startsWith('list-') && first.items !== 24) warnings.push(`${s.name}: the app returned ${first.items ?? 'no'} items for limit=24 (status ${first.status})`);
    const [app, floor] = (await measure(servers, [{ server: 'app', nextPath: s.app }, { server: 'floor', nextPath: s.floor }], s.name)) as [Measured, Measured];
    if (Math.abs(app.callsPerRequest - floor.callsPerRequest) > 0.05 && app.statusCodes['200']) {
      warnings.push(`${s.name}: app makes ${app.callsPerRequest.toFixed(2)} DynamoDB calls/request, floor ${floor.callsPerRequest.toFixed(2)}: the floor no longer mirrors the app`);
    }
    if (app.callsPerRequest > 2) warnings.push(`${s.name}: ${app.callsPerRequest.toFixed(2)} DynamoDB calls/request (target ≤ 2)`);
    for (const [who, m] of [['app', app], ['floor', floor]] as const) {
      if (m.errors || m.timeouts) warnings.push(`${s.name} ${who}: ${m.errors} connection errors, ${m.timeouts} timeouts`);
      if (m.requests < 100) warnings.push(`${s.name} ${who}: only ${m.requests} responses measured: percentiles are not meaningful`);
    }
    results.push({ name: s.name, describe: s.describe, sample: first, app, floor, overhead: overhead(app, floor, bare) });
  }
  const finalCounts = await servers.counts();
  const scans = (finalCounts.servers.app.calls.Scan ?? 0) + (finalCounts.servers.floor.calls.Scan ?? 0) + loadCounter.get('Scan');
  await servers.stop();

  log('bundling functions/api/handler.ts like NodejsFunction');
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
  cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
  const appBundle = await bundle(join(repoRoot, 'functions/api/handler.ts'), outDir, 'api');
  const minimalBundle = await bundleMinimal(outDir);
  log(`bundle ${appBundle.kb.toFixed(1)} KB (gzip ${appBundle.gzipKb.toFixed(1)} KB); timing ${coldRuns} cold starts each`);
  const script = prepareColdStartDir(outDir, repoRoot);
  const cold = await measureColdStarts({
    script,
    repoRoot,
    appBundle: appBundle.file,
    minimalBundle: minimalBundle.file,
    runs: coldRuns,
    env: {
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'local',
      BENCH_EVENT: JSON.stringify(httpApiEvent('GET', '/api/products', 'limit=24', {}, 'bench')),
    },
  });
  log(`cold start median ${cold.app.median.spawnToAnswerMs.toFixed(1)} ms vs constant handler ${cold.minimal.median.spawnToAnswerMs.toFixed(1)} ms`);

  const cpu = cpus();
  const results_: BenchResults = {
    startedAt,
    totalSeconds: (performance.now() - t0) / 1000,
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${platform()} ${release()}`, totalMemGb: totalmem() / 2 ** 30 },
    settings,
    loadAverage: { beforeLoad: loadBefore, beforeMeasure: loadBeforeMeasure, end: loadavg()[0]! },
    dataset: {
      listed: spec.listed,
      expired: spec.expired,
      twoStar: spec.twoStar,
      producers: spec.producers,
      groups: dataset.byGroup,
      stars: dataset.byStars,
      subgroups: dataset.subgroupsUsed,
      provinces: Object.keys(dataset.byProvince).length,
      benchProvince: BENCH_PROVINCE,
      benchProvinceListed: dataset.byProvince[BENCH_PROVINCE] ?? 0,
      provinceListingItems,
      idsRotated: dataset.listedIds.length,
    },
    load,
    bare,
    scenarios: results,
    scans,
    bundle: { app: appBundle, minimal: minimalBundle },
    coldStart: {
      app: cold.app,
      minimal: cold.minimal,
      ratio: cold.app.median.spawnToAnswerMs / cold.minimal.median.spawnToAnswerMs,
      deltaMs: cold.app.median.spawnToAnswerMs - cold.minimal.median.spawnToAnswerMs,
    },
    warnings,
  };
  if (Object.keys(dataset.byProvince).length !== provinceCodes.length) warnings.push(`only ${Object.keys(dataset.byProvince).length} of ${provinceCodes.length} provinces have products`);
  if (loadBefore > 1) {
    warnings.push(`1-min load average was ${loadBefore.toFixed(1)} on ${cpu.length} cores before the bench started: other work shared the CPU, so absolute figures are inflated and noisy (ratios from interleaved rounds hold up better)`);
  }
  if (scans > 0) warnings.unshift(`${scans} DynamoDB Scan call(s): every access pattern must be a key`);

  const { markdown, files } = writeResults(join(repoRoot, 'bench/results'), results_, trial);
  console.log('\n' + markdown);
  log(`wrote ${files.map((f) => f.replace(repoRoot + '/', '')).join(', ')}`);
  if (scans > 0) {
    console.error(`\n[bench] FAILED: ${scans} DynamoDB Scan call(s) during the bench. Every access pattern must be a key.`);
    return 1;
  }

  // Search runs in process (its index, not DynamoDB, is what a query costs): docs/search.md.
  log('search: building an index of 20,000 products + 10,000 producers');
  const searchMarkdown = renderSearchBench(await runSearchBench(log));
  const searchOut = join(repoRoot, `bench/results/${trial ? 'search-trial' : 'search-latest'}.md`);
  writeFileSync(searchOut, searchMarkdown);
  console.log('\n' + searchMarkdown);
  log(`wrote ${searchOut.replace(repoRoot + '/', '')}`);
  await lambdaFunctions(dynamo.endpoint, TABLE, dataset.products);
  await locator(dynamo.endpoint);
  const flashCode = await flashSale(dynamo.endpoint);
  return (await liveRush(dynamo.endpoint)) || flashCode;
}

/** Issue 12: nearest-point searches at 5,000 and 50,000 points beside brute force (bench/locator.ts). */
async function locator(endpoint: string): Promise<number> {
  const markdown = renderLocatorBench(await runLocatorBench(endpoint, log));
  const out = join(repoRoot, `bench/results/${locatorTrial || trial ? 'locator-trial' : 'locator-latest'}.md`);
  writeFileSync(out, markdown);
  console.log('\n' + markdown);
  log(`wrote ${out.replace(repoRoot + '/', '')}`);
  return 0;
}

/** Issue 16: every Lambda of app/functions.ts, sized and cold-started against the same table. */
async function lambdaFunctions(endpoint: string, tableName: string, catalogue: Product[]): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-bench-fn-'));
  cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
  const snapshotFile = join(outDir, 'search-snapshot.json.gz');
  writeFileSync(snapshotFile, encodeSnapshot(SearchIndex.build({ products: catalogue, producers: [] })));
  log(`functions: bundling ${tableName}'s three API functions, ${coldRuns} cold starts each`);
  const result = await runFunctionsBench({
    repoRoot,
    outDir,
    runs: coldRuns,
    env: { TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'local', LOG_LEVEL: 'WARN' },
    snapshotFile,
    log,
  });
  const markdown = `# Lambda functions — ${new Date().toISOString()}\n\nCatalogue: ${catalogue.length} products (search snapshot of the same).\n\n${renderFunctionsBench(result)}`;
  const out = join(repoRoot, `bench/results/${trial ? 'functions-trial' : 'functions-latest'}.md`);
  writeFileSync(out, markdown);
  writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(result, null, 2));
  console.log('\n' + markdown);
  log(`wrote ${out.replace(repoRoot + '/', '')}`);
}

/** `npm run bench -- functions`: only the function split, on a smaller catalogue (BENCH_PRODUCTS, default 5,000). */
async function functionsAlone(endpoint: string): Promise<number> {
  const client = createDynamoClient({ endpoint, region: 'local' });
  cleanups.push(() => client.destroy());
  const db = createDocumentClient(client);
  await ensureTable(client, TABLE, tableDefinition);
  const listed = envInt('BENCH_PRODUCTS', 5_000);
  const spec = { ...defaultSpec, listed, producers: Math.max(10, Math.round((listed / defaultSpec.listed) * defaultSpec.producers)) };
  const dataset = buildDataset(new Date(), spec);
  const load = await bulkLoad(db, TABLE, dataset.products, { concurrency: 8 });
  log(`loaded ${load.itemsWritten} items`);
  await lambdaFunctions(endpoint, TABLE, dataset.products);
  return 0;
}

/** Last, on its own table, so nothing else runs during the rush; fails the bench unless exactly `units` sell. */
async function flashSale(endpoint: string): Promise<number> {
  const result = await runFlashSale({ endpoint, tableName: `${TABLE}-flash`, buyers: flash.buyers, units: flash.units, log });
  const { markdown, files } = writeFlashResults(join(repoRoot, 'bench/results'), result, trial);
  console.log('\n' + markdown);
  log(`wrote ${files.map((f) => f.replace(repoRoot + '/', '')).join(', ')}`);
  if (result.failures.length) {
    console.error(`\n[bench] FAILED: flash sale\n${result.failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

/** On its own table after the flash sale: exactly `quota` sell at the live price, or the bench fails. */
async function liveRush(endpoint: string): Promise<number> {
  const result = await runLiveRush({ endpoint, tableName: `${TABLE}-live`, ...live, log });
  const markdown = writeLiveRushResults(join(repoRoot, 'bench/results'), result, trial);
  console.log('\n' + markdown);
  if (result.failures.length) {
    console.error(`\n[bench] FAILED: live rush\n${result.failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('[bench] failed:', error);
} finally {
  await cleanup();
}
process.exit(code);
