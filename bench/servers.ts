/**
 * Parent side of bench/server-process.ts: starts it, learns its ports, asks it for request and
 * DynamoDB call counts, stops it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcessConfig {
  tableName: string;
  endpoint: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Shared with the bench process when it signs buyers' sessions itself (flash sale). */
  sessionSecret?: string;
}

/**
 * A request carrying this header is counted on its own (its async context) and answered with
 * `BENCH_CALLS_HEADER`: the DynamoDB calls that request made, as JSON `{ "GetItem": 1, … }`.
 */
export const BENCH_SCOPE_HEADER = 'x-bench-scope';
export const BENCH_CALLS_HEADER = 'x-bench-calls';

export interface Ports {
  app: number;
  bare: number;
  floor: number;
}

export interface Counted {
  requests: number;
  calls: Record<string, number>;
}
export interface ServerCounts {
  servers: Record<keyof Ports, Counted>;
  /** user + system CPU of the whole server process, µs since it started. */
  cpuUs: number;
}

export type ParentMessage = { type: 'counts'; id: number } | { type: 'stop' };
export type ChildMessage = { type: 'ready'; ports: Ports } | { type: 'counts'; id: number; counts: ServerCounts };

export interface Servers {
  ports: Ports;
  counts(): Promise<ServerCounts>;
  stop(): Promise<void>;
}

export async function startServers(cfg: ServerProcessConfig): Promise<Servers> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SERVER_CONFIG: JSON.stringify(cfg) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ports = await new Promise<Ports>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process not ready after 60 s:\n${stderr}`)), 60_000);
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.ports);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with ${code}:\n${stderr}`));
    });
  });

  let nextId = 0;
  return {
    ports,
    counts() {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server process did not answer a counts request')), 10_000);
        const onMessage = (m: ChildMessage) => {
          if (m.type === 'counts' && m.id === id) {
            clearTimeout(timer);
            child.off('message', onMessage);
            resolve(m.counts);
          }
        };
        child.on('message', onMessage);
        child.send({ type: 'counts', id } satisfies ParentMessage);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
