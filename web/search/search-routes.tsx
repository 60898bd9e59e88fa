import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { runSearch } from '../../shared/search/run-search';
import { DEFAULT_SEARCH_PAGE, SearchQuerySchema, type SearchQuery } from '../../shared/search/schemas';
import { NO_STORE, sendPage } from '../render';
import { filterParams } from './filter-labels';
import { searchPath, type SearchParams } from './search-links';
import { SearchPage } from './search-page';
import { assetsOf } from '../http';
import { cardOfRecord } from '../../shared/search/run-search';
import { cardRatings } from '../reviews/cards';

const FieldSchemas = SearchQuerySchema.shape;

/**
 * A shared or hand-edited link with one bad filter still searches: each parameter is checked on its
 * own and a bad one is left out (a GET form also sends empty values for "any"). Only a bad cursor is
 * an error, because its page cannot be guessed.
 */
function readParams(c: Context<AppEnv>): SearchParams {
  const raw = (key: string) => c.req.query(key)?.trim() || undefined;
  const params: SearchParams = {};
  const q = FieldSchemas.q.safeParse((raw('q') ?? '').slice(0, 200));
  if (q.success) params.q = q.data;
  for (const key of filterParams) {
    const parsed = FieldSchemas[key].safeParse(raw(key));
    if (parsed.success && parsed.data !== undefined) (params as Record<string, unknown>)[key] = parsed.data;
  }
  const sort = FieldSchemas.sort.safeParse(raw('sort'));
  if (sort.success) params.sort = sort.data;
  const cursor = raw('cursor');
  if (cursor) params.cursor = cursor.slice(0, 2000);
  return params;
}

/** `GET /tim-kiem`: the search results page. Mounted by the app next to the other web routes. */
export function searchWebRoutes() {
  const web = new Hono<AppEnv>();
  web.get('/tim-kiem', async (c) => {
    const services = c.get('services');
    const params = readParams(c);
    const assets = assetsOf(c);
    // Results follow hides and expiries at once, so no shared cache may keep them.
    if (!params.q) return sendPage(c, <SearchPage assets={assets} params={params} />, { cache: NO_STORE });
    const query: SearchQuery = { ...params, q: params.q, sort: params.sort ?? 'relevance', limit: DEFAULT_SEARCH_PAGE };
    const run = await runSearch(services.search, query, () => services.clock.now());
    const nextHref = run.nextCursor ? searchPath({ ...params, cursor: run.nextCursor }) : undefined;
    const firstHref = run.offset > 0 ? searchPath({ ...params, cursor: undefined }) : undefined;
    // The hits' buyers' ratings: one BatchGetItem, none when nothing matched.
    const ratings = await cardRatings(services, run.outcome.hits.map((h) => cardOfRecord(h.record)));
    return sendPage(c, <SearchPage assets={assets} params={params} result={{ ...run, nextHref, firstHref }} ratings={ratings} />, { cache: NO_STORE });
  });
  return web;
}
