import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Product } from '../../shared/catalog/product';
import type { Verification } from '../../shared/registry/verification';
import type { Services } from '../../shared/services';
import { systemClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { listedIds, postAs, recordBody } from './registry-fixtures';

const PROVINCE = '86';
const PAIRS = 48;
const revokeBody = { revocationDecisionNo: '77/QĐ-UBND', revokedOn: '2026-11-20', reason: 'Vi phạm chất lượng' };

/**
 * `services` with one method of one store wrapped ONCE: `around` gets the real call and decides
 * what happens before and after it. Fault injection of an interleaving: another request runs at
 * exactly the moment the race window is open, every time.
 */
function interleaveOnce<K extends 'registry' | 'certificates'>(
  services: Services,
  store: K,
  method: keyof Services[K] & string,
  around: (call: () => Promise<unknown>) => Promise<unknown>,
): Services {
  let armed = true;
  const real = services[store] as object;
  const wrapped = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (prop !== method || !armed) return bound;
      return (...args: unknown[]) => {
        armed = false;
        return around(() => Promise.resolve(bound(...args)));
      };
    },
  });
  return { ...services, [store]: wrapped };
}

describe('certificate link and revocation are exclusive', () => {
  let services: Services;
  let app: App;
  let producer: TestAccount;
  let officer: TestAccount;
  const A = 'htx-dua-cau-ke';
  let serial = 0;

  beforeAll(async () => {
    // The real clock: concurrent writes get the times they would get in production.
    services = await createTestServices({ clock: systemClock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: A, name: 'HTX Dừa Cầu Kè', provinceCode: PROVINCE }));
    producer = await createTestAccount(services, 'producer', { producerId: A });
    officer = await createTestAccount(services, 'officer', { provinceCode: PROVINCE });
  });

  /** A certificate recorded by the officer for one product, and a second, published product without one. */
  async function pair(): Promise<{ no: string; recorded: string; other: string }> {
    const n = ++serial;
    const recorded = `${A}-ghi-${n}`;
    const other = `${A}-lien-ket-${n}`;
    for (const id of [recorded, other]) {
      await services.catalog.saveProduct(makeProduct({ id, slug: id, producerId: A, producerName: 'HTX Dừa Cầu Kè', provinceCode: PROVINCE, certificate: undefined }));
    }
    const no = `VL-RACE-${n}`;
    const res = await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: no, subjectId: A, productId: recorded }), officer.bearer);
    expect(res.status, await res.clone().text()).toBe(201);
    return { no, recorded, other };
  }

  const link = (a: App, id: string, no: string) => postAs(a, `/api/products/${id}/certificate`, { certificateNo: no }, producer.bearer);
  const revoke = (a: App, no: string) => postAs(a, `/api/registry/certificates/${encodeURIComponent(no)}/revoke`, revokeBody, officer.bearer);

  /** The stored product and the public verification agree: a revoked certificate is on no listed product. */
  async function expectRevokedEverywhere(no: string, productIds: string[]) {
    const verify = (await (await app.request(`/api/verify/${encodeURIComponent(no)}`)).json()) as Verification;
    expect(verify.state).toBe('revoked');
    for (const id of productIds) {
      const stored = await services.catalog.getProduct(id);
      if (stored?.certificate?.certificateNo === no) expect(stored.certificate.status).toBe('revoked');
      expect((await app.request(`/api/products/${id}`)).status).toBe(410);
    }
    expect(verify.products.filter((p) => p.listed)).toEqual([]);
  }

  it('a link that commits between the revocation’s read and its write is taken down by that revocation', async () => {
    const { no, recorded, other } = await pair();
    let linked: Response | undefined;
    const racing = createApp(
      interleaveOnce(services, 'registry', 'commit', async (commit) => {
        linked = await link(app, other, no);
        return commit();
      }),
    );
    const res = await revoke(racing, no);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(linked?.status).toBe(200);
    expect((await services.catalog.getProduct(other))?.certificate).toMatchObject({ certificateNo: no, status: 'revoked' });
    expect(await listedIds(services, A)).toEqual([]);
    await expectRevokedEverywhere(no, [recorded, other]);
    // The verification page lists the product the link reached, hidden.
    const verify = (await (await app.request(`/api/verify/${encodeURIComponent(no)}`)).json()) as Verification;
    expect(verify.products).toContainEqual({ id: other, name: expect.any(String), listed: false });
  });

  it('a revocation that commits between the link’s read and its write makes the link fail: CERTIFICATE_NOT_ACTIVE', async () => {
    const { no, recorded, other } = await pair();
    let revoked: Response | undefined;
    const racing = createApp(
      interleaveOnce(services, 'certificates', 'getCertificate', async (read) => {
        const active = await read();
        revoked = await revoke(app, no);
        return active;
      }),
    );
    const res = await link(racing, other, no);
    expect(revoked?.status).toBe(200);
    expect(res.status).toBe(409);
    await expectErrorShape(res, 'CERTIFICATE_NOT_ACTIVE');
    expect((await services.catalog.getProduct(other))?.certificate).toBeUndefined();
    await expectRevokedEverywhere(no, [recorded, other]);
  });

  it('a downgrade that loses to a link is written on top of it, not refused, and reaches the linked product', async () => {
    const { no, other } = await pair();
    const racing = createApp(
      interleaveOnce(services, 'registry', 'commit', async (commit) => {
        expect((await link(app, other, no)).status).toBe(200);
        return commit();
      }),
    );
    const res = await postAs(racing, `/api/registry/certificates/${encodeURIComponent(no)}/downgrade`, { stars: 3, decisionNo: '101/QĐ-UBND', score: 60, reason: 'Đánh giá lại' }, officer.bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    // record 1, the link 2, the downgrade on top of it 3; both products carry the 3★ snapshot.
    expect(await services.certificates.getCertificate(no)).toMatchObject({ stars: 3, revision: 3 });
    expect((await services.catalog.getProduct(other))?.certificate).toMatchObject({ certificateNo: no, stars: 3, status: 'active' });
  });

  describe(`${PAIRS} concurrent link/revoke pairs through the HTTP server`, () => {
    let server: TestServer;
    const pairs: { no: string; recorded: string; other: string }[] = [];

    beforeAll(async () => {
      // Eight at a time: the setup is not what is under test, and the box is shared.
      while (pairs.length < PAIRS) pairs.push(...(await Promise.all(Array.from({ length: Math.min(8, PAIRS - pairs.length) }, pair))));
      server = await startTestServer(services);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    const post = (path: string, body: unknown, auth: Record<string, string>) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...auth }, body: JSON.stringify(body) });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('leaves zero listed products with a revoked certificate, and every product read agrees with /api/verify', async () => {
      // Either side starts up to 8 ms late, at random: both orders and the overlap in between occur.
      const outcomes = await Promise.all(
        pairs.map(async ({ no, other }) => {
          const [linked, revoked] = await Promise.all([
            pause(Math.random() * 8).then(() => post(`/api/products/${other}/certificate`, { certificateNo: no }, producer.bearer)),
            pause(Math.random() * 8).then(() => post(`/api/registry/certificates/${encodeURIComponent(no)}/revoke`, revokeBody, officer.bearer)),
          ]);
          return { linked: linked.status, linkCode: linked.ok ? undefined : ((await linked.json()) as { error: { code: string } }).error.code, revoked: revoked.status };
        }),
      );
      // The officer is never refused because a producer was linking at that moment.
      expect(outcomes.map((o) => o.revoked)).toEqual(pairs.map(() => 200));
      // A link either came first (200, then taken down) or found the certificate revoked.
      for (const o of outcomes) {
        if (o.linked !== 200) expect([o.linked, o.linkCode]).toEqual([409, 'CERTIFICATE_NOT_ACTIVE']);
      }

      // (The earlier tests' downgraded pair is still listed, rightly: only this test's products count here.)
      const ours = new Set(pairs.flatMap((p) => [p.recorded, p.other]));
      expect((await listedIds(services, A)).filter((id) => ours.has(id))).toEqual([]);
      const listed = (await (await fetch(`${server.url}/api/products?producer=${A}&limit=100`)).json()) as { items: { id: string }[] };
      expect(listed.items.filter((p) => ours.has(p.id))).toEqual([]);
      await Promise.all(
        pairs.map(async ({ no, recorded, other }) => {
          const verify = (await (await fetch(`${server.url}/api/verify/${encodeURIComponent(no)}`)).json()) as Verification;
          expect(verify.state).toBe('revoked');
          for (const id of [recorded, other]) {
            const read = await fetch(`${server.url}/api/products/${id}`);
            expect(read.status, `${id} still answers ${read.status} while ${no} is revoked`).toBe(410);
            const stored = (await services.catalog.getProduct(id)) as Product;
            if (stored.certificate?.certificateNo === no) expect(stored.certificate.status).toBe(verify.state);
          }
        }),
      );
    }, 120_000);
  });
});
