import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { createTestServices } from '../support/test-services';

describe('OpenAPI 3.1 from the same zod schemas', () => {
  let app: App;
  beforeAll(async () => {
    app = createApp(await createTestServices());
  });

  it('documents every API route with its parameters and error responses', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    // One source of truth: every API route the app serves is documented, and nothing else is.
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !['/api/openapi.json', '/api/docs'].includes(r.path))
        .map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
    );
    expect(Object.keys(doc.paths).sort()).toEqual([...served].sort());
    expect(served.size).toBeGreaterThanOrEqual(20);
    const list = doc.paths['/api/products']!.get!;
    expect(list.parameters!.map((p) => p.name).sort()).toEqual(['cursor', 'group', 'limit', 'minStars', 'producer', 'province', 'sort', 'subgroup']);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(Object.keys(doc.paths['/api/products/{id}']!.get!.responses)).toEqual(expect.arrayContaining(['200', '404', '410']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Product', 'ProductCard', 'CertificateSnapshot', 'Error', 'ProductView', 'Storefront']));
  });

  it('is browsable at /api/docs', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('/api/openapi.json');
  });
});
