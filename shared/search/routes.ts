import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { runSearch, toResponse } from './run-search';
import { SearchQuerySchema, SearchResponseSchema, SuggestQuerySchema, SuggestResponseSchema } from './schemas';

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Full-text search over listed OCOP products (3★+, valid certificate at request time) and their storefronts',
  description:
    'Case- and diacritic-insensitive ("nuoc mam" finds "nước mắm"); words typed with diacritics rank exact matches higher; ' +
    'adjacent words found side by side rank higher; one typo per word of 3+ letters and a missing space ("phuquoc") are repaired. ' +
    'Order: relevance, then stars, then newest (or `sort`). Facet counts are over the filtered result set.',
  request: { query: SearchQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: SearchResponseSchema } }, description: 'One page of results with facets' },
    400: errorResponse('Invalid query, filter, sort, limit or cursor'),
  },
});

const suggest = createRoute({
  method: 'get',
  path: '/search/suggest',
  tags: ['search'],
  summary: 'As-you-type suggestions: products, storefronts and provinces (from 2 characters)',
  request: { query: SuggestQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: SuggestResponseSchema } }, description: 'Suggestions' },
    400: errorResponse('Query shorter than 2 or longer than 100 characters'),
  },
});

export function searchRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(search, async (c) => {
    const services = c.get('services');
    const query = c.req.valid('query');
    const run = await runSearch(services.search, query, () => services.clock.now());
    // Answers must follow hides and expiries at once; the work is in-process, so there is little to cache.
    c.header('Cache-Control', 'no-store');
    return c.json(toResponse(query, run), 200);
  });
  app.openapi(suggest, async (c) => {
    const services = c.get('services');
    const s = await services.search.suggest(c.req.valid('query').q);
    // One request per keystroke: a short shared cache absorbs repeats; a click still lands on a gated page.
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(
      {
        products: s.products.map((p) => ({ id: p.id, name: p.name, stars: p.stars, provinceCode: p.provinceCode, priceVnd: p.priceVnd })),
        producers: s.producers.map((p) => ({ id: p.id, name: p.name, provinceCode: p.provinceCode })),
        provinces: s.provinces,
      },
      200,
    );
  });
  return app;
}
