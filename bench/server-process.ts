/**
 * Child process that hosts the three servers under test. They live apart from the load generator
 * because autocannon in the same event loop would steal the very milliseconds being measured.
 * Talks to bench/servers.ts over the IPC channel only; stdout is /dev/null (the app's access log).
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app/create-app';
import { ConfigSchema } from '../shared/config';
import { CallCounter } from '../shared/db/call-counter';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { createServices } from '../app/create-services';
import { createFloorServer } from './floor';
import { BENCH_CALLS_HEADER, BENCH_SCOPE_HEADER, type ChildMessage, type ParentMessage, type ServerCounts, type ServerProcessConfig } from './servers';

const cfg = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? '{}') as ServerProcessConfig;
const send = (m: ChildMessage) => process.send?.(m);

// Production log level on purpose: one access line per request is part of what a request costs.
const config = ConfigSchema.parse({ tableName: cfg.tableName, dynamoEndpoint: cfg.endpoint, region: 'local', stage: 'local', logLevel: cfg.logLevel, sessionSecret: cfg.sessionSecret });
const services = createServices(config);
const appCounter = new CallCounter().attach(services.dynamo);

const floorDynamo = createDynamoClient({ endpoint: cfg.endpoint, region: 'local' });
const floorCounter = new CallCounter().attach(floorDynamo);

const requests = { app: 0, floor: 0, bare: 0 };

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}
const portOf = (s: ServerType | Server) => (s.address() as AddressInfo).port;

const app = createApp(services);
const appServer = await listen(async (req) => {
  requests.app++;
  // Only the flash-sale bench asks: the other scenarios pay nothing for it.
  if (!req.headers.has(BENCH_SCOPE_HEADER)) return app.fetch(req);
  const { value, calls } = await appCounter.measure(async () => app.fetch(req));
  const headers = new Headers(value.headers);
  headers.set(BENCH_CALLS_HEADER, JSON.stringify(calls));
  return new Response(value.body, { status: value.status, headers });
});

const bare = new Hono();
bare.get('/bare', (c) => c.json({ ok: true, service: 'bare-hono' }));
const bareServer = await listen((req) => {
  requests.bare++;
  return bare.fetch(req);
});

const floorServer = await createFloorServer(createDocumentClient(floorDynamo), cfg.tableName);
floorServer.on('request', () => requests.floor++);
await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));

function counts(): ServerCounts {
  const cpu = process.cpuUsage();
  return {
    servers: {
      app: { requests: requests.app, calls: appCounter.snapshot() },
      floor: { requests: requests.floor, calls: floorCounter.snapshot() },
      bare: { requests: requests.bare, calls: {} },
    },
    cpuUs: cpu.user + cpu.system,
  };
}

async function stop(): Promise<never> {
  const close = (s: ServerType | Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      // Keep-alive sockets from autocannon would otherwise hold close() open.
      (s as Server).closeAllConnections?.();
    });
  await Promise.all([close(appServer), close(bareServer), close(floorServer)]);
  services.dynamo.destroy();
  floorDynamo.destroy();
  process.exit(0);
}

process.on('message', (m: ParentMessage) => {
  if (m.type === 'counts') send({ type: 'counts', id: m.id, counts: counts() });
  if (m.type === 'stop') void stop();
});
// The parent died or dropped us: never outlive it.
process.on('disconnect', () => void stop());

send({ type: 'ready', ports: { app: portOf(appServer), bare: portOf(bareServer), floor: portOf(floorServer) } });
