import type { App } from '../../app/create-app';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { openShop, type Shop } from '../orders/fixtures';
import type { Clock } from '../../shared/time/clock';

export interface FairShop extends Shop {
  /** Officer of province 91 (storefront A's), officer of 01 (B's), an admin. */
  officer91: TestAccount;
  officer01: TestAccount;
  admin: TestAccount;
}

export async function openFairShop(options: { clock?: Clock } = {}): Promise<FairShop> {
  const shop = await openShop(options);
  return {
    ...shop,
    officer91: await createTestAccount(shop.services, 'officer', { provinceCode: '91' }),
    officer01: await createTestAccount(shop.services, 'officer', { provinceCode: '01' }),
    admin: await createTestAccount(shop.services, 'admin'),
  };
}

/**
 * A valid creation body: two halls (food 1–10, province 01 11–15), starting `startInHours` after `now`,
 * for `hours` (short by default: test sessions last 12 h and the clock walks through the window).
 */
export function fairBody(now: Date, over: Record<string, unknown> = {}, startInHours = 1, hours = 6) {
  const start = new Date(now.getTime() + startInHours * 3600_000);
  return {
    name: 'Hội chợ OCOP Phú Quốc trực tuyến',
    theme: 'Hương vị biển đảo',
    provinceCodes: ['91'],
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + hours * 3600_000).toISOString(),
    halls: [
      { name: 'Khu thực phẩm', kind: 'group', code: 'food', boothCount: 10 },
      { name: 'Khu Hà Nội', kind: 'province', code: '01', boothCount: 5 },
    ],
    ...over,
  };
}

export function send(app: App, who: TestAccount | undefined, method: string, path: string, body?: unknown) {
  return app.request(`/api${path}`, {
    method,
    headers: { ...(who?.bearer ?? {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function ok<T = Record<string, unknown>>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

export interface FairAnswer {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  allowedTransitions: string[];
  provinceCodes: string[];
  halls: { id: string; firstBooth: number; boothCount: number; booths?: { boothNo: number; producerId: string; products: { productId: string; fairPriceVnd?: number }[] }[] }[];
}

/** Creates a fair as `who` and moves it to `to` (open or live). */
export async function fairIn(shop: FairShop, to: 'draft' | 'open' | 'live', who = shop.officer91, over: Record<string, unknown> = {}): Promise<FairAnswer> {
  const fair = await ok<FairAnswer>(send(shop.app, who, 'POST', '/fairs', fairBody(shop.services.clock.now(), over)), 201);
  if (to === 'draft') return fair;
  await ok(send(shop.app, who, 'POST', `/fairs/${fair.id}/transitions`, { to: 'open' }));
  if (to === 'open') return { ...fair, status: 'open' };
  await ok(send(shop.app, who, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));
  return { ...fair, status: 'live' };
}

/** `owner` applies and `organiser` gives it booth `boothNo`. */
export async function boothFor(shop: FairShop, fairId: string, owner: TestAccount, boothNo: number, organiser = shop.officer91): Promise<string> {
  const app = await ok<{ id: string }>(send(shop.app, owner, 'POST', `/fairs/${fairId}/booth-applications`, {}), 201);
  await ok(send(shop.app, organiser, 'POST', `/booth-applications/${app.id}/accept`, { boothNo }));
  return app.id;
}

/** A live fair of officer91 with `owner` at booth `boothNo` (applications close when the fair goes live). */
export async function liveFairWithBooth(shop: FairShop, owner: TestAccount, boothNo: number): Promise<FairAnswer> {
  const fair = await fairIn(shop, 'open');
  await boothFor(shop, fair.id, owner, boothNo);
  await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));
  return { ...fair, status: 'live' };
}
