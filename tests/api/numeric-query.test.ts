import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string | string[]; minimum?: number };
}
interface Operation {
  parameters?: Parameter[];
}

/** Values `Number()` reads as a valid number; a numeric query parameter must refuse each. */
const NOT_DECIMAL = ['0x10', '1e1', '3.0', ' 3', '+3', '3 ', '٣'];

/** Path parameters filled with values that pass their own checks, so only the query is wrong. */
const concrete = (path: string) => path.replace('{id}', 'htx-so-hoc').replace('{code}', '91').replace(/\{[^}]+\}/g, 'x');
/** The other parameters a route needs to get as far as the numeric one. */
const required: Record<string, string> = { '/api/search': 'q=tra', '/api/points-of-sale': 'lat=21.0285&lng=105.8542' };

describe('numeric query parameters: decimal integers only, in every route of the document', () => {
  let services: Services;
  let app: App;
  let officer: TestAccount;
  let owner: TestAccount;
  /** Officer routes check the role before the query; a storefront's own routes want its owner. */
  const callerFor = (path: string) => (path.startsWith('/api/producers/{id}/') ? owner : officer);
  let targets: { path: string; name: string; min: number }[];

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: 'htx-so-hoc', provinceCode: '91' }));
    // Product routes (`/api/products/{id}/…`) get a listed product of the same id.
    await services.catalog.saveProduct(makeProduct({ id: 'htx-so-hoc', producerId: 'htx-so-hoc' }));
    // Officer routes check the role before the query: this caller passes that check.
    officer = await createTestAccount(services, 'officer', { provinceCode: '91' });
    owner = await createTestAccount(services, 'producer', { producerId: 'htx-so-hoc' });
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    targets = Object.entries(doc.paths).flatMap(([path, ops]) =>
      (ops.get?.parameters ?? [])
        .filter((p) => p.in === 'query' && p.schema?.type === 'integer')
        .map((p) => ({ path, name: p.name, min: p.schema?.minimum ?? 0 })),
    );
  });

  it('finds the numeric parameters (products, search, storefront, onboarding) and documents them as integers', () => {
    const names = targets.map((t) => `${t.path} ${t.name}`);
    for (const expected of ['/api/products limit', '/api/products minStars', '/api/search limit', '/api/search minStars', '/api/producers/{id} limit', '/api/onboarding/applications limit']) {
      expect(names).toContain(expected);
    }
  });

  it('refuses hex, exponent, decimal point, sign, spaces and non-ASCII digits with 400 INVALID_INPUT', async () => {
    for (const t of targets) {
      for (const value of NOT_DECIMAL) {
        const extra = required[t.path] ? `${required[t.path]}&` : '';
        const url = `${concrete(t.path)}?${extra}${t.name}=${encodeURIComponent(value)}`;
        const res = await app.request(url, { headers: { accept: 'application/json', ...callerFor(t.path).bearer } });
        expect(res.status, `${url}`).toBe(400);
        const body = await expectErrorShape(res, 'INVALID_INPUT');
        expect((body.error.details as { path: string }[]).map((d) => d.path)).toContain(t.name);
      }
    }
  });

  it('still reads plain digits', async () => {
    for (const t of targets) {
      const extra = required[t.path] ? `${required[t.path]}&` : '';
      const value = Math.max(t.min, t.name === 'minStars' ? 4 : 2);
      const res = await app.request(`${concrete(t.path)}?${extra}${t.name}=${value}`, { headers: { accept: 'application/json', ...callerFor(t.path).bearer } });
      expect(res.status, `${t.path} ${t.name}=${value}`).toBe(200);
    }
  });
});
