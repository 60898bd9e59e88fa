import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock';
import { expectErrorShape } from '../support/error-shape';
import { fairBody, fairIn, ok, openFairShop, send, type FairAnswer, type FairShop } from './fixtures';

const NOW = '2026-11-23T03:00:00.000Z';

describe('fairs: creation, organisers, states, visibility', () => {
  let shop: FairShop;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    shop = await openFairShop({ clock });
  });
  beforeEach(() => clock.set(NOW));

  it('an officer creates a draft for their own province, stored UTC whatever offset was entered, booths numbered across halls', async () => {
    const body = fairBody(clock.now(), { startsAt: '2026-12-10T08:00:00+07:00', endsAt: '2026-12-12T21:00:00+07:00' });
    const fair = await ok<FairAnswer>(send(shop.app, shop.officer91, 'POST', '/fairs', body), 201);
    expect(fair).toMatchObject({ status: 'draft', provinceCodes: ['91'], startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-12T14:00:00.000Z', allowedTransitions: ['open'] });
    expect(fair.halls.map((h) => [h.id, h.firstBooth, h.boothCount])).toEqual([
      ['h1', 1, 10],
      ['h2', 11, 5],
    ]);
  });

  it("an officer may not organise another province's, several provinces' or a national fair; an admin may", async () => {
    for (const over of [{ provinceCodes: ['01'] }, { provinceCodes: ['91', '01'] }, { national: true, provinceCodes: [] }]) {
      const res = await send(shop.app, shop.officer91, 'POST', '/fairs', fairBody(clock.now(), over));
      expect(res.status).toBe(403);
      await expectErrorShape(res, 'NOT_PROVINCE_OFFICER');
    }
    const multi = await ok<FairAnswer>(send(shop.app, shop.admin, 'POST', '/fairs', fairBody(clock.now(), { provinceCodes: ['91', '01'] })), 201);
    expect(multi.provinceCodes).toEqual(['91', '01']);
    const national = await ok<FairAnswer>(send(shop.app, shop.admin, 'POST', '/fairs', fairBody(clock.now(), { provinceCodes: [], national: true })), 201);
    expect(national).toMatchObject({ national: true, provinceCodes: [] });
    await expectErrorShape(await send(shop.app, shop.admin, 'POST', '/fairs', fairBody(clock.now(), { provinceCodes: [] })), 'PROVINCE_REQUIRED');
    expect((await send(shop.app, shop.shopper, 'POST', '/fairs', fairBody(clock.now()))).status).toBe(403);
    expect((await send(shop.app, shop.ownerA, 'POST', '/fairs', fairBody(clock.now()))).status).toBe(403);
    expect((await send(shop.app, undefined, 'POST', '/fairs', fairBody(clock.now()))).status).toBe(401);
  });

  it('refuses dates backwards, too long or past, and bad halls, with 400', async () => {
    const now = clock.now();
    const bad = [
      fairBody(now, { endsAt: new Date(now.getTime()).toISOString() }),
      fairBody(now, {}, 24, 40 * 24),
      fairBody(now, {}, -48),
      fairBody(now, { halls: [{ name: 'Khu X', kind: 'province', code: '99', boothCount: 3 }] }),
      fairBody(now, { halls: [] }),
      fairBody(now, { startsAt: '2026-12-10 08:00' }),
    ];
    for (const body of bad) expect((await send(shop.app, shop.officer91, 'POST', '/fairs', body)).status).toBe(400);
  });

  it('moves draft → open → live → closed only; anything else is 409 ILLEGAL_TRANSITION with what is allowed', async () => {
    const fair = await fairIn(shop, 'draft');
    const move = (to: string, who = shop.officer91) => send(shop.app, who, 'POST', `/fairs/${fair.id}/transitions`, { to });
    const illegal = async (to: string, from: string, allowed: string[]) => {
      const res = await move(to);
      expect(res.status).toBe(409);
      expect((await expectErrorShape(res, 'ILLEGAL_TRANSITION')).error.details).toEqual({ from, to, allowed });
    };
    await illegal('live', 'draft', ['open']);
    await illegal('closed', 'draft', ['open']);
    expect((await ok<FairAnswer>(move('open'))).status).toBe('open');
    await illegal('open', 'open', ['live']);
    expect((await ok<FairAnswer>(move('live'))).status).toBe('live');
    expect((await ok<FairAnswer>(move('closed'))).status).toBe('closed');
    await illegal('live', 'closed', []);
    expect((await move('draft')).status).toBe(400);
  });

  it("only the fair's organisers move it: the other province's officer and producers are refused", async () => {
    const fair = await fairIn(shop, 'draft');
    const res = await send(shop.app, shop.officer01, 'POST', `/fairs/${fair.id}/transitions`, { to: 'open' });
    expect(res.status).toBe(403);
    await expectErrorShape(res, 'NOT_FAIR_ORGANISER');
    expect((await send(shop.app, shop.ownerA, 'POST', `/fairs/${fair.id}/transitions`, { to: 'open' })).status).toBe(403);
    // A two-province fair: both provinces' officers organise it.
    const both = await fairIn(shop, 'draft', shop.admin, { provinceCodes: ['91', '01'] });
    await ok(send(shop.app, shop.officer01, 'POST', `/fairs/${both.id}/transitions`, { to: 'open' }));
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${both.id}/transitions`, { to: 'live' }));
  });

  it('a draft is 404 to the public, shoppers, producers and other provinces, and visible to its organisers and admins', async () => {
    const fair = await fairIn(shop, 'draft');
    for (const who of [undefined, shop.shopper, shop.ownerA, shop.officer01]) {
      const res = await send(shop.app, who, 'GET', `/fairs/${fair.id}`);
      expect(res.status).toBe(404);
      await expectErrorShape(res, 'FAIR_NOT_FOUND');
    }
    expect((await ok<FairAnswer>(send(shop.app, shop.officer91, 'GET', `/fairs/${fair.id}`))).status).toBe('draft');
    expect((await ok<FairAnswer>(send(shop.app, shop.admin, 'GET', `/fairs/${fair.id}`))).status).toBe('draft');
    await ok(send(shop.app, shop.officer91, 'POST', `/fairs/${fair.id}/transitions`, { to: 'open' }));
    const open = await ok<FairAnswer>(send(shop.app, undefined, 'GET', `/fairs/${fair.id}`));
    expect(open.halls.map((h) => h.booths)).toEqual([[], []]);
  });

  it('lists live, upcoming and closed fairs by the clock, never drafts', async () => {
    const draft = await fairIn(shop, 'draft');
    const open = await fairIn(shop, 'open');
    const live = await fairIn(shop, 'live');
    const ids = async (status: string) => (await ok<{ items: FairAnswer[] }>(send(shop.app, undefined, 'GET', `/fairs?status=${status}`))).items.map((f) => f.id);
    // Before its start a live fair is still "upcoming"; from the start second it is live.
    expect(await ids('upcoming')).toEqual(expect.arrayContaining([open.id, live.id]));
    clock.set(live.startsAt);
    expect(await ids('live')).toContain(live.id);
    expect(await ids('upcoming')).toContain(open.id);
    clock.set(live.endsAt);
    expect(await ids('closed')).toContain(live.id);
    for (const s of ['live', 'upcoming', 'closed']) expect(await ids(s)).not.toContain(draft.id);
    expect((await send(shop.app, undefined, 'GET', '/fairs?status=draft')).status).toBe(400);
  });
});
