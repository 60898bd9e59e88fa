import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { operationIdOf } from '../../shared/http/openapi-contract';
import type { Role } from '../../shared/identity/principal';
import type { Services } from '../../shared/services';
import { createTestAccount, withSession, type TestAccount } from '../authz/accounts';
import { makeProducer } from '../support/catalog-fixtures';
import { useTempMediaStore } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';

interface Operation {
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' | 'cookie' }>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));

/** Values no declared schema accepts as they are (ids, enums, numbers, cursors); free text passes, which is fine. */
const MALFORMED = 'bad id!';

/** One request per operation and role: every path and query parameter malformed, a body with an unknown field. */
function probe({ method, path, operation }: ReturnType<typeof operationsOf>[number], headers: Record<string, string>) {
  const url = new URL(`http://localhost${path.replace(/\{\w+\}/g, encodeURIComponent(MALFORMED))}`);
  for (const p of operation.parameters ?? []) if (p.in === 'query') url.searchParams.set(p.name, MALFORMED);
  const withBody = operation.requestBody !== undefined;
  return new Request(url, {
    method,
    headers: { ...headers, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { body: JSON.stringify({ unknownProbeField: MALFORMED }) } : {}),
  });
}

const roles: Array<{ role: Role; producerId?: string; provinceCode?: string }> = [
  { role: 'shopper' },
  { role: 'producer', producerId: 'htx-hop-dong' },
  { role: 'officer', provinceCode: '01' },
  { role: 'admin' },
];

describe('every status a route answers is declared in /api/openapi.json', () => {
  let services: Services;
  let app: App;
  let doc: Document;
  let mediaDir: string | undefined;
  const accounts = new Map<Role, TestAccount>();

  beforeAll(async () => {
    services = await createTestServices();
    mediaDir = await useTempMediaStore(services, 'openapi-statuses');
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: 'htx-hop-dong', name: 'HTX hợp đồng' }));
    for (const r of roles) accounts.set(r.role, await createTestAccount(services, r.role, r));
    doc = (await (await app.request('/api/openapi.json')).json()) as Document;
  });
  afterAll(async () => {
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  it('declares 400 wherever validation can answer it (path, query or body input)', () => {
    const missing = operationsOf(doc)
      .filter(({ operation }) => (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined)
      .filter(({ operation }) => !('400' in operation.responses))
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique operationId derived from its method and path, and a security declaration', () => {
    const ops = operationsOf(doc);
    expect(ops.map(({ method, path, operation }) => [operation.operationId, operationIdOf(method, path)]).filter(([a, b]) => a !== b)).toEqual([]);
    expect(new Set(ops.map(({ operation }) => operation.operationId)).size).toBe(ops.length);
    expect(ops.filter(({ operation }) => !Array.isArray(operation.security)).map(({ path }) => path)).toEqual([]);
    expect(operationIdOf('get', '/api/products/{id}')).toBe('getProductsById');
    expect(operationIdOf('put', '/api/products/{id}/variants/{variantId}/stock')).toBe('putProductsByIdVariantsByVariantIdStock');
  });

  it('answers malformed input, for every role, only with declared statuses; secured operations refuse anonymous callers with 401', async () => {
    const undeclared: string[] = [];
    for (const op of operationsOf(doc)) {
      const secured = op.operation.security.length > 0;
      const anonymous = await app.request(probe(op, {}));
      if (!(String(anonymous.status) in op.operation.responses)) undeclared.push(`${op.method} ${op.path} anonymous → ${anonymous.status} ${await anonymous.text()}`);
      if (secured) expect(anonymous.status, `${op.method} ${op.path} declares security`).toBe(401);
      else expect([401, 403], `${op.method} ${op.path} declares security: [] but refused an anonymous caller`).not.toContain(anonymous.status);
      for (const { role } of roles) {
        // A fresh session each time: the logout probe ends the session it is called with.
        const caller = await withSession(services, accounts.get(role)!.account);
        const res = await app.request(probe(op, caller.bearer));
        if (!(String(res.status) in op.operation.responses)) undeclared.push(`${op.method} ${op.path} ${role} → ${res.status} ${await res.text()}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
