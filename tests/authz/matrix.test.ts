import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Role } from '../../shared/identity/principal';
import type { Services } from '../../shared/services';
import { makeProducer } from '../support/catalog-fixtures';
import { fromAddress } from '../support/client-address';
import { expectErrorShape } from '../support/error-shape';
import { useTempEvidenceStore, useTempMediaStore } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';
import { createTestAccount, type TestAccount } from './accounts';
import { mutatingRoutes } from './mutating-routes';
import { matrix, matrixRoles, type MatrixContext, type MatrixEntry, type MatrixFixtures, type MatrixRole } from './matrix';

const ORIGIN = 'http://localhost';
const fixtures: MatrixFixtures = { producerA: 'htx-ma-tran-a', producerB: 'htx-ma-tran-b', provinceX: '01', provinceY: '79' };

const roleAccount: Record<Exclude<MatrixRole, 'anonymous'>, { role: Role; producerId?: string; provinceCode?: string }> = {
  shopper: { role: 'shopper' },
  producerA: { role: 'producer', producerId: fixtures.producerA },
  producerB: { role: 'producer', producerId: fixtures.producerB },
  officerX: { role: 'officer', provinceCode: fixtures.provinceX },
  officerY: { role: 'officer', provinceCode: fixtures.provinceY },
  admin: { role: 'admin' },
};


const label = (e: Pick<MatrixEntry, 'method' | 'path'>) => `${e.method} ${e.path}`;

describe('authorization matrix', () => {
  let services: Services;
  let app: App;
  let counter = 0;

  let mediaDir: string | undefined;
  let evidenceDir: string | undefined;
  afterAll(async () => {
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    services = await createTestServices();
    // Uploads (the evidence file) go to temp folders, not the dev server's .data/.
    mediaDir = await useTempMediaStore(services, 'authz');
    evidenceDir = await useTempEvidenceStore(services, 'authz');
    app = createApp(services);
    for (const id of [fixtures.producerA, fixtures.producerB]) await services.producers.createProducer(makeProducer({ id, name: `Cơ sở ${id}`, provinceCode: id === fixtures.producerA ? fixtures.provinceX : fixtures.provinceY }));
  });

  it('covers every mutating route of the app, and only real routes', () => {
    const routes = mutatingRoutes(app);
    const declared = matrix.map(label);
    const missing = routes.filter((r) => !declared.includes(r));
    const unknown = declared.filter((d) => !routes.includes(d));
    const duplicated = declared.filter((d, i) => declared.indexOf(d) !== i);
    expect(missing, `mutating routes with no entry in tests/authz/matrix.ts:\n  ${missing.join('\n  ')}`).toEqual([]);
    expect(unknown, `matrix entries with no route in the app:\n  ${unknown.join('\n  ')}`).toEqual([]);
    expect(duplicated, 'matrix entries declared twice').toEqual([]);
  });

  describe.each(matrix.map((entry) => ({ entry, name: label(entry) })))('$name', ({ entry }) => {
    it.each([...matrixRoles])('as %s', async (role) => {
      const caller: TestAccount | undefined = role === 'anonymous' ? undefined : await createTestAccount(services, roleAccount[role].role, roleAccount[role]);
      const n = ++counter;
      const ctx: MatrixContext = {
        role,
        services,
        fixtures,
        caller,
        createAccount: (r, options) => createTestAccount(services, r, options),
        unique: () => `${n}-${Math.random().toString(36).slice(2, 8)}`,
      };
      const req = (await entry.request?.(ctx)) ?? {};
      const path = req.path ?? entry.path;
      expect(path, 'the request needs a concrete path (fill in the route parameters)').not.toMatch(/\/:/);
      const isApi = path.startsWith('/api/');
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(isApi ? {} : { origin: ORIGIN }),
        ...(caller ? (isApi ? caller.bearer : caller.cookie) : {}),
        ...req.headers,
      };
      let body: string | FormData | undefined;
      if (req.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(req.json);
      } else if (req.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(req.form).toString();
      } else if (req.multipart) {
        // fetch sets the multipart content type with its boundary.
        const data = new FormData();
        for (const [name, value] of Object.entries(req.multipart)) data.append(name, value);
        body = data;
      }
      // One client address per case (the socket's): the login and register throttles must not tie cases together.
      const res = await app.request(path, { method: entry.method, headers, body }, fromAddress(`198.51.${(n >> 8) & 255}.${n & 255}`));
      const expected = entry.expect[role];
      if (expected === 'allow') {
        const detail = res.status >= 400 ? await res.text() : '';
        expect([401, 403], `${label(entry)} as ${role} should be allowed, got ${res.status} ${detail}`).not.toContain(res.status);
        expect(res.status, `${label(entry)} as ${role}: ${detail}`).toBeLessThan(500);
      } else {
        expect(res.status, `${label(entry)} as ${role}`).toBe(expected);
        await expectErrorShape(res);
      }
    });
  });
});
