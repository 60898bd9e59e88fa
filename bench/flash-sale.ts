/**
 * Flash sale: N buyers (each its own account, session and Idempotency-Key) all at once on one product
 * with U units, 1 each, through the real app over HTTP (bench/server-process.ts, the same child
 * process as the other HTTP scenarios) on DynamoDB Local. Next to it, in the same run, the
 * **baseline**: the least DynamoDB work a sale can be — N concurrent TransactWriteItems of one
 * conditional decrement (`stock >= :q`) plus the order-header Put, straight from the SDK, no app, no
 * reads, no retries. What each figure means: bench/README.md ("Flash sale").
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { tableDefinition } from '../app/table';
import { createServices, type EdgeServices } from '../app/create-services';
import { productKey } from '../shared/catalog/keys';
import { ProductSchema, type Product } from '../shared/catalog/product';
import { ConfigSchema } from '../shared/config';
import { CallCounter } from '../shared/db/call-counter';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { ensureTable } from '../shared/db/create-table';
import type { Account } from '../shared/identity/account';
import { hashPassword } from '../shared/identity/password';
import { issueSession } from '../shared/identity/sessions';
import { headerItem, type OrderHeader } from '../shared/orders/items';
import { newOrderId } from '../shared/orders/order-code';
import { certificateExpiresAt, certificateExpiresOn } from '../shared/registry/certificate-expiry';
import { ProducerSchema, type Producer } from '../shared/storefront/producer';
import { percentile } from './load';
import { BENCH_CALLS_HEADER, BENCH_SCOPE_HEADER, startServers } from './servers';

export interface FlashOptions {
  endpoint: string;
  tableName?: string;
  /** Concurrent buyers (500 in `npm run bench`). */
  buyers: number;
  /** Units on the product (100). */
  units: number;
  /** Checkouts on another product and bare transactions on another item before measuring (JIT, DynamoDB Local). */
  warmup?: number;
  log?: (message: string) => void;
}

export interface Latency {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** DynamoDB calls of one group of checkouts, per checkout (mean) and the worst one. */
export interface CallsPerCheckout {
  checkouts: number;
  total: number;
  perCheckout: number;
  byCommand: Record<string, number>;
  transactWriteItems: number;
  maxCalls: number;
  maxTransactWriteItems: number;
}

export interface FlashResults {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; node: string };
  loadAverage: { before: number; end: number };
  settings: { buyers: number; units: number; quantityEach: 1; warmup: number; order: string };
  checkout: {
    route: string;
    wallMs: number;
    statuses: Record<string, number>;
    accepted: number;
    outOfStock: number;
    /** Anything but 201 and 409 OUT_OF_STOCK (e.g. 503 CHECKOUT_BUSY), by status and code. */
    other: Record<string, number>;
    otherCount: number;
    latency: { all: Latency; accepted: Latency; outOfStock: Latency; other: Latency };
    calls: { accepted: CallsPerCheckout; outOfStock: CallsPerCheckout; other: CallsPerCheckout };
    /** The server's own counter over the rush, to check the per-request tallies missed nothing. */
    serverCallsDuringRush: number;
    taggedCallsDuringRush: number;
    finalStock: number;
    /** Orders found afterwards through each buyer's order list (GSI1), and units on them. */
    ordersFound: number;
    unitsOnOrders: number;
  };
  baseline: {
    transaction: string;
    wallMs: number;
    committed: number;
    /** Cancelled transactions by reason: ConditionalCheckFailed (sold out) or TransactionConflict (held by another). */
    cancelled: Record<string, number>;
    errors: Record<string, number>;
    /** Sum of the SDK's own attempts ($metadata.attempts): equals N when the SDK retried nothing. */
    sdkAttempts: number;
    callsCounted: number;
    latency: { all: Latency; committed: Latency; cancelled: Latency };
    finalStock: number;
  };
  ratios: { p50: number; p99: number };
  failures: string[];
}

const SHIPPING = { recipientName: 'Người mua thử', phone: '0912 345 678', provinceCode: '01', commune: 'phường Ba Đình', street: '12 Phan Đình Phùng' };
const PRICE = 150_000;

export function latencyOf(ms: number[]): Latency {
  const sorted = Float64Array.from(ms).sort();
  return { n: ms.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
}

export function callsOf(tallies: Record<string, number>[]): CallsPerCheckout {
  const byCommand: Record<string, number> = {};
  let total = 0;
  let maxCalls = 0;
  let maxTx = 0;
  for (const t of tallies) {
    let sum = 0;
    for (const [k, n] of Object.entries(t)) {
      byCommand[k] = (byCommand[k] ?? 0) + n;
      sum += n;
    }
    total += sum;
    maxCalls = Math.max(maxCalls, sum);
    maxTx = Math.max(maxTx, t.TransactWriteItems ?? 0);
  }
  const n = tallies.length;
  return {
    checkouts: n,
    total,
    perCheckout: n ? total / n : Number.NaN,
    byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, v / n])),
    transactWriteItems: n ? (byCommand.TransactWriteItems ?? 0) / n : Number.NaN,
    maxCalls,
    maxTransactWriteItems: maxTx,
  };
}

export async function inBatches<T, R>(xs: readonly T[], width: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, xs.length) }, async () => {
      while (next < xs.length) {
        const i = next++;
        out[i] = await f(xs[i]!, i);
      }
    }),
  );
  return out;
}

export function flashProducer(now: Date): Producer {
  return ProducerSchema.parse({
    id: 'nsx-flash',
    name: 'HTX Flash Sale',
    legalForm: 'cooperative',
    taxCode: '0312345678',
    provinceCode: '91',
    commune: 'đặc khu Phú Quốc',
    story: 'Gian hàng của bài đo flash sale.',
    phone: '+84912345678',
    shippingFeeVnd: 30_000,
    createdAt: now.toISOString(),
  });
}

export function flashProduct(id: string, stock: number, now: Date): Product {
  const decisionDate = new Date(now.getTime() - 200 * 86_400_000).toISOString().slice(0, 10);
  const expiresOn = certificateExpiresOn(decisionDate);
  const at = new Date(now.getTime() - 86_400_000).toISOString();
  return ProductSchema.parse({
    id,
    slug: id,
    name: `Nước mắm Phú Quốc — ${id}`,
    description: 'Sản phẩm của bài đo flash sale: một mặt hàng, nhiều người mua cùng lúc.',
    producerId: 'nsx-flash',
    producerName: 'HTX Flash Sale',
    producerLegalForm: 'cooperative',
    provinceCode: '91',
    commune: 'đặc khu Phú Quốc',
    group: 'food',
    subgroup: 'food-condiment',
    priceVnd: PRICE,
    unit: 'chai 500 ml',
    stock,
    images: [],
    tags: [],
    status: 'active',
    certificate: {
      certificateNo: `OCOP-91-FLASH-${id}`,
      decisionNo: '1234/QĐ-UBND',
      decisionDate,
      issuingLevel: 'province',
      issuingAuthority: 'UBND tỉnh An Giang',
      stars: 4,
      status: 'active',
      expiresOn,
      expiresAt: certificateExpiresAt(expiresOn),
    },
    createdAt: at,
    updatedAt: at,
  });
}

export async function createBuyers(services: EdgeServices, count: number, tag: string): Promise<{ account: Account; token: string }[]> {
  const passwordHash = await hashPassword(`bench flash ${randomUUID()}`);
  const at = services.clock.now().toISOString();
  return inBatches(Array.from({ length: count }), 16, async (_, i) => {
    const id = randomUUID();
    const account: Account = {
      id,
      email: `${tag}-${i}-${id.slice(0, 8)}@flash.thu-nghiem.vn`,
      displayName: `Người mua ${tag} ${i}`,
      role: 'shopper',
      passwordHash,
      sessionVersion: 1,
      status: 'active',
      createdAt: at,
      updatedAt: at,
    };
    await services.identity.accounts.createAccount(account);
    return { account, token: (await issueSession(services, account)).token };
  });
}

export interface Answer {
  status: number;
  code: string | undefined;
  ms: number;
  calls: Record<string, number>;
}

export async function checkout(port: number, token: string, productId: string, line: Record<string, unknown> = {}): Promise<Answer> {
  const body = JSON.stringify({ items: [{ productId, quantity: 1, ...line }], shippingAddress: SHIPPING, paymentMethod: 'cod' });
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID(), [BENCH_SCOPE_HEADER]: '1' },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let code: string | undefined;
  if (res.status !== 201) {
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
  }
  return { status: res.status, code, ms, calls: JSON.parse(res.headers.get(BENCH_CALLS_HEADER) ?? '{}') as Record<string, number> };
}

interface BareAnswer {
  outcome: 'committed' | 'cancelled' | 'error';
  reason: string;
  ms: number;
  attempts: number;
}

/** The bare transaction: the stock decrement and the header Put, nothing else. */
async function bareTransaction(db: ReturnType<typeof createDocumentClient>, tableName: string, productId: string, buyerId: string): Promise<BareAnswer> {
  const now = new Date();
  const header: OrderHeader = {
    id: newOrderId(now),
    buyerId,
    totalVnd: PRICE + 30_000,
    paymentMethod: 'cod',
    subOrderCount: 1,
    producerNames: ['HTX Flash Sale'],
    statuses: { '1': 'confirmed' },
    requestHash: randomUUID(),
    createdAt: now.toISOString(),
  };
  const started = performance.now();
  try {
    const out = await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: productKey(productId),
              UpdateExpression: 'SET stock = stock - :q',
              ConditionExpression: 'stock >= :q',
              ExpressionAttributeValues: { ':q': 1 },
            },
          },
          { Put: { TableName: tableName, Item: headerItem(header), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return { outcome: 'committed', reason: 'ok', ms: performance.now() - started, attempts: out.$metadata.attempts ?? 1 };
  } catch (error) {
    const ms = performance.now() - started;
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    if (error instanceof TransactionCanceledException) {
      const reason = (error.CancellationReasons ?? []).map((r) => r.Code).find((c) => c && c !== 'None') ?? 'unknown';
      return { outcome: 'cancelled', reason, ms, attempts };
    }
    return { outcome: 'error', reason: (error as Error).name, ms, attempts };
  }
}

export async function runFlashSale(opts: FlashOptions): Promise<FlashResults> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  const tableName = opts.tableName ?? `ocop-bench-flash-${randomUUID().slice(0, 8)}`;
  const warmup = opts.warmup ?? 20;
  const failures: string[] = [];

  // One session secret for this process (it signs) and the server process (it verifies).
  const sessionSecret = randomBytes(32).toString('base64url');
  const config = ConfigSchema.parse({ tableName, dynamoEndpoint: opts.endpoint, region: 'local', stage: 'local', logLevel: 'SILENT', sessionSecret });
  const services = createServices(config);
  const bareClient = createDynamoClient({ endpoint: opts.endpoint, region: 'local' });
  const bareCounter = new CallCounter().attach(bareClient);
  const bareDb = createDocumentClient(bareClient);
  let servers: Awaited<ReturnType<typeof startServers>> | undefined;
  try {
    await ensureTable(services.dynamo, tableName, tableDefinition);
    const now = services.clock.now();
    await services.producers.createProducer(flashProducer(now));
    const flashId = 'sp-flash-sale';
    const baselineId = 'sp-flash-baseline';
    await services.catalog.saveProduct(flashProduct(flashId, opts.units, now));
    await services.catalog.saveProduct(flashProduct(baselineId, opts.units, now));
    await services.catalog.saveProduct(flashProduct('sp-flash-warmup', 100_000, now));
    await services.catalog.saveProduct(flashProduct('sp-flash-baseline-warmup', 100_000, now));
    log(`flash sale: ${opts.buyers} buyers + ${warmup} for the warm-up (accounts and sessions)`);
    const buyers = await createBuyers(services, opts.buyers, 'flash');
    const warmBuyers = await createBuyers(services, warmup, 'warm');

    servers = await startServers({ tableName, endpoint: opts.endpoint, logLevel: 'INFO', sessionSecret });
    const port = servers.ports.app;

    // Warm-up: half one by one, half at once, on products nobody measures.
    const half = Math.ceil(warmup / 2);
    const warmAnswers: Answer[] = [];
    for (const b of warmBuyers.slice(0, half)) warmAnswers.push(await checkout(port, b.token, 'sp-flash-warmup'));
    warmAnswers.push(...(await Promise.all(warmBuyers.slice(half).map((b) => checkout(port, b.token, 'sp-flash-warmup')))));
    const warmBad = warmAnswers.filter((a) => a.status !== 201);
    if (warmBad.length) failures.push(`warm-up: ${warmBad.length} of ${warmAnswers.length} checkouts on a product with ample stock did not answer 201 (${warmBad.map((a) => `${a.status} ${a.code ?? ''}`).join(', ')})`);
    for (let i = 0; i < half; i++) await bareTransaction(bareDb, tableName, 'sp-flash-baseline-warmup', `warm-${i}`);
    await Promise.all(Array.from({ length: warmup - half }, (_, i) => bareTransaction(bareDb, tableName, 'sp-flash-baseline-warmup', `warm-c-${i}`)));

    // Baseline first, then the app: each rush starts on a quiet DynamoDB Local.
    log(`baseline: ${opts.buyers} concurrent bare TransactWriteItems on an item with ${opts.units} units`);
    bareCounter.reset();
    const b0 = performance.now();
    // Header buyer ids of their own: the buyers' order lists must hold only what the app sold them.
    const bare = await Promise.all(buyers.map((_, i) => bareTransaction(bareDb, tableName, baselineId, `baseline-buyer-${i}`)));
    const bareWall = performance.now() - b0;
    const bareCalls = bareCounter.total();
    const { Item: bareItem } = await bareDb.send(new GetCommand({ TableName: tableName, Key: productKey(baselineId), ConsistentRead: true }));

    log(`flash sale: ${opts.buyers} concurrent POST /api/orders on a product with ${opts.units} units`);
    const before = await servers.counts();
    const c0 = performance.now();
    const answers = await Promise.all(buyers.map((b) => checkout(port, b.token, flashId)));
    const wallMs = performance.now() - c0;
    const after = await servers.counts();
    const serverCalls = Object.entries(after.servers.app.calls).reduce((s, [k, n]) => s + n - (before.servers.app.calls[k] ?? 0), 0);

    const { Item: flashItem } = await bareDb.send(new GetCommand({ TableName: tableName, Key: productKey(flashId), ConsistentRead: true }));
    const finalStock = Number(flashItem?.stock);
    const orders = await inBatches(buyers, 16, async (b) => (await services.orders.listBuyerOrders(b.account.id, 10)).items);
    const ordersFound = orders.reduce((s, o) => s + o.length, 0);
    const orderIds = orders.flat().map((h) => h.id);
    const unitsOnOrders = (await inBatches(orderIds, 16, async (id) => (await services.orders.getOrder(id))?.subs ?? [])).flat().reduce((s, sub) => s + sub.items.reduce((n, i) => n + i.quantity, 0), 0);

    const accepted = answers.filter((a) => a.status === 201);
    const outOfStock = answers.filter((a) => a.status === 409 && a.code === 'OUT_OF_STOCK');
    const other = answers.filter((a) => a.status !== 201 && !(a.status === 409 && a.code === 'OUT_OF_STOCK'));
    const statuses: Record<string, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const otherBy: Record<string, number> = {};
    for (const a of other) otherBy[`${a.status} ${a.code ?? '?'}`] = (otherBy[`${a.status} ${a.code ?? '?'}`] ?? 0) + 1;
    const tagged = answers.reduce((s, a) => s + Object.values(a.calls).reduce((x, y) => x + y, 0), 0);

    const expected = Math.min(opts.units, opts.buyers);
    if (accepted.length !== expected) failures.push(`${accepted.length} checkouts accepted, expected exactly ${expected} (${opts.units} units, ${opts.buyers} buyers of 1 each)`);
    if (!(finalStock === opts.units - expected)) failures.push(`final stock ${finalStock}, expected ${opts.units - expected}${finalStock < 0 ? ': NEGATIVE — oversold' : ''}`);
    if (ordersFound !== accepted.length || unitsOnOrders !== accepted.length) failures.push(`${ordersFound} orders holding ${unitsOnOrders} units found in the buyers' order lists, ${accepted.length} checkouts answered 201`);
    if (opts.units - finalStock !== unitsOnOrders) failures.push(`stock went down by ${opts.units - finalStock}, orders hold ${unitsOnOrders} units`);
    if (tagged !== serverCalls) failures.push(`per-request call tallies sum to ${tagged}, the server counted ${serverCalls} during the rush`);

    const bareBy = (o: BareAnswer['outcome']) => bare.filter((b) => b.outcome === o);
    const count = (xs: BareAnswer[]) => xs.reduce<Record<string, number>>((acc, b) => ((acc[b.reason] = (acc[b.reason] ?? 0) + 1), acc), {});
    const bareFinal = Number(bareItem?.stock);
    if (bareFinal !== opts.units - bareBy('committed').length) failures.push(`baseline: ${bareBy('committed').length} committed but the item holds ${bareFinal} of ${opts.units}`);
    if (bareFinal < 0) failures.push(`baseline: stock went negative (${bareFinal})`);

    const checkoutLatency = latencyOf(answers.map((a) => a.ms));
    const bareLatency = latencyOf(bare.map((b) => b.ms));
    const cpu = cpus();
    return {
      startedAt,
      seconds: (performance.now() - t0) / 1000,
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', node: process.version },
      loadAverage: { before: loadBefore, end: loadavg()[0]! },
      settings: { buyers: opts.buyers, units: opts.units, quantityEach: 1, warmup, order: 'warm-up (app, then bare), baseline rush, then checkout rush' },
      checkout: {
        route: 'POST /api/orders (Bearer, Idempotency-Key, 1 line × 1 unit, COD) over HTTP to the app in the bench server process',
        wallMs,
        statuses,
        accepted: accepted.length,
        outOfStock: outOfStock.length,
        other: otherBy,
        otherCount: other.length,
        latency: { all: checkoutLatency, accepted: latencyOf(accepted.map((a) => a.ms)), outOfStock: latencyOf(outOfStock.map((a) => a.ms)), other: latencyOf(other.map((a) => a.ms)) },
        calls: { accepted: callsOf(accepted.map((a) => a.calls)), outOfStock: callsOf(outOfStock.map((a) => a.calls)), other: callsOf(other.map((a) => a.calls)) },
        serverCallsDuringRush: serverCalls,
        taggedCallsDuringRush: tagged,
        finalStock,
        ordersFound,
        unitsOnOrders,
      },
      baseline: {
        transaction: 'TransactWriteItems [Update product SET stock = stock - :q IF stock >= :q, Put order header IF attribute_not_exists(PK)] from the bench process, SDK client as the app\'s',
        wallMs: bareWall,
        committed: bareBy('committed').length,
        cancelled: count(bareBy('cancelled')),
        errors: count(bareBy('error')),
        sdkAttempts: bare.reduce((s, b) => s + b.attempts, 0),
        callsCounted: bareCalls,
        latency: { all: bareLatency, committed: latencyOf(bareBy('committed').map((b) => b.ms)), cancelled: latencyOf(bareBy('cancelled').map((b) => b.ms)) },
        finalStock: bareFinal,
      },
      ratios: { p50: checkoutLatency.p50 / bareLatency.p50, p99: checkoutLatency.p99 / bareLatency.p99 },
      failures,
    };
  } finally {
    await servers?.stop();
    services.dynamo.destroy();
    bareClient.destroy();
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const kv = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ') || '–';
const lat = (l: Latency) => (l.n ? `${ms(l.p50)} / ${ms(l.p90)} / ${ms(l.p99)} / ${ms(l.max)}` : '–');
const callsRow = (label: string, c: CallsPerCheckout) =>
  c.checkouts
    ? `| ${label} | ${c.checkouts} | **${f2(c.perCheckout)}** | **${f2(c.transactWriteItems)}** | ${c.maxCalls} / ${c.maxTransactWriteItems} | ${Object.entries(c.byCommand)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${f2(v)}`)
        .join(', ')} |`
    : `| ${label} | 0 | – | – | – | – |`;

export function renderFlashSale(r: FlashResults): string {
  const c = r.checkout;
  const b = r.baseline;
  const lines = [
    `# Flash sale bench — ${r.startedAt}`,
    '',
    `${r.settings.buyers} buyers at once (each its own account, session and Idempotency-Key) on one product with **${r.settings.units} units**, 1 each, ` +
      `through the real app over HTTP on DynamoDB Local (in memory). Same machine for everything: ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; ` +
      `1-min load average ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.end.toFixed(1)} at the end. Order: ${r.settings.order} (${r.settings.warmup} warm-up checkouts on another product).`,
    '',
    '## Outcome',
    '',
    '| | app checkout | baseline (bare transaction) |',
    '|---|---:|---:|',
    `| accepted | **${c.accepted}** (201) | ${b.committed} committed |`,
    `| rejected: sold out | ${c.outOfStock} (409 OUT_OF_STOCK) | ${b.cancelled.ConditionalCheckFailed ?? 0} (ConditionalCheckFailed) |`,
    `| other | ${c.otherCount}${c.otherCount ? ` (${kv(c.other)})` : ''} | ${Object.entries(b.cancelled).filter(([k]) => k !== 'ConditionalCheckFailed').reduce((s, [, n]) => s + n, 0)} cancelled otherwise (${kv(Object.fromEntries(Object.entries(b.cancelled).filter(([k]) => k !== 'ConditionalCheckFailed')))}); ${Object.values(b.errors).reduce((s, n) => s + n, 0)} errors |`,
    `| final stock | **${c.finalStock}** | ${b.finalStock} |`,
    `| wall time of the rush | ${ms(c.wallMs)} ms | ${ms(b.wallMs)} ms |`,
    '',
    `Checked after the rush: ${c.ordersFound} orders holding ${c.unitsOnOrders} units in the buyers' order lists (GSI1); stock went from ${r.settings.units} to ${c.finalStock}. ` +
      `Status codes: ${kv(c.statuses)}.`,
    '',
    '## Latency (ms, from request sent to body read; the baseline from `send` to its answer)',
    '',
    '| | n | p50 / p90 / p99 / max |',
    '|---|---:|---|',
    `| **checkout, all answers** | ${c.latency.all.n} | **${lat(c.latency.all)}** |`,
    `| checkout, accepted | ${c.latency.accepted.n} | ${lat(c.latency.accepted)} |`,
    `| checkout, 409 OUT_OF_STOCK | ${c.latency.outOfStock.n} | ${lat(c.latency.outOfStock)} |`,
    `| checkout, other | ${c.latency.other.n} | ${lat(c.latency.other)} |`,
    `| **baseline, all** | ${b.latency.all.n} | **${lat(b.latency.all)}** |`,
    `| baseline, committed | ${b.latency.committed.n} | ${lat(b.latency.committed)} |`,
    `| baseline, cancelled | ${b.latency.cancelled.n} | ${lat(b.latency.cancelled)} |`,
    '',
    `**Checkout ÷ baseline: p50 ${x(r.ratios.p50)}, p99 ${x(r.ratios.p99)}.**`,
    '',
    '## DynamoDB calls per checkout',
    '',
    `Counted per request in the server process (\`CallCounter.measure\`: the calls made from that request's async context); ` +
      `they add up to ${c.taggedCallsDuringRush} against ${c.serverCallsDuringRush} on the server's counter over the rush. SDK commands, not HTTP attempts.`,
    '',
    '| checkouts | n | calls / checkout | TransactWriteItems / checkout | worst: calls / TransactWriteItems | by command (per checkout) |',
    '|---|---:|---:|---:|---:|---|',
    callsRow('accepted (201)', c.calls.accepted),
    callsRow('rejected (409 OUT_OF_STOCK)', c.calls.outOfStock),
    callsRow('other', c.calls.other),
    '',
    `Baseline: ${b.callsCounted} calls counted for ${b.latency.all.n} transactions (1 each), ${b.sdkAttempts} SDK attempts (${b.sdkAttempts === b.latency.all.n ? 'no SDK retry' : 'the SDK retried some'}); no reads, no retries of ours.`,
    '',
    `Total: ${r.seconds.toFixed(0)} s.`,
  ];
  if (r.failures.length) lines.push('', '## FAILED', '', ...r.failures.map((f) => `- ${f}`));
  return lines.join('\n') + '\n';
}

/** Same rule as the main report: a trial (a knob overridden) never replaces the published figures. */
export function writeFlashResults(dir: string, r: FlashResults, trial: boolean): { markdown: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const markdown = renderFlashSale(r);
  const base = trial ? 'flash-trial' : 'flash-latest';
  const files = [join(dir, `${base}.json`), join(dir, `${base}.md`)];
  writeFileSync(files[0]!, JSON.stringify(r, null, 2) + '\n');
  writeFileSync(files[1]!, trial ? `> Trial run: BENCH_* knobs overridden; not comparable with flash-latest.md.\n\n${markdown}` : markdown);
  return { markdown, files };
}
