/** Turns the bench's numbers into bench/results/latest.{json,md} and a dated copy. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadStats } from './bulk-load';
import type { BundleInfo } from './bundle';
import type { ColdStartSummary } from './cold-start';
import type { LoadResult } from './load';

export interface Measured extends LoadResult {
  calls: Record<string, number>;
  callsPerRequest: number;
  serverRequests: number;
  /** CPU of the server process per request (user + system), over the measured rounds. */
  cpuMsPerRequest: number;
  /** The same route with 1 connection: latency without queueing behind other requests. */
  serial: LoadResult;
}

export interface Overhead {
  comparable: boolean;
  why?: string;
  p50DeltaMs: number;
  p99DeltaMs: number;
  p50Ratio: number;
  p99Ratio: number;
  p50VsBare: number;
  p99VsBare: number;
  serialP50DeltaMs: number;
  serialP50Ratio: number;
  cpuDeltaMs: number;
  cpuRatio: number;
}

export interface ScenarioResult {
  name: string;
  describe: string;
  sample: { status: number; items?: number; bytes: number };
  app: Measured;
  floor: Measured;
  overhead: Overhead;
}

export interface BenchResults {
  startedAt: string;
  totalSeconds: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemGb: number };
  settings: { connections: number; warmupS: number; durationS: number; rounds: number; serialS: number; appLogLevel: string };
  /** 1-min load average: before the bench (neighbours only), before measuring and at the end (ours included). */
  loadAverage: { beforeLoad: number; beforeMeasure: number; end: number };
  dataset: {
    listed: number;
    expired: number;
    twoStar: number;
    producers: number;
    groups: Record<string, number>;
    stars: Record<string, number>;
    subgroups: number;
    provinces: number;
    benchProvince: string;
    benchProvinceListed: number;
    /** Listing items counted in the bench province's partition after the load (listed + lapsed). */
    provinceListingItems: number;
    idsRotated: number;
  };
  load: LoadStats;
  bare: Measured;
  scenarios: ScenarioResult[];
  scans: number;
  bundle: { app: BundleInfo; minimal: BundleInfo };
  coldStart: { app: ColdStartSummary; minimal: ColdStartSummary; ratio: number; deltaMs: number };
  warnings: string[];
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const cpu = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '–');
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const codes = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${k}×${int(v)}`)
    .join(' ');
const calls = (m: Measured) => {
  const detail = Object.entries(m.calls)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${(n / Math.max(1, m.serverRequests)).toFixed(2)}`)
    .join(', ');
  return `${m.callsPerRequest.toFixed(2)}${detail ? ` (${detail})` : ''}`;
};

export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    `# Bench results — ${r.startedAt}`,
    '',
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.totalMemGb.toFixed(1)} GB, Node ${r.machine.node} (${r.machine.platform}). ` +
      `Everything on one machine: DynamoDB Local (Java, in memory), the servers (one child process) and autocannon share ${r.machine.cpus} cores. ` +
      `1-min load average: ${r.loadAverage.beforeLoad.toFixed(1)} before the bench (other work), ${r.loadAverage.beforeMeasure.toFixed(1)} before measuring, ${r.loadAverage.end.toFixed(1)} at the end.`,
    '',
    `Dataset: ${int(r.dataset.listed)} listed products (${Object.entries(r.dataset.stars)
      .map(([s, n]) => `${s}★ ${int(n)}`)
      .join(', ')}) over ${Object.keys(r.dataset.groups).length} groups, ${r.dataset.subgroups} subgroups, ${r.dataset.provinces} provinces, ` +
      `${int(r.dataset.producers)} producers; plus ${r.dataset.expired} with a lapsed certificate (listing items still present) and ${r.dataset.twoStar} at 2★ (product item only). ` +
      `Province ${r.dataset.benchProvince}: ${int(r.dataset.benchProvinceListed)} listed, ${int(r.dataset.provinceListingItems)} listing items counted after the load (lapsed ones included).`,
    '',
    `Bulk load: ${int(r.load.itemsWritten)} items (${int(r.load.productItems)} product + ${int(r.load.listingItems)} listing) in ${(r.load.ms / 1000).toFixed(1)} s ` +
      `(${int(r.load.itemsPerSecond)} items/s, ${int(r.load.batchCalls)} BatchWriteItem calls, ${r.load.unprocessedRetries} UnprocessedItems retries).`,
    '',
    `## Latency and throughput`,
    '',
    `${r.settings.connections} connections, ${r.settings.warmupS} s warm-up then ${r.settings.durationS} s measured per row (${r.settings.rounds} rounds, app and floor interleaved ABBA); ` +
      `latency in ms over all responses, any status. "1 conn": a further ${r.settings.serialS} s with a single connection (no queueing). ` +
      'Server CPU / req: user + system CPU of the server process per request, in ms. ' +
      `App log level ${r.settings.appLogLevel} (one access line per request, to /dev/null).`,
    '',
    '| scenario | server | req/s | p50 | p90 | p99 | 1 conn p50 | server CPU / req | status codes | DynamoDB calls / request |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---|',
    `| static JSON | bare Hono | ${int(r.bare.rps)} | ${ms(r.bare.p50)} | ${ms(r.bare.p90)} | ${ms(r.bare.p99)} | ${ms(r.bare.serial.p50)} | ${cpu(r.bare.cpuMsPerRequest)} | ${codes(r.bare.statusCodes)} | – |`,
  );
  for (const s of r.scenarios) {
    for (const [label, m] of [
      ['**app**', s.app],
      ['floor', s.floor],
    ] as const) {
      push(`| ${label === 'floor' ? '' : `${s.name}`} | ${label} | ${int(m.rps)} | ${ms(m.p50)} | ${ms(m.p90)} | ${ms(m.p99)} | ${ms(m.serial.p50)} | ${cpu(m.cpuMsPerRequest)} | ${codes(m.statusCodes)} | ${calls(m)} |`);
    }
  }
  push('', 'Routes:', ...r.scenarios.map((s) => `- \`${s.name}\`: ${s.describe} — one app response: ${s.sample.status}, ${kb(s.sample.bytes)}${s.sample.items !== undefined ? `, ${s.sample.items} items` : ''}`));

  push(
    '',
    '## App overhead above the floor',
    '',
    `Floor = plain node:http + the same DynamoDB call(s) + JSON.stringify of the raw items. Δ = app − floor, in ms, at ${r.settings.connections} connections unless marked "1 conn". ` +
      'ΔCPU / req is the server process\'s own CPU time per request: it does not include DynamoDB Local or the load generator, so it holds up best when the box is busy.',
    '',
    '| scenario | p50 app / floor | Δp50 | p50 app÷floor | p99 app / floor | Δp99 | p99 app÷floor | Δp50 1 conn | ΔCPU / req | p50 app÷bare Hono |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of r.scenarios) {
    const o = s.overhead;
    if (!o.comparable) {
      push(`| ${s.name} | ${ms(s.app.p50)} / ${ms(s.floor.p50)} | n/a | n/a | ${ms(s.app.p99)} / ${ms(s.floor.p99)} | n/a | n/a | n/a | n/a | ${x(o.p50VsBare)} |`);
      continue;
    }
    push(
      `| ${s.name} | ${ms(s.app.p50)} / ${ms(s.floor.p50)} | **${ms(o.p50DeltaMs)}** | ${x(o.p50Ratio)} | ${ms(s.app.p99)} / ${ms(s.floor.p99)} | **${ms(o.p99DeltaMs)}** | ${x(o.p99Ratio)} | ${ms(o.serialP50DeltaMs)} (${x(o.serialP50Ratio)}) | ${cpu(o.cpuDeltaMs)} (${x(o.cpuRatio)}) | ${x(o.p50VsBare)} |`,
    );
  }
  const notComparable = r.scenarios.filter((s) => !s.overhead.comparable);
  if (notComparable.length) push('', ...notComparable.map((s) => `n/a — ${s.name}: ${s.overhead.why}`));

  push(
    '',
    `DynamoDB Scan calls during the whole bench: **${r.scans}** (must be 0).`,
    '',
    '## Lambda bundle and cold-start proxy',
    '',
    '| bundle | minified | gzip | build | biggest inputs |',
    '|---|---:|---:|---:|---|',
    ...(['app', 'minimal'] as const).map((k) => {
      const b = r.bundle[k];
      const label = k === 'app' ? 'functions/api/handler.ts' : 'constant handler (baseline)';
      return `| ${label} | ${int(b.bytes)} B (${b.kb.toFixed(1)} KB) | ${int(b.gzipBytes)} B (${b.gzipKb.toFixed(1)} KB) | ${int(b.ms)} ms | ${b.topPackages.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')} |`;
    }),
    '',
    `Fresh \`node\` process importing the bundle and answering one HTTP API v2 event (\`GET /api/products?limit=24\` against DynamoDB Local); median of ${r.coldStart.app.runs}, in ms.`,
    '',
    '| handler | spawn → answer | process start → bundle imported | process start → answer |',
    '|---|---:|---:|---:|',
    `| app | **${ms(r.coldStart.app.median.spawnToAnswerMs)}** | ${ms(r.coldStart.app.median.initMs)} | ${ms(r.coldStart.app.median.answerMs)} |`,
    `| constant handler | ${ms(r.coldStart.minimal.median.spawnToAnswerMs)} | ${ms(r.coldStart.minimal.median.initMs)} | ${ms(r.coldStart.minimal.median.answerMs)} |`,
    `| app ÷ constant | **${x(r.coldStart.ratio)}** (+${ms(r.coldStart.deltaMs)} ms) | | |`,
    '',
    `Total bench time: ${r.totalSeconds.toFixed(0)} s.`,
  );
  if (r.warnings.length) push('', '## Warnings', '', ...r.warnings.map((w) => `- ${w}`));
  return lines.join('\n') + '\n';
}

/** A trial run (a knob overridden) goes to trial.{json,md} so it never replaces the published figures. */
export function writeResults(dir: string, r: BenchResults, trial: boolean): { markdown: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const markdown = toMarkdown(r);
  if (trial) {
    const files = [join(dir, 'trial.json'), join(dir, 'trial.md')];
    writeFileSync(files[0]!, JSON.stringify(r, null, 2) + '\n');
    writeFileSync(files[1]!, `> Trial run: BENCH_* knobs overridden; not comparable with latest.md.\n\n${markdown}`);
    return { markdown, files };
  }
  // Colons are legal on Linux but not on every checkout (Windows): keep the name portable.
  const stamp = r.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const files = [join(dir, 'latest.json'), join(dir, 'latest.md'), join(dir, `${stamp}.md`)];
  writeFileSync(files[0]!, JSON.stringify(r, null, 2) + '\n');
  writeFileSync(files[1]!, markdown);
  writeFileSync(files[2]!, markdown);
  return { markdown, files };
}
