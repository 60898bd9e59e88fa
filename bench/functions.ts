/**
 * Issue 16: each Lambda of app/functions.ts bundled the way CDK's NodejsFunction will, and timed
 * from a fresh `node` to its first answer next to a constant handler of the same run (interleaved,
 * so machine drift hits both alike). The search function is also asked twice in one process: the
 * first search on a cold container against a warm one, after its init loaded the snapshot.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionSpecs } from '../app/functions';
import { bundle, bundleMinimal, type BundleInfo } from './bundle';
import { prepareColdStartDir } from './cold-start';
import { httpApiEvent } from './http-api-event';

export interface FunctionSample {
  /** Spawn of `node` → first answer, as the parent sees it. */
  spawnToAnswerMs: number;
  /** Inside the child: process start → bundle imported (Lambda's init, snapshot load included). */
  initMs: number;
  /** The first request's own time, after init. */
  firstMs: number;
  /** The same request again in the same process (a warm container). */
  warmMs: number;
  status: number;
}

export interface FunctionBench {
  id: string;
  entry: string;
  bundle: BundleInfo;
  probe: string;
  median: FunctionSample;
  /** spawn → answer, ÷ the constant handler's. */
  coldRatio: number;
  /** first request after init ÷ warm request. */
  firstOverWarm: number;
}

export interface FunctionsBenchResult {
  minimal: { bundle: BundleInfo; median: FunctionSample };
  functions: FunctionBench[];
  runs: number;
}

const childSource = `
const [bundlePath] = process.argv.slice(2);
const event = JSON.parse(process.env.BENCH_EVENT);
const context = { functionName: 'ocop-bench', awsRequestId: 'cold-1', getRemainingTimeInMillis: () => 10000 };
const { handler } = await import(bundlePath);
const initMs = performance.now();
const res = await handler(event, context);
const firstMs = performance.now() - initMs;
const hr = process.hrtime.bigint();
const t = performance.now();
await handler(event, context);
const warmMs = performance.now() - t;
process.stderr.write('@@FN@@' + JSON.stringify({ initMs, firstMs, warmMs, hr: String(hr), status: res.statusCode }) + '\\n');
process.exit(0);
`;

/** What each function is asked: the shopper's first click, a search, a page of the rest. */
const probes: Record<string, { method: string; path: string; query: string }> = {
  PublicReadFunction: { method: 'GET', path: '/api/products', query: 'limit=24' },
  SearchFunction: { method: 'GET', path: '/api/search', query: 'q=mat%20ong&limit=24' },
  ApiFunction: { method: 'GET', path: '/api/products', query: 'limit=24' },
};

function once(script: string, bundleFile: string, cwd: string, env: Record<string, string>): Promise<FunctionSample> {
  const { NODE_OPTIONS: _drop, ...base } = process.env;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, pathToFileURL(bundleFile).href], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = stderr.split('\n').find((l) => l.startsWith('@@FN@@'));
      if (!line) return reject(new Error(`${bundleFile}: child exited with ${code} without answering:\n${stderr.slice(-3000)}`));
      const r = JSON.parse(line.slice('@@FN@@'.length)) as Omit<FunctionSample, 'spawnToAnswerMs'> & { hr: string };
      resolve({ spawnToAnswerMs: Number(BigInt(r.hr) - t0) / 1e6, initMs: r.initMs, firstMs: r.firstMs, warmMs: r.warmMs, status: r.status });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianSample = (s: FunctionSample[]): FunctionSample => ({
  spawnToAnswerMs: median(s.map((x) => x.spawnToAnswerMs)),
  initMs: median(s.map((x) => x.initMs)),
  firstMs: median(s.map((x) => x.firstMs)),
  warmMs: median(s.map((x) => x.warmMs)),
  status: median(s.map((x) => x.status)),
});

export async function runFunctionsBench(opts: {
  repoRoot: string;
  outDir: string;
  runs: number;
  /** TABLE_NAME, DYNAMODB_ENDPOINT, AWS_REGION of a loaded table. */
  env: Record<string, string>;
  /** A gzip snapshot of the same catalogue, for the search function's init. */
  snapshotFile: string;
  log: (msg: string) => void;
}): Promise<FunctionsBenchResult> {
  const script = join(opts.outDir, 'fn-child.mjs');
  prepareColdStartDir(opts.outDir, opts.repoRoot);
  writeFileSync(script, childSource);
  const minimalBundle = await bundleMinimal(opts.outDir);
  const bundles = new Map<string, BundleInfo>();
  for (const spec of functionSpecs) {
    bundles.set(spec.id, await bundle(join(opts.repoRoot, spec.entry), opts.outDir, spec.id));
    opts.log(`  ${spec.id}: ${bundles.get(spec.id)!.kb.toFixed(1)} KB minified`);
  }
  const samples = new Map<string, FunctionSample[]>([['minimal', []], ...functionSpecs.map((s) => [s.id, []] as [string, FunctionSample[]])]);
  const envOf = (id: string) => {
    const p = probes[id] ?? probes.ApiFunction!;
    return {
      ...opts.env,
      SEARCH_SNAPSHOT: pathToFileURL(opts.snapshotFile).href,
      BENCH_EVENT: JSON.stringify(httpApiEvent(p.method, p.path, p.query, {}, 'bench')),
    };
  };
  for (let i = 0; i < opts.runs; i++) {
    samples.get('minimal')!.push(await once(script, minimalBundle.file, opts.repoRoot, envOf('PublicReadFunction')));
    for (const spec of functionSpecs) samples.get(spec.id)!.push(await once(script, bundles.get(spec.id)!.file, opts.repoRoot, envOf(spec.id)));
  }
  const minimal = medianSample(samples.get('minimal')!);
  const functions = functionSpecs.map((spec) => {
    const m = medianSample(samples.get(spec.id)!);
    if (m.status !== 200) throw new Error(`${spec.id} answered ${m.status} to its probe, expected 200`);
    const p = probes[spec.id] ?? probes.ApiFunction!;
    return {
      id: spec.id,
      entry: spec.entry,
      bundle: bundles.get(spec.id)!,
      probe: `${p.method} ${p.path}?${p.query}`,
      median: m,
      coldRatio: m.spawnToAnswerMs / minimal.spawnToAnswerMs,
      firstOverWarm: m.firstMs / m.warmMs,
    };
  });
  return { minimal: { bundle: minimalBundle, median: minimal }, functions, runs: opts.runs };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** Targets of issue 16, checked against the same run's figures. */
export function renderFunctionsBench(r: FunctionsBenchResult): string {
  const lines = [
    '## Lambda functions (app/functions.ts): bundles and cold starts',
    '',
    `Each bundled like NodejsFunction (ESM, minified, @aws-sdk/* external as the runtime provides it). Fresh \`node\` → first answer, median of ${r.runs}, interleaved with a constant handler (${r.minimal.median.spawnToAnswerMs.toFixed(1)} ms, ${kb(r.minimal.bundle.bytes)}). "first" is the first request after init; "warm" the same request again in that process.`,
    '',
    '| function | minified | gzip | biggest inputs | probe | spawn → answer | ÷ constant | init | first | warm | first ÷ warm |',
    '|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of r.functions) {
    lines.push(
      `| ${f.id} | ${kb(f.bundle.bytes)} | ${kb(f.bundle.gzipBytes)} | ${f.bundle.topPackages.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')} | \`${f.probe}\` | ${f.median.spawnToAnswerMs.toFixed(1)} | **${f.coldRatio.toFixed(2)}×** | ${f.median.initMs.toFixed(1)} | ${f.median.firstMs.toFixed(1)} | ${f.median.warmMs.toFixed(1)} | ${f.firstOverWarm.toFixed(2)}× |`,
    );
  }
  const pub = r.functions.find((f) => f.id === 'PublicReadFunction');
  const search = r.functions.find((f) => f.id === 'SearchFunction');
  const check = (ok: boolean, text: string) => `- ${ok ? 'met' : '**not met**'}: ${text}`;
  lines.push('', 'Targets (issue 16):');
  if (pub) {
    lines.push(check(pub.bundle.bytes <= 300 * 1024, `public read function ≤ 300 KB minified — ${kb(pub.bundle.bytes)}`));
    lines.push(check(pub.coldRatio <= 2, `public read cold start ≤ 2× the constant handler — ${pub.coldRatio.toFixed(2)}×`));
  }
  lines.push(check(r.functions.every((f) => f.bundle.bytes <= 1024 * 1024), `no function over 1 MB minified — largest ${kb(Math.max(...r.functions.map((f) => f.bundle.bytes)))}`));
  if (search) lines.push(check(search.firstOverWarm <= 3, `first search on a cold container ≤ 3× a warm one after init — ${search.firstOverWarm.toFixed(2)}× (init, snapshot load included: ${search.median.initMs.toFixed(0)} ms)`));
  return lines.join('\n') + '\n';
}
