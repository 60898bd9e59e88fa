/**
 * Cold-start proxy: a fresh `node` imports the bundle and answers one API Gateway v2 event. Not a
 * Lambda cold start (no sandbox, no runtime bootstrap, no network to DynamoDB), but the part the code
 * controls: module evaluation, client construction and the first request, relative to a constant handler.
 */
import { spawn } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ColdSample {
  /** Parent's clock before spawn → child's clock at the answer (both CLOCK_MONOTONIC, so comparable). */
  spawnToAnswerMs: number;
  /** Node's own timeOrigin → bundle imported (module evaluation, clients built). */
  initMs: number;
  /** Node's own timeOrigin → first answer. */
  answerMs: number;
  status: number;
}

export interface ColdStartSummary {
  runs: number;
  median: ColdSample;
  samples: ColdSample[];
}

// Runs inside the fresh process; plain .mjs so no loader (tsx) is involved in what is timed.
const childSource = `
const [bundlePath] = process.argv.slice(2);
const event = JSON.parse(process.env.BENCH_EVENT);
const context = { functionName: 'ocop-api', awsRequestId: 'cold-1', getRemainingTimeInMillis: () => 10000 };
const { handler } = await import(bundlePath);
const initMs = performance.now();
const res = await handler(event, context);
const answerMs = performance.now();
const hr = process.hrtime.bigint();
process.stderr.write('@@COLD@@' + JSON.stringify({ initMs, answerMs, hr: String(hr), status: res.statusCode }) + '\\n');
process.exit(0);
`;

/**
 * ESM resolves bare imports from the importing file's folder, not from cwd, so a bundle in a temp
 * folder finds the external @aws-sdk/* only through a node_modules link beside it.
 */
export function prepareColdStartDir(outDir: string, repoRoot: string): string {
  const link = join(outDir, 'node_modules');
  if (!existsSync(link)) symlinkSync(join(repoRoot, 'node_modules'), link, 'dir');
  const script = join(outDir, 'cold-child.mjs');
  writeFileSync(script, childSource);
  return script;
}

function once(script: string, bundleFile: string, repoRoot: string, env: Record<string, string>): Promise<ColdSample> {
  // No NODE_OPTIONS (it may carry the tsx loader): the child must be a bare `node`, as in Lambda.
  const { NODE_OPTIONS: _drop, ...base } = process.env;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, pathToFileURL(bundleFile).href], {
      cwd: repoRoot,
      env: { ...base, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = stderr.split('\n').find((l) => l.startsWith('@@COLD@@'));
      if (!line) return reject(new Error(`cold-start child exited with ${code} without answering:\n${stderr.slice(-4000)}`));
      const r = JSON.parse(line.slice('@@COLD@@'.length)) as { initMs: number; answerMs: number; hr: string; status: number };
      resolve({ spawnToAnswerMs: Number(BigInt(r.hr) - t0) / 1e6, initMs: r.initMs, answerMs: r.answerMs, status: r.status });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function summarise(samples: ColdSample[]): ColdStartSummary {
  return {
    runs: samples.length,
    median: {
      spawnToAnswerMs: median(samples.map((s) => s.spawnToAnswerMs)),
      initMs: median(samples.map((s) => s.initMs)),
      answerMs: median(samples.map((s) => s.answerMs)),
      status: median(samples.map((s) => s.status)),
    },
    samples,
  };
}

/** Alternates app and baseline runs so drift (page cache, CPU frequency) hits both alike. */
export async function measureColdStarts(opts: {
  script: string;
  repoRoot: string;
  appBundle: string;
  minimalBundle: string;
  runs: number;
  env: Record<string, string>;
}): Promise<{ app: ColdStartSummary; minimal: ColdStartSummary }> {
  const app: ColdSample[] = [];
  const minimal: ColdSample[] = [];
  for (let i = 0; i < opts.runs; i++) {
    app.push(await once(opts.script, opts.appBundle, opts.repoRoot, opts.env));
    minimal.push(await once(opts.script, opts.minimalBundle, opts.repoRoot, opts.env));
  }
  for (const s of app) if (s.status !== 200) throw new Error(`cold-start app answered ${s.status}, expected 200`);
  return { app: summarise(app), minimal: summarise(minimal) };
}
