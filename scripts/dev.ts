/**
 * `npm start`: the whole marketplace on this machine. DynamoDB Local (data under .data/, kept across
 * restarts), the table from the same definition CDK uses, demo data on first run, web + API on
 * http://localhost:3000. `npm run reset` (or `--reset`) wipes .data and reseeds. Ctrl-C stops all.
 */
import { serve } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigSchema } from '../shared/config';
import { tableDefinition } from '../app/table';
import { ensureTable } from '../shared/db/create-table';
import { LocalMediaStore } from '../shared/media/local-media-store';
import { loadOrCreateLocalSessionSecret } from '../shared/identity/local-session-secret';
import { createServices } from '../app/create-services';
import { releaseUnpaid } from '../shared/orders/payment-expiry';
import { sendStartNotices } from '../shared/livestream/start-notices';
import { createLocalServerApp } from '../app/local-server';
import { buildWeb, webDistDir } from './build-web';
import { seedDemo } from './demo/seed';
import { DEMO_PASSWORD, seedDemoAccounts } from './demo/demo-accounts';
import { startLocalDynamo } from './local-dynamo';

const { values: args } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
  },
});

const dataDir = resolve('.data');
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`[dev] invalid port: ${args.port}`);
  process.exit(2);
}

if (args.reset) {
  rmSync(resolve(dataDir, 'dynamodb'), { recursive: true, force: true });
  rmSync(resolve(dataDir, 'media'), { recursive: true, force: true });
  rmSync(resolve(dataDir, 'evidence'), { recursive: true, force: true });
  console.log('[dev] .data wiped: the demo data will be seeded again');
}

const started = performance.now();
const dynamo = await startLocalDynamo({ dataDir: resolve(dataDir, 'dynamodb') });
// Generated once and kept under .data (git-ignored), so sign-ins survive a restart.
const sessionSecret = loadOrCreateLocalSessionSecret(resolve(dataDir, 'session-secret'));
const config = ConfigSchema.parse({
  tableName: 'ocop-local',
  dynamoEndpoint: dynamo.endpoint,
  region: 'local',
  stage: 'local',
  sessionSecret,
  // Card payments only with Stripe test keys in the environment (docs/payments.md); hidden otherwise.
  stripeSecretKey: process.env.STRIPE_SECRET_KEY || undefined,
  stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
  logLevel: process.env.LOG_LEVEL ?? 'WARN',
});
const services = createServices(config);

async function shutdown(code: number) {
  await dynamo.stop().catch(() => undefined);
  process.exit(code);
}

try {
  await ensureTable(services.dynamo, config.tableName, tableDefinition);
  const media = new LocalMediaStore(resolve(dataDir, 'media'));
  const seeded = await seedDemo(services, media, { now: services.clock.now() });
  console.log(
    seeded.seeded
      ? `[dev] demo data seeded: ${seeded.products} products, ${seeded.producers} producers, ${seeded.certificates} certificates`
      : '[dev] demo data already present (npm run reset to start over)',
  );
  // Idempotent, so a .data/ seeded before the demo accounts existed gets them too.
  const accounts = await seedDemoAccounts(services, services.clock.now());
  console.log(`[dev] demo sign-ins (password "${DEMO_PASSWORD}", local only): ${accounts.map((a) => `${a.role} ${a.email}`).join(' · ')}`);
  await buildWeb();
  const app = createLocalServerApp(services, { mediaDir: resolve(dataDir, 'media'), staticDir: webDistDir });
  const server = serve({ fetch: app.fetch, port, hostname: args.host }, () => {
    const ms = Math.round(performance.now() - started);
    console.log(`[dev] Chợ OCOP is running on http://localhost:${port}  (API: /api, docs: /api/docs) — ready in ${ms} ms, Ctrl-C to stop`);
    console.log(`[dev] DynamoDB Local: ${dynamo.endpoint} (table ${config.tableName}) — e.g. npm run admin:create -- --endpoint ${dynamo.endpoint} --email …`);
  });
  // Unpaid VietQR/card orders give their stock back after 30 minutes (on AWS: the ReleaseUnpaidOrders job).
  const releaseTimer = setInterval(() => {
    releaseUnpaid(services).catch((error: unknown) => console.error(`[dev] release of unpaid orders failed: ${error instanceof Error ? error.message : String(error)}`));
  }, 60_000);
  releaseTimer.unref();
  // Lives the clock opens tell their followers within a minute (on AWS: the LiveStartNotices job).
  const noticeTimer = setInterval(() => {
    sendStartNotices(services).catch((error: unknown) => console.error(`[dev] live start notices failed: ${error instanceof Error ? error.message : String(error)}`));
  }, 60_000);
  noticeTimer.unref();
  server.on('error', async (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `[dev] port ${port} is in use: try PORT=3001 npm start` : `[dev] server error: ${error.message}`);
    await shutdown(1);
  });
  const stop = () => {
    console.log('\n[dev] stopping…');
    server.close();
    void shutdown(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`[dev] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
