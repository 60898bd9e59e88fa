import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { listedProduct } from '../cart/fixtures';
import { makeCertificateSnapshot, makeProducer } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { pointBody } from './fixtures';

async function expectError(res: Response, status: number, code: string) {
  expect(res.status, code).toBe(status);
  await expectErrorShape(res, code);
}

// Monday 2026-12-21 09:00 in Vietnam (02:00Z): inside the workday hours.
const clock = new ManualClock('2026-12-21T02:00:00Z');

describe('points of sale API (DynamoDB Local)', () => {
  let services: EdgeServices;
  let app: App;
  let officerHn: TestAccount;
  let officerHcm: TestAccount;
  let admin: TestAccount;
  let shopper: TestAccount;
  let listed: string;
  let revokedProduct: string;

  const send = (who: TestAccount | undefined, method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { ...(who?.bearer ?? {}), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const get = (path: string) => app.request(path, { headers: { accept: 'application/json' } });
  const create = async (over: Parameters<typeof pointBody>[0] = {}, who: TestAccount = officerHn) => {
    const res = await send(who, 'POST', '/api/points-of-sale', pointBody(over));
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; version?: number };
  };

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: 'htx-loc-a', provinceCode: '01' }));
    listed = (await listedProduct(services, { producerId: 'htx-loc-a' })).id;
    revokedProduct = (await listedProduct(services, { producerId: 'htx-loc-a', certificate: makeCertificateSnapshot({ status: 'revoked' }) })).id;
    officerHn = await createTestAccount(services, 'officer', { provinceCode: '01' });
    officerHcm = await createTestAccount(services, 'officer', { provinceCode: '79' });
    admin = await createTestAccount(services, 'admin');
    shopper = await createTestAccount(services, 'shopper');
  });

  it('lists a point for the officer of its province or an admin, never for another province or a shopper', async () => {
    await create();
    await create({ name: 'Góc OCOP siêu thị', provinceCode: '79', lat: 10.7769, lng: 106.7009 }, admin);
    await expectError(await send(officerHcm, 'POST', '/api/points-of-sale', pointBody()), 403, 'NOT_PROVINCE_OFFICER');
    expect((await send(shopper, 'POST', '/api/points-of-sale', pointBody())).status).toBe(403);
    expect((await send(undefined, 'POST', '/api/points-of-sale', pointBody())).status).toBe(401);
  });

  it('refuses bad input with 400 and the shared shape, unknown products with 422, and writes nothing', async () => {
    for (const bad of [
      { lat: 13.756, lng: 100.502 }, // Bangkok
      { lat: 105.8553, lng: 21.0245 }, // swapped
      { provinceCode: '99' },
      { type: 'market' },
      { name: 'x' },
      { openingHours: { weekly: { mon: [{ open: '08:00', close: '12:00' }, { open: '11:00', close: '13:00' }] }, closures: [] } },
      { openingHours: { weekly: { mon: [{ open: '8h', close: '12:00' }] }, closures: [] } },
      { phone: '12345' },
    ]) {
      const res = await send(officerHn, 'POST', '/api/points-of-sale', pointBody(bad));
      await expectError(res, 400, 'INVALID_INPUT');
    }
    const unknown = await send(officerHn, 'POST', '/api/points-of-sale', pointBody({ name: 'Không được ghi', productIds: ['khong-co-san-pham'] }));
    await expectError(unknown, 422, 'UNKNOWN_PRODUCT');
    const list = (await (await get('/api/points-of-sale?lat=21.0245&lng=105.8553&radiusKm=50&limit=100')).json()) as { items: { name: string }[] };
    expect(list.items.map((i) => i.name)).not.toContain('Không được ghi');
  });

  it('validates the search query: lat with lng, radius 0.1–500, limit 1–100, decimals only', async () => {
    for (const q of ['lat=21', 'lng=105', 'lat=21&lng=105&radiusKm=0.05', 'lat=21&lng=105&radiusKm=501', 'lat=21&lng=105&limit=0', 'lat=21&lng=105&limit=101', 'lat=1e1&lng=105', 'lat=21&lng=0x10', '', 'lat=21&lng=105&type=market', 'province=99']) {
      const res = await get(`/api/points-of-sale?${q}`);
      await expectError(res, 400, 'INVALID_INPUT');
    }
  });

  it('finds points sorted by distance, with type, open-now and carried-product filters (3★ gate at request time)', async () => {
    const near = await create({ name: 'Showroom Tràng Tiền', type: 'showroom', lat: 21.0249, lng: 105.8555, productIds: [listed, revokedProduct] });
    const farther = await create({ name: 'Ki-ốt Nội Bài', type: 'airport', lat: 21.2187, lng: 105.8042, openingHours: { weekly: { sun: [{ open: '06:00', close: '22:00' }] }, closures: [] } });
    const res = await get('/api/points-of-sale?lat=21.0250&lng=105.8556&radiusKm=30&limit=100');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; distanceKm: number; openNow: boolean; nextOpening?: string }[] };
    const ids = items.map((i) => i.id);
    expect(ids[0]).toBe(near.id);
    expect(ids).toContain(farther.id);
    const distances = items.map((i) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Monday 09:00 Vietnam time: the showroom is open, the Sunday-only airport kiosk is not (opens Sunday 06:00).
    expect(items.find((i) => i.id === near.id)!.openNow).toBe(true);
    const airport = items.find((i) => i.id === farther.id)!;
    expect(airport.openNow).toBe(false);
    expect(airport.nextOpening).toBe('2026-12-26T23:00:00.000Z');

    const open = (await (await get('/api/points-of-sale?lat=21.0250&lng=105.8556&radiusKm=30&openNow=true&limit=100')).json()) as { items: { id: string }[] };
    expect(open.items.map((i) => i.id)).not.toContain(farther.id);
    const airports = (await (await get('/api/points-of-sale?lat=21.0250&lng=105.8556&radiusKm=30&type=airport')).json()) as { items: { id: string }[] };
    expect(airports.items.map((i) => i.id)).toEqual([farther.id]);

    const carrying = (await (await get(`/api/points-of-sale?lat=21.0250&lng=105.8556&radiusKm=30&productId=${listed}`)).json()) as { items: { id: string }[] };
    expect(carrying.items.map((i) => i.id)).toEqual([near.id]);
    // A revoked certificate is carried nowhere, even where the officer named it.
    const revoked = (await (await get(`/api/points-of-sale?lat=21.0250&lng=105.8556&radiusKm=30&productId=${revokedProduct}`)).json()) as { items: unknown[] };
    expect(revoked.items).toEqual([]);

    const detail = (await (await get(`/api/points-of-sale/${near.id}`)).json()) as { products: { id: string }[] };
    expect(detail.products.map((p) => p.id)).toEqual([listed]);
  });

  it('moves, closes and removes a point everywhere it is filed (cells, links)', async () => {
    const point = await create({ name: 'Điểm sẽ chuyển', productIds: [listed] });
    const moved = await send(officerHn, 'PATCH', `/api/points-of-sale/${point.id}`, { lat: 21.5942, lng: 105.8482, street: '1 Hoàng Văn Thụ' });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const at = async (lat: number, lng: number) =>
      ((await (await get(`/api/points-of-sale?lat=${lat}&lng=${lng}&radiusKm=2&limit=100`)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await at(21.0245, 105.8553)).not.toContain(point.id);
    expect(await at(21.5942, 105.8482)).toContain(point.id);
    await expectError(await send(officerHcm, 'PATCH', `/api/points-of-sale/${point.id}`, { name: 'Không phải tỉnh tôi' }), 403, 'NOT_PROVINCE_OFFICER');
    await expectError(await send(officerHn, 'PATCH', `/api/points-of-sale/${point.id}`, { lat: 21.6 }), 400, 'INVALID_INPUT');

    expect((await send(officerHn, 'PATCH', `/api/points-of-sale/${point.id}`, { status: 'closed' })).status).toBe(200);
    expect(await at(21.5942, 105.8482)).not.toContain(point.id);
    expect((await get(`/api/points-of-sale/${point.id}`)).status).toBe(200);

    expect((await send(officerHn, 'DELETE', `/api/points-of-sale/${point.id}`)).status).toBe(204);
    await expectError(await get(`/api/points-of-sale/${point.id}`), 404, 'POINT_NOT_FOUND');
    expect(await services.points.carrying(listed, 'htx-khac')).not.toContainEqual(expect.objectContaining({ id: point.id }));
  });

  it('lets exactly one of two racing edits win; the other gets 409 POINT_CHANGED and nothing is half-written', async () => {
    const point = await create({ name: 'Điểm hai người sửa' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(i % 2 ? officerHn : admin, 'PATCH', `/api/points-of-sale/${point.id}`, { name: `Tên số ${i}`, lat: 21.0 + i / 100, lng: 105.8 })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    for (const r of results.filter((x) => x.status === 409)) await expectError(r, 409, 'POINT_CHANGED');
    // Whatever won, the point is filed exactly once, at its stored place.
    const stored = (await services.points.get(point.id))!;
    const near = ((await (await get(`/api/points-of-sale?lat=${stored.lat}&lng=${stored.lng}&radiusKm=0.5&limit=100`)).json()) as { items: { id: string; name: string }[] }).items.filter((i) => i.id === point.id);
    expect(near).toEqual([expect.objectContaining({ name: stored.name })]);
    const wins = statuses.filter((s) => s === 200).length;
    expect(stored.version).toBe(1 + wins);
  });
});
