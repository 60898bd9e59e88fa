/**
 * Live rush: N buyers (1,000 in `npm run bench`) in the first seconds of a live, all on one featured
 * product with a live quota Q and stock S > Q, 1 unit each at the live price, through the real app
 * over HTTP (`livestreamId` on the line) on DynamoDB Local. Next to it, in the same run, the
 * **baseline**: the least DynamoDB work such a sale can be — N concurrent TransactWriteItems of the
 * two hot items (stock decrement, offer quota decrement with the window check) plus the order-header
 * Put, from the SDK, no app. What each figure means: bench/README.md ("Live rush").
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../app/create-services';
import { tableDefinition } from '../app/table';
import { productKey } from '../shared/catalog/keys';
import { ConfigSchema } from '../shared/config';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { ensureTable } from '../shared/db/create-table';
import { offerKey } from '../shared/livestream/keys';
import type { StoredLive } from '../shared/livestream/livestream';
import { takeOfferUpdate } from '../shared/livestream/offer-updates';
import { headerItem, type OrderHeader } from '../shared/orders/items';
import { newOrderId } from '../shared/orders/order-code';
import { callsOf, checkout, createBuyers, flashProduct, flashProducer, inBatches, latencyOf, type Answer, type CallsPerCheckout, type Latency } from './flash-sale';
import { startServers } from './servers';

export interface LiveRushOptions {
  endpoint: string;
  tableName?: string;
  buyers: number;
  quota: number;
  stock: number;
  warmup?: number;
  log?: (message: string) => void;
}

export interface LiveRushResults {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; node: string };
  loadAverage: { before: number; end: number };
  settings: { buyers: number; quota: number; stock: number; livePriceVnd: number; regularPriceVnd: number; warmup: number };
  checkout: {
    wallMs: number;
    accepted: number;
    quotaExhausted: number;
    other: Record<string, number>;
    otherCount: number;
    latency: { all: Latency; accepted: Latency; quotaExhausted: Latency; other: Latency };
    calls: { accepted: CallsPerCheckout; quotaExhausted: CallsPerCheckout };
    quotaLeft: number;
    soldUnits: number;
    revenueVnd: number;
    finalStock: number;
  };
  baseline: { wallMs: number; committed: number; cancelled: Record<string, number>; errors: number; latency: Latency; quotaLeft: number; finalStock: number };
  ratios: { p50: number; p99: number };
  failures: string[];
}

const REGULAR = 150_000;
const LIVE_PRICE = 99_000;

function liveOf(id: string, productId: string, quota: number, now: Date): StoredLive {
  const at = now.toISOString();
  return {
    id,
    producerId: 'nsx-flash',
    producerName: 'HTX Flash Sale',
    provinceCode: '91',
    groups: ['food'],
    title: 'Live rush',
    platform: 'youtube',
    streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    status: 'live',
    startsAt: new Date(now.getTime() - 1000).toISOString(),
    startedAt: new Date(now.getTime() - 1000).toISOString(),
    endsAt: new Date(now.getTime() + 2 * 3600_000).toISOString(),
    products: [{ productId, name: productId, unit: 'chai 500 ml', livePriceVnd: LIVE_PRICE, quota }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export async function runLiveRush(opts: LiveRushOptions): Promise<LiveRushResults> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  const tableName = opts.tableName ?? `ocop-bench-live-${randomUUID().slice(0, 8)}`;
  const warmup = opts.warmup ?? 20;
  const failures: string[] = [];
  const sessionSecret = randomBytes(32).toString('base64url');
  const config = ConfigSchema.parse({ tableName, dynamoEndpoint: opts.endpoint, region: 'local', stage: 'local', logLevel: 'SILENT', sessionSecret });
  const services = createServices(config);
  const bareClient = createDynamoClient({ endpoint: opts.endpoint, region: 'local' });
  const bareDb = createDocumentClient(bareClient);
  let servers: Awaited<ReturnType<typeof startServers>> | undefined;
  try {
    await ensureTable(services.dynamo, tableName, tableDefinition);
    const now = services.clock.now();
    await services.producers.createProducer(flashProducer(now));
    const ids = { rush: 'sp-live-rush', base: 'sp-live-baseline', warm: 'sp-live-warmup' };
    await services.catalog.saveProduct(flashProduct(ids.rush, opts.stock, now));
    await services.catalog.saveProduct(flashProduct(ids.base, opts.stock, now));
    await services.catalog.saveProduct(flashProduct(ids.warm, 100_000, now));
    const rushLive = liveOf('live-rushbench01', ids.rush, opts.quota, now);
    const baseLive = liveOf('live-rushbase001', ids.base, opts.quota, now);
    const warmLive = liveOf('live-rushwarm001', ids.warm, 100_000, now);
    for (const l of [rushLive, baseLive, warmLive]) await services.livestreams.create(l);
    log(`live rush: ${opts.buyers} buyers + ${warmup} for the warm-up (accounts and sessions)`);
    const buyers = await createBuyers(services, opts.buyers, 'live');
    const warmBuyers = await createBuyers(services, warmup, 'livewarm');
    servers = await startServers({ tableName, endpoint: opts.endpoint, logLevel: 'INFO', sessionSecret });
    const port = servers.ports.app;

    const warm = await Promise.all(warmBuyers.map((b) => checkout(port, b.token, ids.warm, { livestreamId: warmLive.id })));
    const warmBad = warm.filter((a) => a.status !== 201);
    if (warmBad.length) failures.push(`warm-up: ${warmBad.length} of ${warm.length} live checkouts with ample quota did not answer 201 (${warmBad.map((a) => `${a.status} ${a.code ?? ''}`).join(', ')})`);

    log(`baseline: ${opts.buyers} concurrent bare TransactWriteItems (stock + offer quota + header)`);
    const bareTimes: number[] = [];
    const cancelled: Record<string, number> = {};
    let committed = 0;
    let errors = 0;
    const b0 = performance.now();
    await Promise.all(
      buyers.map(async (_, i) => {
        const at = new Date();
        const header: OrderHeader = { id: newOrderId(at), buyerId: `baseline-${i}`, totalVnd: LIVE_PRICE + 30_000, paymentMethod: 'cod', subOrderCount: 1, producerNames: ['HTX Flash Sale'], statuses: { '1': 'confirmed' }, requestHash: randomUUID(), createdAt: at.toISOString() };
        const offer = takeOfferUpdate({ livestreamId: baseLive.id, productId: ids.base, quantity: 1, livePriceVnd: LIVE_PRICE, hasQuota: true }, at);
        const started = performance.now();
        try {
          await bareDb.send(
            new TransactWriteCommand({
              TransactItems: [
                { Update: { TableName: tableName, Key: productKey(ids.base), UpdateExpression: 'SET stock = stock - :q', ConditionExpression: 'stock >= :q', ExpressionAttributeValues: { ':q': 1 } } },
                { Update: { TableName: tableName, ...offer } },
                { Put: { TableName: tableName, Item: headerItem(header), ConditionExpression: 'attribute_not_exists(PK)' } },
              ],
            }),
          );
          committed++;
        } catch (error) {
          if (error instanceof TransactionCanceledException) {
            const reason = (error.CancellationReasons ?? []).map((r) => r.Code).find((c) => c && c !== 'None') ?? 'unknown';
            cancelled[reason] = (cancelled[reason] ?? 0) + 1;
          } else errors++;
        } finally {
          bareTimes.push(performance.now() - started);
        }
      }),
    );
    const bareWall = performance.now() - b0;
    const read = async (key: { PK: string; SK: string }) => (await bareDb.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item ?? {};
    const baseOffer = await read(offerKey(baseLive.id, ids.base));
    const baseProduct = await read(productKey(ids.base));

    log(`live rush: ${opts.buyers} concurrent POST /api/orders with livestreamId (quota ${opts.quota}, stock ${opts.stock})`);
    const c0 = performance.now();
    const answers: Answer[] = await Promise.all(buyers.map((b) => checkout(port, b.token, ids.rush, { livestreamId: rushLive.id })));
    const wallMs = performance.now() - c0;
    const offer = await read(offerKey(rushLive.id, ids.rush));
    const product = await read(productKey(ids.rush));
    const orders = await inBatches(buyers, 16, async (b) => (await services.orders.listBuyerOrders(b.account.id, 10)).items.length);

    const accepted = answers.filter((a) => a.status === 201);
    const exhausted = answers.filter((a) => a.status === 409 && a.code === 'LIVE_QUOTA_EXHAUSTED');
    const other = answers.filter((a) => a.status !== 201 && !(a.status === 409 && a.code === 'LIVE_QUOTA_EXHAUSTED'));
    const otherBy: Record<string, number> = {};
    for (const a of other) otherBy[`${a.status} ${a.code ?? '?'}`] = (otherBy[`${a.status} ${a.code ?? '?'}`] ?? 0) + 1;
    const expected = Math.min(opts.quota, opts.buyers);
    if (accepted.length !== expected) failures.push(`${accepted.length} live checkouts accepted, expected exactly ${expected}`);
    if (Number(offer.left) !== opts.quota - accepted.length) failures.push(`quota left ${offer.left}, expected ${opts.quota - accepted.length}`);
    if (Number(product.stock) !== opts.stock - accepted.length) failures.push(`stock ${product.stock}, expected ${opts.stock - accepted.length}`);
    if (Number(offer.revenueVnd) !== accepted.length * LIVE_PRICE) failures.push(`live revenue ${offer.revenueVnd}, expected ${accepted.length * LIVE_PRICE}`);
    const ordersFound = orders.reduce((s, n) => s + n, 0);
    if (ordersFound !== accepted.length) failures.push(`${ordersFound} orders in the buyers' lists, ${accepted.length} answered 201`);
    if (Number(baseOffer.left) !== opts.quota - committed || Number(baseProduct.stock) !== opts.stock - committed) failures.push('baseline: quota or stock does not match its commits');

    const all = latencyOf(answers.map((a) => a.ms));
    const base = latencyOf(bareTimes);
    const cpu = cpus();
    return {
      startedAt,
      seconds: (performance.now() - t0) / 1000,
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', node: process.version },
      loadAverage: { before: loadBefore, end: loadavg()[0]! },
      settings: { buyers: opts.buyers, quota: opts.quota, stock: opts.stock, livePriceVnd: LIVE_PRICE, regularPriceVnd: REGULAR, warmup },
      checkout: {
        wallMs,
        accepted: accepted.length,
        quotaExhausted: exhausted.length,
        other: otherBy,
        otherCount: other.length,
        latency: { all, accepted: latencyOf(accepted.map((a) => a.ms)), quotaExhausted: latencyOf(exhausted.map((a) => a.ms)), other: latencyOf(other.map((a) => a.ms)) },
        calls: { accepted: callsOf(accepted.map((a) => a.calls)), quotaExhausted: callsOf(exhausted.map((a) => a.calls)) },
        quotaLeft: Number(offer.left),
        soldUnits: Number(offer.soldUnits),
        revenueVnd: Number(offer.revenueVnd),
        finalStock: Number(product.stock),
      },
      baseline: { wallMs: bareWall, committed, cancelled, errors, latency: base, quotaLeft: Number(baseOffer.left), finalStock: Number(baseProduct.stock) },
      ratios: { p50: all.p50 / base.p50, p99: all.p99 / base.p99 },
      failures,
    };
  } finally {
    await servers?.stop();
    services.dynamo.destroy();
    bareClient.destroy();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const lat = (l: Latency) => (l.n ? `${ms(l.p50)} / ${ms(l.p90)} / ${ms(l.p99)} / ${ms(l.max)}` : '–');
const kv = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ×${v}`).join(', ') || '–';

export function renderLiveRush(r: LiveRushResults): string {
  const c = r.checkout;
  const b = r.baseline;
  const lines = [
    `# Live rush bench — ${r.startedAt}`,
    '',
    `${r.settings.buyers} buyers at once in the first seconds of a live, on one featured product: live quota **${r.settings.quota}**, stock ${r.settings.stock}, ` +
      `live price ${r.settings.livePriceVnd.toLocaleString('vi-VN')} ₫ (regular ${r.settings.regularPriceVnd.toLocaleString('vi-VN')} ₫), 1 unit each, each buyer its own account, session and Idempotency-Key, ` +
      `through the real app over HTTP on DynamoDB Local (in memory). ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; 1-min load ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.end.toFixed(1)} at the end. ` +
      `Baseline rush first, then the app's.`,
    '',
    '## Outcome',
    '',
    '| | app checkout (`livestreamId`) | baseline (bare 3-item transaction) |',
    '|---|---:|---:|',
    `| accepted at the live price | **${c.accepted}** (201) | ${b.committed} committed |`,
    `| refused: quota used up | ${c.quotaExhausted} (409 LIVE_QUOTA_EXHAUSTED) | ${b.cancelled.ConditionalCheckFailed ?? 0} (ConditionalCheckFailed) |`,
    `| other | ${c.otherCount} (${kv(c.other)}) | ${kv(Object.fromEntries(Object.entries(b.cancelled).filter(([k]) => k !== 'ConditionalCheckFailed')))}; ${b.errors} errors |`,
    `| quota left / stock after | **${c.quotaLeft}** / ${c.finalStock} | ${b.quotaLeft} / ${b.finalStock} |`,
    `| live figures on the offer | ${c.soldUnits} units, ${c.revenueVnd.toLocaleString('vi-VN')} ₫ | – |`,
    `| wall time of the rush | ${ms(c.wallMs)} ms | ${ms(b.wallMs)} ms |`,
    '',
    '## Latency (ms; p50 / p90 / p99 / max)',
    '',
    '| | n | |',
    '|---|---:|---|',
    `| **checkout, all** | ${c.latency.all.n} | **${lat(c.latency.all)}** |`,
    `| checkout, accepted | ${c.latency.accepted.n} | ${lat(c.latency.accepted)} |`,
    `| checkout, 409 LIVE_QUOTA_EXHAUSTED | ${c.latency.quotaExhausted.n} | ${lat(c.latency.quotaExhausted)} |`,
    `| checkout, other | ${c.latency.other.n} | ${lat(c.latency.other)} |`,
    `| **baseline, all** | ${b.latency.n} | **${lat(b.latency)}** |`,
    '',
    `**Checkout ÷ baseline: p50 ${r.ratios.p50.toFixed(2)}×, p99 ${r.ratios.p99.toFixed(2)}×.**`,
    '',
    `DynamoDB calls per checkout: accepted ${c.calls.accepted.perCheckout.toFixed(2)} (TransactWriteItems ${c.calls.accepted.transactWriteItems.toFixed(2)}), ` +
      `refused ${c.calls.quotaExhausted.perCheckout.toFixed(2)} (TransactWriteItems ${c.calls.quotaExhausted.transactWriteItems.toFixed(2)}).`,
    '',
    `Total: ${r.seconds.toFixed(0)} s.`,
  ];
  if (r.failures.length) lines.push('', '## FAILED', '', ...r.failures.map((f) => `- ${f}`));
  return lines.join('\n') + '\n';
}

export function writeLiveRushResults(dir: string, r: LiveRushResults, trial: boolean): string {
  mkdirSync(dir, { recursive: true });
  const markdown = renderLiveRush(r);
  const base = trial ? 'live-rush-trial' : 'live-rush-latest';
  writeFileSync(join(dir, `${base}.json`), JSON.stringify(r, null, 2) + '\n');
  writeFileSync(join(dir, `${base}.md`), trial ? `> Trial run: BENCH_* knobs overridden; not comparable with live-rush-latest.md.\n\n${markdown}` : markdown);
  return markdown;
}
