/**
 * One autocannon run against 127.0.0.1. Latency percentiles come from our own samples: autocannon's
 * histogram has 1 ms resolution and records only 2xx, too coarse for a floor of a few ms and blind
 * to a placeholder route that answers 404.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  port: number;
  nextPath: () => string;
  durationS: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

/** One autocannon run, unsummarised, so interleaved rounds can be pooled before taking percentiles. */
export interface RawRun {
  latencies: number[];
  elapsedS: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytes: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(runs: RawRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies);
  const elapsedS = runs.reduce((a, r) => a + r.elapsedS, 0);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const sum = (f: (r: RawRun) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    requests: latencies.length,
    durationS: elapsedS,
    rps: latencies.length / elapsedS,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    statusCodes,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    bytesPerResponse: sum((r) => r.bytes) / Math.max(1, latencies.length),
  };
}

export function runLoad(opts: LoadOptions): Promise<RawRun> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${opts.port}`,
        connections: opts.connections,
        duration: opts.durationS,
        timeout: 10,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: opts.nextPath() }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          latencies,
          elapsedS: (performance.now() - started) / 1000,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          bytes: result.throughput.total,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}
