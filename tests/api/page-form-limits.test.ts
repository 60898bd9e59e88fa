import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { makeProducer } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { draftProductOf } from '../producer/fixtures';
import { certificateInProvinceX } from '../registry/matrix-support';
import type { MatrixContext } from '../authz/matrix';
import { FORM_LIMIT_BYTES } from '../../web/http';

const ORIGIN = 'http://localhost';
/** Above the largest limit any page form has (a 10 MB file plus its multipart envelope). */
const OVERSIZED = 11 * 1024 * 1024;

/** Page (non-API) POST routes as Hono registered them; `ALL` entries are middleware. */
function pagePostRoutes(app: App): string[] {
  return [...new Set(app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api')).map((r) => r.path))].sort();
}

const APPLICATION_ID = '00000000-0000-4000-8000-000000000000';

function post(app: App, path: string, bytes: number, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: ORIGIN, ...headers },
    body: `reason=${'a'.repeat(bytes)}`,
  });
}

describe('every page form route has a body limit (413 before any work)', () => {
  let app: App;
  let officer: TestAccount;
  let producer: TestAccount;
  let productId: string;
  let certificateNo: string;

  beforeAll(async () => {
    const services = await createTestServices();
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    await services.producers.createProducer(makeProducer({ id: 'htx-gioi-han', provinceCode: '01' }));
    producer = await createTestAccount(services, 'producer', { producerId: 'htx-gioi-han' });
    productId = (await draftProductOf(services, 'htx-gioi-han')).id;
    // The evidence form's 413 is drawn on the certificate's own page: it needs one in the officer's province.
    const ctx = { services, fixtures: { provinceX: '01' }, unique: () => 'gioi-han' } as unknown as MatrixContext;
    certificateNo = await certificateInProvinceX(ctx);
  });

  /**
   * Each form as the caller it is made for: the upload forms answer their 413 on the owner's own
   * page (in Vietnamese), so they need a signed-in owner and a real product.
   */
  function asItsUser(route: string): { path: string; headers: Record<string, string> } {
    const path = route.replace(':id', route.startsWith('/quan-ly') ? APPLICATION_ID : productId).replace(':no', certificateNo);
    if (route.startsWith('/quan-ly')) return { path, headers: officer.cookie };
    if (route.startsWith('/co-so-cua-toi') || route.startsWith('/tai-khoan')) return { path, headers: producer.cookie };
    return { path, headers: {} };
  }

  it('finds the page forms, the officer queue among them', () => {
    const routes = pagePostRoutes(app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toEqual(expect.arrayContaining(['/quan-ly/tinh/ho-so/:id/duyet', '/quan-ly/tinh/ho-so/:id/tu-choi']));
  });

  it('refuses an 11 MB body on each of them with 413 PAYLOAD_TOO_LARGE', async () => {
    for (const route of pagePostRoutes(app)) {
      const { path, headers } = asItsUser(route);
      const res = await post(app, path, OVERSIZED, headers);
      expect(res.status, route).toBe(413);
    }
  });

  it('the officer queue forms stop at the text-form limit, even for a signed-in officer', async () => {
    for (const action of ['duyet', 'tu-choi']) {
      const res = await post(app, `/quan-ly/tinh/ho-so/${APPLICATION_ID}/${action}`, FORM_LIMIT_BYTES + 1, officer.cookie);
      expect(res.status, action).toBe(413);
      await expectErrorShape(res, 'PAYLOAD_TOO_LARGE');
    }
  });
});
