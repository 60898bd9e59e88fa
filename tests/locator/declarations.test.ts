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

const clock = new ManualClock('2026-12-21T02:00:00Z');

describe('producers declare where they sell; the point’s officer decides (DynamoDB Local)', () => {
  let services: EdgeServices;
  let app: App;
  let officer: TestAccount;
  let otherOfficer: TestAccount;
  let producer: TestAccount;
  let producerB: TestAccount;
  let listed: string;
  let revoked: string;
  let productOfB: string;

  const send = (who: TestAccount, method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { ...who.bearer, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const newPoint = async (name: string) => {
    const res = await send(officer, 'POST', '/api/points-of-sale', pointBody({ name }));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const carried = async (id: string) => ((await (await app.request(`/api/points-of-sale/${id}`)).json()) as { products: { id: string }[] }).products.map((p) => p.id).sort();

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: 'htx-khai-bao', provinceCode: '01' }));
    await services.producers.createProducer(makeProducer({ id: 'htx-khac', provinceCode: '01' }));
    listed = (await listedProduct(services, { producerId: 'htx-khai-bao' })).id;
    revoked = (await listedProduct(services, { producerId: 'htx-khai-bao', certificate: makeCertificateSnapshot({ status: 'revoked' }) })).id;
    productOfB = (await listedProduct(services, { producerId: 'htx-khac' })).id;
    officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    otherOfficer = await createTestAccount(services, 'officer', { provinceCode: '79' });
    producer = await createTestAccount(services, 'producer', { producerId: 'htx-khai-bao' });
    producerB = await createTestAccount(services, 'producer', { producerId: 'htx-khac' });
  });

  it('a declared storefront counts as carried only once confirmed, and only its gated products', async () => {
    const id = await newPoint('Trung tâm OCOP khai báo');
    const declared = await send(producer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [] });
    expect(declared.status, await declared.clone().text()).toBe(201);
    expect(await carried(id)).toEqual([]);

    const queue = (await (await send(officer, 'GET', '/api/points-of-sale/declarations')).json()) as { items: { pointId: string; producerId: string; status: string }[] };
    expect(queue.items).toEqual([expect.objectContaining({ pointId: id, producerId: 'htx-khai-bao', status: 'pending' })]);
    await expectErrorShape(await send(otherOfficer, 'GET', '/api/points-of-sale/declarations?province=01'), 'NOT_PROVINCE_OFFICER');
    await expectErrorShape(await send(otherOfficer, 'POST', `/api/points-of-sale/${id}/declarations/htx-khai-bao/decision`, { decision: 'confirm' }), 'NOT_PROVINCE_OFFICER');

    const confirmed = await send(officer, 'POST', `/api/points-of-sale/${id}/declarations/htx-khai-bao/decision`, { decision: 'confirm' });
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    expect(((await confirmed.json()) as { status: string }).status).toBe('confirmed');
    // The revoked product of the same storefront is not carried (3★ gate).
    expect(await carried(id)).toEqual([listed]);
    expect(revoked).toBeTruthy();
    const near = (await (await app.request(`/api/points-of-sale?lat=21.0245&lng=105.8553&radiusKm=1&productId=${listed}`)).json()) as { items: { id: string }[] };
    expect(near.items.map((i) => i.id)).toContain(id);
    expect(((await (await send(officer, 'GET', '/api/points-of-sale/declarations')).json()) as { items: unknown[] }).items).toEqual([]);
    await expectErrorShape(await send(officer, 'POST', `/api/points-of-sale/${id}/declarations/htx-khai-bao/decision`, { decision: 'reject' }), 'DECLARATION_NOT_FOUND');
    await expectErrorShape(await send(producer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [] }), 'DECLARATION_CONFIRMED');
  });

  it('named products: only the producer’s own; a rejection changes nothing; officers and shoppers cannot declare', async () => {
    const id = await newPoint('Góc OCOP từ chối');
    await expectErrorShape(await send(producer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [productOfB] }), 'NOT_STOREFRONT_OWNER');
    await expectErrorShape(await send(officer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [] }), 'FORBIDDEN');
    await expectErrorShape(await send(producer, 'POST', '/api/points-of-sale/khong-co-diem/declarations', { productIds: [] }), 'POINT_NOT_FOUND');
    expect((await send(producerB, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [productOfB] })).status).toBe(201);
    const rejected = await send(officer, 'POST', `/api/points-of-sale/${id}/declarations/htx-khac/decision`, { decision: 'reject' });
    expect(rejected.status).toBe(200);
    expect(await carried(id)).toEqual([]);
    expect((await services.points.get(id))!.version).toBe(1);
  });

  it('the console lists pending declarations and confirms one from the page', async () => {
    const id = await newPoint('Điểm xác nhận trên trang');
    expect((await send(producer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [] })).status).toBe(201);
    const html = await (await app.request('/quan-ly/tinh/diem-ban', { headers: officer.cookie })).text();
    expect(html).toContain(`data-declaration="${id}/htx-khai-bao"`);
    const post = (who: TestAccount) =>
      app.request(`/quan-ly/tinh/diem-ban/${id}/khai-bao/htx-khai-bao`, { method: 'POST', headers: { ...who.cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=confirm' });
    expect((await post(otherOfficer)).status).toBe(403);
    const done = await post(officer);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toContain('da=xac-nhan');
    expect((await services.points.get(id))!.producerIds).toEqual(['htx-khai-bao']);
  });

  it('two racing decisions: exactly one wins, the point is changed once', async () => {
    const id = await newPoint('Điểm hai cán bộ');
    expect((await send(producer, 'POST', `/api/points-of-sale/${id}/declarations`, { productIds: [listed] })).status).toBe(201);
    const admin = await createTestAccount(services, 'admin');
    const results = await Promise.all([officer, admin, officer, admin].map((who, i) => send(who, 'POST', `/api/points-of-sale/${id}/declarations/htx-khai-bao/decision`, { decision: i % 2 ? 'reject' : 'confirm' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBe(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 404)).toBe(true);
    const winner = (await results[statuses.indexOf(200)]!.json()) as { status: string };
    const point = (await services.points.get(id))!;
    expect(point.version).toBe(winner.status === 'confirmed' ? 2 : 1);
    expect(point.productIds).toEqual(winner.status === 'confirmed' ? [listed] : []);
  });
});
