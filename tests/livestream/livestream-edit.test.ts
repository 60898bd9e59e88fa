import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendStartNotices } from '../../shared/livestream/start-notices';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { openShop, type Shop } from '../orders/fixtures';
import { getLive, liveBody, postLive, youtube, type LiveAnswer } from './fixtures';

const NOW = '2026-11-24T03:00:00.000Z';

describe('editing a live before it starts, attaching a replay after it ends', () => {
  let shop: Shop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  const schedule = async (products = [{ productId: shop.honey.id, livePriceVnd: 99_000, quota: 60 }], over: Record<string, unknown> = {}) => {
    const res = await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), products, over));
    expect(res.status).toBe(201);
    return (await res.json()) as LiveAnswer;
  };
  const patch = (id: string, body: unknown, who = shop.ownerA) =>
    shop.app.request(`/api/livestreams/${id}`, { method: 'PATCH', headers: { ...who.bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('moves the times, retitles and reprices: the page and the offer follow, the edit is marked', async () => {
    const live = await schedule();
    const res = await patch(live.id, { title: 'Mật ong giá live — giờ mới', startsAt: '2026-11-24T19:00:00+07:00', endsAt: '2026-11-24T21:00:00+07:00', products: [{ productId: shop.honey.id, livePriceVnd: 95_000, quota: 80 }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: 'Mật ong giá live — giờ mới', startsAt: '2026-11-24T12:00:00.000Z', endsAt: '2026-11-24T14:00:00.000Z', editedAt: NOW, status: 'scheduled' });
    expect((await getLive(shop.app, live.id)).products).toEqual([expect.objectContaining({ livePriceVnd: 95_000, quota: 80, quotaLeft: 80 })]);
    // The offer carries the new window: the old start no longer opens it, the new one does.
    clock.set(live.startsAt);
    expect((await getLive(shop.app, live.id)).status).toBe('scheduled');
    const offer = (await shop.services.livestreams.offers([{ livestreamId: live.id, productId: shop.honey.id }])).values().next().value!;
    expect(offer).toMatchObject({ opensAt: '2026-11-24T12:00:00.000Z', closesAt: '2026-11-24T14:00:00.000Z', livePriceVnd: 95_000, quota: 80, left: 80 });
    clock.set('2026-11-24T12:00:00.000Z');
    expect((await getLive(shop.app, live.id)).status).toBe('live');
  });

  it('removing the quota sells at the live price while stock lasts', async () => {
    const live = await schedule();
    expect((await patch(live.id, { products: [{ productId: shop.honey.id, quota: null }] })).status).toBe(200);
    expect((await getLive(shop.app, live.id)).products![0]).toMatchObject({ livePriceVnd: 99_000, quota: null, quotaLeft: null });
  });

  it('refuses: a price that is no discount (422), a product not in the live, a platform without its URL, a lookalike URL, an empty edit', async () => {
    const live = await schedule();
    const dear = await patch(live.id, { products: [{ productId: shop.honey.id, livePriceVnd: 150_000 }] });
    expect(dear.status).toBe(422);
    expect((await expectErrorShape(dear, 'LIVE_PRICE_NOT_A_DISCOUNT')).error.details).toMatchObject({ priceToBeatVnd: 150_000 });
    const other = await patch(live.id, { products: [{ productId: shop.fishSauce.id, livePriceVnd: 10_000 }] });
    expect(other.status).toBe(400);
    await expectErrorShape(other, 'LIVE_PRODUCT_NOT_FEATURED');
    expect((await patch(live.id, { platform: 'tiktok' })).status).toBe(400);
    const lookalike = await patch(live.id, { streamUrl: 'https://www.youtube.com.evil.vn/watch?v=dQw4w9WgXcQ' });
    expect(lookalike.status).toBe(400);
    await expectErrorShape(lookalike, 'INVALID_STREAM_URL');
    expect((await patch(live.id, {})).status).toBe(400);
    expect((await patch(live.id, { startsAt: '2026-11-20T10:00:00Z' })).status).toBe(400);
    // Nothing of the refused edits was written.
    expect((await getLive(shop.app, live.id)).products![0]).toMatchObject({ livePriceVnd: 99_000, quota: 60 });
  });

  it('only its storefront (or an admin) edits; the second the window opens by the clock it is 409 LIVE_NOT_EDITABLE', async () => {
    const live = await schedule();
    expect((await patch(live.id, { title: 'Của người khác' }, shop.ownerB)).status).toBe(403);
    expect((await patch(live.id, { title: 'Quản trị sửa' }, await createTestAccount(shop.services, 'admin'))).status).toBe(200);
    clock.set(Date.parse(live.startsAt) - 1);
    expect((await patch(live.id, { title: 'Sửa phút chót' })).status).toBe(200);
    clock.set(live.startsAt);
    const late = await patch(live.id, { title: 'Quá muộn' });
    expect(late.status).toBe(409);
    expect((await expectErrorShape(late, 'LIVE_NOT_EDITABLE')).error.details).toEqual({ status: 'live' });
    expect((await patch('live-khongco123', { title: 'Không có' })).status).toBe(404);
  });

  it('concurrent edits of one live: each is applied whole (retried on the version), live and offer agree', async () => {
    const live = await schedule();
    const prices = [98_000, 97_000, 96_000, 95_000, 94_000, 93_000];
    const results = await Promise.all(prices.map((p) => patch(live.id, { title: `Giá ${p}`, products: [{ productId: shop.honey.id, livePriceVnd: p, quota: p / 1000 }] })));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const stored = (await shop.services.livestreams.get(live.id, true))!;
    const offer = (await shop.services.livestreams.offers([{ livestreamId: live.id, productId: shop.honey.id }])).values().next().value!;
    expect(stored.title).toBe(`Giá ${stored.products[0]!.livePriceVnd}`);
    expect(offer).toMatchObject({ livePriceVnd: stored.products[0]!.livePriceVnd, quota: stored.products[0]!.quota, left: stored.products[0]!.quota });
    expect(stored.version).toBe(1 + statuses.filter((s) => s === 200).length);
  });

  it('a replay attaches only after the end, of the same platform; the page then shows it', async () => {
    const live = await schedule();
    const replay = (id: string, replayUrl: string, who = shop.ownerA) => postLive(shop.app, who, `/${id}/replay`, { replayUrl });
    const early = await replay(live.id, youtube);
    expect(early.status).toBe(409);
    expect((await expectErrorShape(early, 'LIVE_NOT_ENDED')).error.details).toEqual({ status: 'scheduled' });
    clock.set(live.endsAt);
    expect((await replay(live.id, 'https://www.tiktok.com/@htx/video/1')).status).toBe(400);
    expect((await replay(live.id, youtube, shop.ownerB)).status).toBe(403);
    const ok = await replay(live.id, 'https://youtu.be/aqz-KE-bpKQ');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ended', replayUrl: 'https://youtu.be/aqz-KE-bpKQ', replayEmbedUrl: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ' });
    const page = await (await shop.app.request(`/livestream/${live.id}`)).text();
    expect(page).toContain('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    expect(page).toContain('Xem lại');
  });
});

describe('start notices for lives the clock opens', () => {
  it('followers hear once, however many job runs overlap; a live started by the button is not announced twice', async () => {
    const clock = new ManualClock(NOW);
    const shop = await openShop({ clock });
    const fans = await Promise.all([1, 2, 3].map(() => createTestAccount(shop.services, 'shopper')));
    for (const fan of fans) await shop.services.liveFollows.follow('htx-a', fan.account.id, NOW);
    const byClock = (await (await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), [{ productId: shop.honey.id, livePriceVnd: 99_000 }], { title: 'Live tự mở' }))).json()) as LiveAnswer;
    const byButton = (await (await postLive(shop.app, shop.ownerA, '', liveBody(clock.now(), [{ productId: shop.fishSauce.id, livePriceVnd: 99_000 }], { title: 'Live bấm nút' }))).json()) as LiveAnswer;

    expect(await sendStartNotices(shop.services)).toMatchObject({ announced: 0 });
    await postLive(shop.app, shop.ownerA, `/${byButton.id}/start`);
    clock.set(byClock.startsAt);
    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => sendStartNotices(shop.services)));
    expect(runs.reduce((s, r) => s + r.announced, 0)).toBe(1);
    for (const fan of fans) {
      const items = (await (await shop.app.request('/api/livestream-notifications', { headers: fan.bearer })).json()).items as { livestreamId: string; message: string }[];
      expect(items.map((i) => i.livestreamId).sort()).toEqual([byButton.id, byClock.id].sort());
      expect(items.find((i) => i.livestreamId === byClock.id)!.message).toBe('HTX Mật ong A đang live: Live tự mở');
    }
    expect((await sendStartNotices(shop.services)).announced).toBe(0);
    // The mark moved the version: the producer can still end the live it did not press start on.
    expect((await postLive(shop.app, shop.ownerA, `/${byClock.id}/end`)).status).toBe(200);
  });
});
