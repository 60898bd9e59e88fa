import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount } from '../authz/accounts';
import { listed } from '../orders/fixtures';
import { makeCertificateSnapshot, makeProducer } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { boothFor, fairIn, ok, openFairShop, send, type FairAnswer, type FairShop } from './fixtures';

const NOW = '2026-11-23T03:00:00.000Z';

describe('fair booths: applications, atomic assignment, decoration', () => {
  let shop: FairShop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openFairShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  it('a producer applies once while the fair is open; not to a draft, not twice, not before it opens', async () => {
    const draft = await fairIn(shop, 'draft');
    expect((await send(shop.app, shop.ownerA, 'POST', `/fairs/${draft.id}/booth-applications`, {})).status).toBe(404);
    const fair = await fairIn(shop, 'open');
    const app = await ok<{ id: string; status: string; producerId: string }>(send(shop.app, shop.ownerA, 'POST', `/fairs/${fair.id}/booth-applications`, { preferredHallId: 'h1', message: 'Gần lối vào' }), 201);
    expect(app).toMatchObject({ status: 'pending', producerId: 'htx-a' });
    const again = await send(shop.app, shop.ownerA, 'POST', `/fairs/${fair.id}/booth-applications`, {});
    expect((await expectErrorShape(again, 'ALREADY_APPLIED')).error.details).toEqual({ applicationId: app.id });
    expect((await send(shop.app, shop.ownerB, 'POST', `/fairs/${fair.id}/booth-applications`, { preferredHallId: 'h9' })).status).toBe(400);
    const noStore = await createTestAccount(shop.services, 'producer');
    expect((await send(shop.app, noStore, 'POST', `/fairs/${fair.id}/booth-applications`, {})).status).toBe(403);
    expect((await send(shop.app, shop.shopper, 'POST', `/fairs/${fair.id}/booth-applications`, {})).status).toBe(403);
    const queue = await ok<{ items: { id: string }[] }>(send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}/booth-applications`));
    expect(queue.items.map((i) => i.id)).toEqual([app.id]);
    expect((await send(shop.app, shop.officer01, 'GET', `/fairs/${fair.id}/booth-applications`)).status).toBe(403);
  });

  it('accept assigns the booth; a booth another producer holds is 409 BOOTH_TAKEN; reject needs a reason; decided is final', async () => {
    const fair = await fairIn(shop, 'open');
    const a = await ok<{ id: string }>(send(shop.app, shop.ownerA, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201);
    const b = await ok<{ id: string }>(send(shop.app, shop.ownerB, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201);
    // The other province's officer is not an organiser of this fair.
    expect((await send(shop.app, shop.officer01, 'POST', `/booth-applications/${a.id}/accept`, { boothNo: 3 })).status).toBe(403);
    expect(await ok(send(shop.app, shop.officer91, 'POST', `/booth-applications/${a.id}/accept`, { boothNo: 3 }))).toMatchObject({ status: 'accepted', boothNo: 3 });
    const taken = await send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/accept`, { boothNo: 3 });
    expect(taken.status).toBe(409);
    expect((await expectErrorShape(taken, 'BOOTH_TAKEN')).error.details).toEqual({ boothNo: 3 });
    expect((await send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/accept`, { boothNo: 16 })).status).toBe(400);
    expect((await send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/reject`, { reason: '' })).status).toBe(400);
    expect(await ok(send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/reject`, { reason: 'Sản phẩm chưa đạt 3 sao' }))).toMatchObject({ status: 'rejected', reason: 'Sản phẩm chưa đạt 3 sao' });
    await expectErrorShape(await send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/accept`, { boothNo: 4 }), 'APPLICATION_DECIDED');
    await expectErrorShape(await send(shop.app, shop.officer91, 'POST', `/booth-applications/${a.id}/accept`, { boothNo: 4 }), 'APPLICATION_DECIDED');
    const detail = await ok<FairAnswer>(send(shop.app, undefined, 'GET', `/fairs/${fair.id}`));
    expect(detail.halls[0]!.booths!.map((x) => [x.boothNo, x.producerId])).toEqual([[3, 'htx-a']]);
  });

  it('an admin-run fair of two provinces: both officers decide its applications', async () => {
    const fair = await fairIn(shop, 'open', shop.admin, { provinceCodes: ['91', '01'] });
    const a = await ok<{ id: string }>(send(shop.app, shop.ownerA, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201);
    const b = await ok<{ id: string }>(send(shop.app, shop.ownerB, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201);
    await ok(send(shop.app, shop.officer01, 'POST', `/booth-applications/${a.id}/accept`, { boothNo: 1 }));
    await ok(send(shop.app, shop.officer91, 'POST', `/booth-applications/${b.id}/accept`, { boothNo: 11 }));
    const other = await createTestAccount(shop.services, 'officer', { provinceCode: '79' });
    expect((await send(shop.app, other, 'GET', `/fairs/${fair.id}/booth-applications`)).status).toBe(403);
  });

  it('race: N concurrent accepts of N producers for one booth on DynamoDB Local → exactly one wins, the rest BOOTH_TAKEN', async () => {
    const fair = await fairIn(shop, 'open');
    const N = 8;
    const apps: string[] = [];
    for (let i = 0; i < N; i++) {
      const id = `htx-race-${i}`;
      await shop.services.producers.createProducer(makeProducer({ id, name: `HTX Đua ${i}` }));
      const owner = await createTestAccount(shop.services, 'producer', { producerId: id });
      apps.push((await ok<{ id: string }>(send(shop.app, owner, 'POST', `/fairs/${fair.id}/booth-applications`, {}), 201)).id);
    }
    const results = await Promise.all(apps.map((id) => send(shop.app, shop.officer91, 'POST', `/booth-applications/${id}/accept`, { boothNo: 7 })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    for (const r of results.filter((x) => x.status === 409)) await expectErrorShape(r, 'BOOTH_TAKEN');
    const detail = await ok<FairAnswer>(send(shop.app, undefined, 'GET', `/fairs/${fair.id}`));
    expect(detail.halls[0]!.booths!.filter((b) => b.boothNo === 7)).toHaveLength(1);
    const queue = await ok<{ items: { status: string }[] }>(send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}/booth-applications`));
    expect(queue.items.filter((i) => i.status === 'accepted')).toHaveLength(1);
    expect(queue.items.filter((i) => i.status === 'pending')).toHaveLength(N - 1);
  });

  it('the exhibitor dresses its own booth: video URL checked like a livestream URL, own listed products, fair price a real discount (422)', async () => {
    const fair = await fairIn(shop, 'open');
    await boothFor(shop, fair.id, shop.ownerA, 2);
    const p = await listed(shop.services, { producerId: 'htx-a', producerName: 'HTX Mật ong A', priceVnd: 150_000, stock: 20 });
    const path = `/fairs/${fair.id}/booths/2`;
    const body = {
      intro: 'Mật ong rừng U Minh',
      bannerUrl: 'https://cho-ocop.vn/anh/gian-2.jpg',
      video: { platform: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      products: [{ productId: p.id, fairPriceVnd: 120_000 }, { productId: shop.fishSauce.id }],
      contacts: [{ kind: 'zalo', url: 'https://zalo.me/0912345678' }],
    };
    const booth = await ok<{ video: { embedUrl: string }; products: { productId: string; fairPriceVnd?: number }[] }>(send(shop.app, shop.ownerA, 'PUT', path, body));
    expect(booth.video.embedUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(booth.products).toMatchObject([{ productId: p.id, fairPriceVnd: 120_000 }, { productId: shop.fishSauce.id }]);

    const badUrl = await send(shop.app, shop.ownerA, 'PUT', path, { ...body, video: { platform: 'youtube', url: 'https://youtube.com.evil.vn/watch?v=dQw4w9WgXcQ' } });
    expect(badUrl.status).toBe(400);
    await expectErrorShape(badUrl, 'INVALID_STREAM_URL');
    const notDiscount = await send(shop.app, shop.ownerA, 'PUT', path, { ...body, products: [{ productId: p.id, fairPriceVnd: 150_000 }] });
    expect(notDiscount.status).toBe(422);
    expect((await expectErrorShape(notDiscount, 'FAIR_PRICE_NOT_A_DISCOUNT')).error.details).toMatchObject({ priceToBeatVnd: 150_000 });
    const foreign = await send(shop.app, shop.ownerA, 'PUT', path, { ...body, products: [{ productId: shop.tea.id, variantId: 'goi-100g' }] });
    expect(foreign.status).toBe(409);
    await expectErrorShape(foreign, 'PRODUCT_NOT_FEATURABLE');
    const hidden = await listed(shop.services, { producerId: 'htx-a', priceVnd: 80_000, certificate: makeCertificateSnapshot({ stars: 2 }) });
    await expectErrorShape(await send(shop.app, shop.ownerA, 'PUT', path, { ...body, products: [{ productId: hidden.id }] }), 'PRODUCT_NOT_FEATURABLE');
    expect((await send(shop.app, shop.ownerA, 'PUT', path, { ...body, contacts: [{ kind: 'website', url: 'javascript:alert(1)' }] })).status).toBe(400);
    expect((await send(shop.app, shop.ownerA, 'PUT', path, { ...body, contacts: [{ kind: 'email', url: 'mailto:a@b.vn' }] })).status).toBe(400);
    // Someone else's booth.
    const other = await send(shop.app, shop.ownerB, 'PUT', path, body);
    expect(other.status).toBe(403);
    await expectErrorShape(other, 'NOT_BOOTH_OWNER');
    expect((await send(shop.app, shop.ownerA, 'PUT', `/fairs/${fair.id}/booths/5`, body)).status).toBe(404);
  });
});
