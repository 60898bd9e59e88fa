import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { composeApp } from '../../app/compose-app';
import { composeServices } from '../../app/compose-services';
import { createApp } from '../../app/create-app';
import { createServices } from '../../app/create-services';
import { functionSpecs, routesOf } from '../../app/functions';
import { publicReadModules } from '../../app/public-read-modules';
import { tableDefinition } from '../../app/table';
import { ConfigSchema } from '../../shared/config';
import { ensureTable } from '../../shared/db/create-table';
import { ManualClock } from '../../shared/time/clock';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../scripts/demo/demo-accounts';
import { seedDemo } from '../../scripts/demo/seed';
import { MemoryBlobStore } from '../media/images';
import { silentLogger } from '../support/test-services';

const NOW = new Date('2026-11-23T03:00:00Z');

/**
 * The public read function composes the app from its own module list (app/public-read-modules.ts).
 * Every route it serves must answer exactly as the whole app does, for visitors and signed-in
 * shoppers alike: same status, same headers that matter, same body — on the same table.
 */
describe('public read function = the whole app, for the routes it serves (DynamoDB Local)', () => {
  let full: ReturnType<typeof createApp>;
  let lean: ReturnType<typeof composeApp>;
  let shopperToken: string;
  let certificateNo: string;

  beforeAll(async () => {
    const tableName = `test-${randomUUID().slice(0, 8)}`;
    const config = ConfigSchema.parse({
      tableName,
      dynamoEndpoint: inject('dynamoEndpoint'),
      region: 'local',
      stage: 'test',
      logLevel: 'SILENT',
      // One key for both, as in AWS (both functions read the same secret).
      sessionSecret: 'parity-test-session-secret-0123456789abcdef',
    });
    const clock = new ManualClock(NOW);
    const services = createServices(config, { clock, logger: silentLogger() });
    await ensureTable(services.dynamo, tableName, tableDefinition);
    await seedDemo(services, new MemoryBlobStore(), { now: NOW });
    await seedDemoAccounts(services, NOW);
    full = createApp(services);
    lean = composeApp(composeServices(config, { clock, logger: silentLogger(), dynamo: services.dynamo }, publicReadModules), publicReadModules);
    const login = await full.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nguoi-mua@demo.ocop.vn', password: DEMO_PASSWORD }),
    });
    shopperToken = ((await login.json()) as { token: string }).token;
    // The shopper has something in the cart: the header's count must match too.
    const added = await full.request('/api/cart/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${shopperToken}` },
      body: JSON.stringify({ productId: DEMO_IDS.listedFiveStar, quantity: 2 }),
    });
    expect(added.status, await added.clone().text()).toBeLessThan(300);
    certificateNo = (await services.catalog.getProduct(DEMO_IDS.listedFiveStar))!.certificate!.certificateNo;
  }, 180_000);

  const paths = () => [
    '/',
    '/san-pham',
    '/san-pham?group=food&minStars=4&sort=price_asc',
    '/san-pham?province=79&sort=stars',
    '/san-pham?minStars=9',
    `/san-pham/${DEMO_IDS.listedFiveStar}`,
    `/san-pham/${DEMO_IDS.revoked}`,
    `/san-pham/${DEMO_IDS.twoStar}`,
    '/san-pham/khong-co-san-pham-nay',
    `/co-so/${DEMO_IDS.someProducer}`,
    '/co-so/khong-co',
    `/xac-minh/${encodeURIComponent(certificateNo)}`,
    '/xac-minh/KHONG-CO',
    '/api/products?limit=5',
    '/api/products?limit=0',
    `/api/products/${DEMO_IDS.listedFiveStar}`,
    `/api/products/${DEMO_IDS.expired}`,
    `/api/producers/${DEMO_IDS.someProducer}`,
    `/api/verify/${encodeURIComponent(certificateNo)}`,
    '/api/provinces',
    '/api/groups',
  ];

  const headersThatMatter = (res: Response) =>
    Object.fromEntries(['content-type', 'cache-control', 'etag', 'content-security-policy', 'vary'].map((h) => [h, res.headers.get(h)]));

  for (const who of ['visitor', 'signed-in shopper'] as const) {
    it(`answers every public route like the whole app (${who})`, async () => {
      for (const path of paths()) {
        const headers: Record<string, string> = { accept: path.startsWith('/api/') ? 'application/json' : 'text/html' };
        if (who !== 'visitor') headers.authorization = `Bearer ${shopperToken}`;
        const [a, b] = await Promise.all([full.request(path, { headers }), lean.request(path, { headers })]);
        const [bodyA, bodyB] = await Promise.all([a.text(), b.text()]);
        expect({ path, status: b.status, headers: headersThatMatter(b) }).toEqual({ path, status: a.status, headers: headersThatMatter(a) });
        // Pages carry a per-request CSP nonce; everything else is byte-identical.
        const strip = (s: string) => s.replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce').replace(/nonce="[^"]+"/g, 'nonce');
        expect(strip(bodyB), path).toBe(strip(bodyA));
        expect(a.status, path).toBeLessThan(500);
      }
    });
  }

  it('sees the session and the cart on its pages (the header is personal, not a cached anonymous shell)', async () => {
    const res = await lean.request('/', { headers: { accept: 'text/html', authorization: `Bearer ${shopperToken}` } });
    // One line (two units of one product): the header counts lines.
    expect(await res.text()).toContain('<span class="sr-only">: 1 sản phẩm</span>');
    const anonymous = await lean.request('/', { headers: { accept: 'text/html' } });
    expect(await anonymous.text()).not.toContain('class="cart-count"');
  });

  it('covers every GET route the public read function is given (a route added there must be added here)', () => {
    const spec = functionSpecs.find((s) => s.id === 'PublicReadFunction')!;
    const covered = routesOf(spec.modules)
      .filter((r) => r.method === 'GET')
      .map((r) => r.path)
      .filter((route) => !paths().some((p) => new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(p.split('?')[0]!)));
    // /api/health answers from its own probe item; it is exercised by tests/api.
    expect(covered).toEqual(['/api/health']);
  });

  it('writes nothing: the read-only function has no write route and its app answers writes with 404', async () => {
    const res = await lean.request('/api/cart/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
