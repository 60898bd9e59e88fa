import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts, type DemoAccount } from '../../scripts/demo/demo-accounts';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { seedDemo } from '../../scripts/demo/seed';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { MemoryBlobStore } from '../media/images';
import { createTestServices } from '../support/test-services';

const NOW = new Date('2026-11-23T03:00:00Z');

describe('demo sign-ins for trying each role locally', () => {
  let services: Services;
  let app: App;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock(NOW) });
    await seedDemo(services, new MemoryBlobStore(), { now: NOW });
    accounts = await seedDemoAccounts(services, NOW);
    app = createApp(services);
  });

  async function signIn(email: string): Promise<string> {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  const page = (path: string, token: string) => app.request(path, { headers: { accept: 'text/html', authorization: `Bearer ${token}` } });

  it('one account per role, each signing in with the printed password and reaching its work', async () => {
    expect(accounts.map((a) => a.role)).toEqual(['shopper', 'producer', 'officer', 'admin']);
    const byRole = Object.fromEntries(accounts.map((a) => [a.role, a]));
    const product = (await services.catalog.getProduct(DEMO_IDS.listedFiveStar))!;

    const producer = await page('/co-so-cua-toi', await signIn(byRole.producer!.email));
    expect(producer.status).toBe(200);
    expect(await producer.text()).toContain(product.name);

    const officer = await page('/quan-ly/tinh/chung-nhan', await signIn(byRole.officer!.email));
    expect(officer.status).toBe(200);
    expect(await officer.text()).toContain(product.certificate!.certificateNo);

    expect((await page('/quan-ly/tinh', await signIn(byRole.admin!.email))).status).toBe(200);
    expect((await page('/tai-khoan', await signIn(byRole.shopper!.email))).status).toBe(200);
  });

  it('seeding again changes nothing (npm start on existing data)', async () => {
    const again = await seedDemoAccounts(services, NOW);
    expect(again).toEqual(accounts);
    for (const a of accounts) expect(await signIn(a.email)).toBeTruthy();
  });
});
