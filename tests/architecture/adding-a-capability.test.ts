import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { moduleList, withPages, type AppModule } from '../../app/modules';
import { tableDefinition } from '../../app/table';
import { tableDefinitionOf } from '../../shared/db/table-definition';
import type { AppEnv } from '../../shared/http/app-env';
import { errorResponse } from '../../shared/http/error-schema';
import { validationHook } from '../../shared/http/validation-hook';
import { requirePrincipal } from '../../shared/identity/authorize';
import { securedBy } from '../../shared/identity/route-helpers';
import { defineModule } from '../../shared/module/define-module';
import { keyPrefixClashes } from '../../shared/module/key-prefixes';
import { matrix } from '../authz/matrix';
import { mutatingRoutes } from '../authz/mutating-routes';
import { createTestServices } from '../support/test-services';

/**
 * README "Adding a capability", walked through: a tiny module (one API route, one page, one key
 * prefix, one index) registered in a test app shows up everywhere the real list reaches, and the
 * checks that guard the real list notice what it forgot.
 */
const notes = () => {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/notes',
      tags: ['notes'],
      summary: 'Leave a note',
      security: securedBy,
      request: { body: { content: { 'application/json': { schema: z.object({ text: z.string().min(1).max(200) }) } } } },
      responses: {
        201: { content: { 'application/json': { schema: z.object({ text: z.string() }) } }, description: 'Kept' },
        401: errorResponse('Not signed in'),
      },
    }),
    (c) => {
      requirePrincipal(c);
      return c.json({ text: c.req.valid('json').text }, 201);
    },
  );
  return api;
};

const notesModule = withPages(
  defineModule({
    name: 'notes',
    keyPrefixes: ['NOTE#'],
    api: notes,
    indexes: [{ indexName: 'byNoteDay', partitionKey: { name: 'NOTEDAY', type: 'S' }, sortKey: { name: 'SK', type: 'S' } }],
    tableActions: ['PutItem'],
  }),
  () => new Hono<AppEnv>().get('/ghi-chu', (c) => c.html('<h1>Ghi chú</h1>')),
);

describe('adding a capability is one folder and one line in the module list', () => {
  let app: App;
  const withNotes: readonly AppModule[] = [...moduleList.slice(0, -1), notesModule, moduleList.at(-1)!];

  beforeAll(async () => {
    app = createApp(await createTestServices(), withNotes);
  });

  it('serves its API route and its page', async () => {
    expect((await app.request('/api/notes', { method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const page = await app.request('/ghi-chu');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ghi chú');
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(doc.paths['/api/notes']?.post?.operationId).toBeTruthy();
  });

  it('is caught by the authorization matrix check until it has an entry', () => {
    const declared = new Set(matrix.map((e) => `${e.method} ${e.path}`));
    expect(mutatingRoutes(app).filter((r) => !declared.has(r))).toEqual(['POST /api/notes']);
  });

  it('adds its index to the table, and a prefix another module owns is refused', () => {
    const table = tableDefinitionOf(withNotes.flatMap((m) => m.indexes ?? []));
    expect(table.globalSecondaryIndexes.map((i) => i.indexName).sort()).toEqual([...tableDefinition.globalSecondaryIndexes.map((i) => i.indexName), 'byNoteDay'].sort());
    expect(keyPrefixClashes(withNotes)).toEqual([]);
    const greedy = defineModule({ name: 'greedy', keyPrefixes: ['PRODUCT#'] });
    expect(keyPrefixClashes([...moduleList, greedy]).map((c) => `${c.owner}:${c.prefix}`)).toEqual(['catalog:PRODUCT#']);
    expect(() => createApp({} as never, [...moduleList, greedy])).toThrow(/catalog 'PRODUCT#' ~ greedy 'PRODUCT#'/);
  });
});
