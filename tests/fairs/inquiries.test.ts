import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordVisit } from '../../shared/fairs/analytics';
import { INQUIRY_LIMIT, submitInquiry } from '../../shared/fairs/inquiry-service';
import { ManualClock } from '../../shared/time/clock';
import { address, listed, placeRequest } from '../orders/fixtures';
import { expectErrorShape } from '../support/error-shape';
import { boothFor, fairIn, liveFairWithBooth, ok, openFairShop, send, type FairShop } from './fixtures';
import { inquiryBody } from './matrix-support';

const NOW = '2026-11-23T03:00:00.000Z';

describe('trade inquiries and fair figures', () => {
  let shop: FairShop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openFairShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  /** Inquiries come from a client address the test chooses (the app sees `unknown` without a socket). */
  const inquire = (fairId: string, boothNo: number, body: unknown) => send(shop.app, undefined, 'POST', `/fairs/${fairId}/booths/${boothNo}/inquiries`, body);

  it('a buyer sends an inquiry; the exhibitor reads it in its inbox, replies in a thread and closes it; nobody else can', async () => {
    const fair = await liveFairWithBooth(shop, shop.ownerA, 1);
    const receipt = await ok<{ id: string; status: string }>(inquire(fair.id, 1, inquiryBody), 201);
    expect(receipt.status).toBe('new');
    const inbox = await ok<{ items: { id: string; status: string; company: string; messages: unknown[] }[] }>(send(shop.app, shop.ownerA, 'GET', '/fair-inquiries'));
    expect(inbox.items).toMatchObject([{ id: receipt.id, status: 'new', company: 'Sakura Foods', messages: [{ from: 'buyer' }] }]);
    expect((await ok<{ items: unknown[] }>(send(shop.app, shop.ownerB, 'GET', '/fair-inquiries'))).items).toEqual([]);
    expect((await send(shop.app, undefined, 'GET', '/fair-inquiries')).status).toBe(401);
    expect((await send(shop.app, shop.shopper, 'GET', '/fair-inquiries')).status).toBe(403);

    const replied = await ok<{ status: string; messages: { from: string; text: string }[] }>(send(shop.app, shop.ownerA, 'POST', `/fair-inquiries/${receipt.id}/replies`, { text: 'Xin gửi báo giá FOB' }));
    expect(replied.status).toBe('replied');
    expect(replied.messages.map((m) => m.from)).toEqual(['buyer', 'exhibitor']);
    expect((await send(shop.app, shop.ownerB, 'POST', `/fair-inquiries/${receipt.id}/replies`, { text: 'Chen ngang' })).status).toBe(403);
    expect(await ok(send(shop.app, shop.ownerA, 'POST', `/fair-inquiries/${receipt.id}/status`, { status: 'closed' }))).toMatchObject({ status: 'closed' });
    expect((await ok<{ items: unknown[] }>(send(shop.app, shop.ownerA, 'GET', '/fair-inquiries?status=closed'))).items).toHaveLength(1);
  });

  it('validates the form (400), refuses drafts and missing booths (404), and swallows a filled honeypot', async () => {
    const fair = await liveFairWithBooth(shop, shop.ownerB, 2);
    for (const bad of [{ ...inquiryBody, contactEmail: 'không-phải-email' }, { ...inquiryBody, message: 'ngắn' }, { ...inquiryBody, extra: 1 }, {}]) expect((await inquire(fair.id, 2, bad)).status).toBe(400);
    expect((await inquire(fair.id, 3, inquiryBody)).status).toBe(404);
    const draft = await fairIn(shop, 'draft');
    expect((await inquire(draft.id, 2, inquiryBody)).status).toBe(404);
    const bot = await inquire(fair.id, 2, { ...inquiryBody, website: 'http://spam.example' });
    expect(bot.status).toBe(201);
    expect((await ok<{ items: unknown[] }>(send(shop.app, shop.ownerB, 'GET', '/fair-inquiries'))).items).toEqual([]);
  });

  it("never shows the exhibitor's e-mail or phone in public answers", async () => {
    const fair = await liveFairWithBooth(shop, shop.ownerA, 4);
    await ok(send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/4`, { intro: 'Mời ghé gian', contacts: [{ kind: 'zalo', url: 'https://zalo.me/oa-htx-a' }] }));
    const producer = (await shop.services.producers.getProducer('htx-a'))!;
    const publicText = [await (await send(shop.app, undefined, 'GET', `/fairs/${fair.id}`)).text(), await (await shop.app.request(`/hoi-cho/${fair.id}/gian/4`)).text()].join('\n');
    expect(publicText).toContain('htx-a');
    expect(publicText).not.toContain(producer.phone);
    expect(publicText).not.toContain(producer.phone.replace('+84', '0'));
    expect(publicText).not.toContain(shop.ownerA.account.email);
    if (producer.email) expect(publicText).not.toContain(producer.email);
  });

  it(`rate-limits per client: ${INQUIRY_LIMIT} inquiries, then 429 RATE_LIMITED with Retry-After; another client is unaffected`, async () => {
    const fair = await liveFairWithBooth(shop, shop.ownerA, 5);
    // Counted on one client ('unknown': app.request has no socket); earlier cases of this file used it too.
    await shop.services.identity.throttles.clear({ scope: 'inq', value: 'unknown' });
    for (let i = 0; i < INQUIRY_LIMIT; i++) expect((await inquire(fair.id, 5, inquiryBody)).status).toBe(201);
    const limited = await inquire(fair.id, 5, inquiryBody);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectErrorShape(limited, 'RATE_LIMITED');
    // Another client address is counted apart.
    expect(await submitInquiry(shop.services, '203.0.113.9', fair.id, 5, inquiryBody)).toMatchObject({ status: 'new' });
    clock.advance(61 * 60_000);
    expect((await inquire(fair.id, 5, inquiryBody)).status).toBe(201);
  });

  it('the dashboard counts equal the events recorded: visits, unique visitors, inquiries, orders and revenue at fair prices; CSV too', async () => {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 6);
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 30 });
    await ok(send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/6`, { products: [{ productId: p.id, fairPriceVnd: 120_000 }] }));
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'live' }));
    clock.set(fair.startsAt);
    const stored = (await shop.services.fairs.get(fair.id))!;
    // 3 visitors: v1 lobby + hall + booth, v2 booth twice, v3 lobby; concurrently, as real traffic.
    const events: [string, { hallId?: string; boothNo?: number }][] = [
      ['v1', {}],
      ['v1', { hallId: 'h1' }],
      ['v1', { hallId: 'h1', boothNo: 6 }],
      ['v2', { hallId: 'h1', boothNo: 6 }],
      ['v2', { hallId: 'h1', boothNo: 6 }],
      ['v3', {}],
    ];
    await Promise.all(events.map(([v, where]) => recordVisit(shop.services, stored, where, v)));
    await shop.services.identity.throttles.clear({ scope: 'inq', value: 'unknown' });
    for (let i = 0; i < 2; i++) await ok(inquire(fair.id, 6, inquiryBody), 201);
    for (const q of [1, 2]) await ok(shop.app.request(placeRequest(shop.shopper, { items: [{ productId: p.id, quantity: q, fairId: fair.id }], shippingAddress: address, paymentMethod: 'cod' }, randomUUID())), 201);

    const d = await ok<{ days: { views: number; uniques: number; inquiries: number }[]; halls: { hallId: string; views: number }[]; booths: { boothNo: number; views: number; inquiries: number; orders: number; units: number; revenueVnd: number }[]; totals: Record<string, number> }>(
      send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}/dashboard`),
    );
    expect(d.days).toHaveLength(1);
    expect(d.totals).toEqual({ views: 6, uniques: 3, inquiries: 2, orders: 2, units: 3, revenueVnd: 360_000 });
    expect(d.halls).toEqual([{ hallId: 'h1', name: 'Khu thực phẩm', views: 4 }, { hallId: 'h2', name: 'Khu Hà Nội', views: 0 }]);
    expect(d.booths).toMatchObject([{ boothNo: 6, views: 3, inquiries: 2, orders: 2, units: 3, revenueVnd: 360_000 }]);
    expect((await send(shop.app, shop.officer01, 'GET', `/fairs/${fair.id}/dashboard`)).status).toBe(403);

    const csv = await send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}/dashboard.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe('gian_so,khu,co_so,luot_xem,yeu_cau_giao_thuong,don_gia_hoi_cho,so_luong,doanh_thu_vnd\r\n6,Khu thực phẩm,HTX Mật ong A,3,2,2,3,360000\r\n');
  });
});
