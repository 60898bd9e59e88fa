import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ListProductsQuerySchema, type ListProductsQuery } from '../shared/catalog/list-query';
import { getListedProduct } from '../shared/catalog/product-lookup';
import { summaryOf } from '../shared/reviews/rules';
import { productReviewsSection } from './reviews/sections';
import { carriedSection } from './locator/carried-section';
import { cardRatings } from './reviews/cards';
import { StorefrontRating } from './reviews/review-section';
import { viewOf } from '../shared/catalog/product-view';
import type { AppEnv } from '../shared/http/app-env';
import { AppError, InvalidInput, NotFound } from '../shared/http/errors';
import { PublicIdSchema } from '../shared/http/ids';
import { subgroupByCode } from '../shared/reference/taxonomy';
import { publicProducer } from '../shared/storefront/producer';
import type { FilterValues } from './components/filter-form';
import { ErrorPage, headingFor, messageFor } from './pages/error-page';
import { HomePage } from './pages/home-page';
import { listLivestreams } from '../shared/livestream/service';
import { ProductListPage } from './pages/product-list-page';
import { ProductPage } from './pages/product-page';
import { StorefrontPage } from './pages/storefront-page';
import { NO_STORE, sendPage } from './render';
import { listPath, producerPath } from './view';
import { assetsOf } from './http';

const HOME_SHELF_SIZE = 8;
const STOREFRONT_PAGE_SIZE = 48;

/** The list page's own parameters; anything else in the URL (utm_…, q) does not reach the schema. */
const LIST_KEYS = ['group', 'subgroup', 'province', 'minStars', 'sort', 'limit', 'cursor'] as const;
type ListKey = (typeof LIST_KEYS)[number];

const paramLabels: Record<ListKey, string> = {
  group: 'Nhóm sản phẩm',
  subgroup: 'Phân nhóm',
  province: 'Tỉnh, thành phố',
  minStars: 'Hạng sao',
  sort: 'Sắp xếp',
  limit: 'Số sản phẩm mỗi trang',
  cursor: 'Trang',
};

const CursorParamSchema = z.string().max(2000).optional();

/**
 * A GET form sends empty selects as `group=`: that means "any", not an invalid group. Other values
 * go to the schema as typed (` 3` is refused like the API refuses it, not trimmed into a filter).
 */
function listInput(c: Context<AppEnv>): Partial<Record<ListKey, string>> {
  const out: Partial<Record<ListKey, string>> = {};
  for (const key of LIST_KEYS) {
    const value = c.req.query(key);
    if (value?.trim()) out[key] = value;
  }
  return out;
}

/** The query the list links carry: defaults left out so URLs stay short. */
function linkParams(q: ListProductsQuery, explicitLimit: boolean) {
  return {
    group: q.group,
    subgroup: q.subgroup,
    province: q.province,
    minStars: q.minStars,
    sort: q.sort === 'newest' ? undefined : q.sort,
    limit: explicitLimit ? q.limit : undefined,
  };
}

export function webRoutes() {
  const web = new Hono<AppEnv>();

  // Error pages (ours and the app-wide 404/500) must never be cached by a CDN or the phone.
  web.use('*', async (c, next) => {
    await next();
    if (c.res.status >= 400 && c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('Cache-Control', NO_STORE);
    }
  });

  web.get('/', async (c) => {
    const services = c.get('services');
    const now = services.clock.now();
    // The "Đang live" strip: one more Query, of the lives index (docs/data-model.md L3).
    const [featured, newest, lives] = await Promise.all([
      services.catalog.listProducts({ sort: 'stars', limit: HOME_SHELF_SIZE }, now),
      services.catalog.listProducts({ sort: 'newest', limit: HOME_SHELF_SIZE }, now),
      listLivestreams(services, { status: 'live', limit: 6 }),
    ]);
    // Both shelves' ratings in one BatchGetItem (a product on both shelves is read once).
    const ratings = await cardRatings(services, [...featured.items, ...newest.items]);
    return sendPage(c, <HomePage assets={assetsOf(c)} featured={featured.items} newest={newest.items} lives={lives} ratings={ratings} />);
  });

  web.get('/san-pham', async (c) => {
    // A keyword (old links, or the header form before search existed) belongs to the search page.
    const keyword = c.req.query('q')?.trim();
    if (keyword) return c.redirect(`/tim-kiem?${new URLSearchParams({ q: keyword.slice(0, 200) })}`, 302);
    const input = listInput(c);
    const parsed = ListProductsQuerySchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '') as ListKey;
        const raw = input[key] ?? '';
        return { label: paramLabels[key] ?? key, value: raw.length > 60 ? `${raw.slice(0, 59)}…` : raw };
      });
      return sendPage(
        c,
        <ErrorPage status={400} heading="Bộ lọc không hợp lệ" message="Địa chỉ trang có giá trị lọc không đúng, nên không thể hiển thị danh sách.">
          <ul>
            {problems.map((p) => (
              <li>
                {p.label}: giá trị “{p.value}” không hợp lệ
              </li>
            ))}
          </ul>
        </ErrorPage>,
        { status: 400 },
      );
    }
    const query = { ...parsed.data };
    // A subgroup from another group is a stale choice (the group was changed without script):
    // honour the group, which is what the shopper just picked.
    const subgroupGroup = query.subgroup ? subgroupByCode(query.subgroup)?.group.code : undefined;
    if (query.group && subgroupGroup && subgroupGroup !== query.group) delete query.subgroup;
    const { catalog, clock } = c.get('services');
    const page = await catalog.listProducts(query, clock.now());
    const params = linkParams(query, input.limit !== undefined);
    const values: FilterValues = { ...params, group: query.group ?? subgroupGroup, sort: query.sort };
    return sendPage(
      c,
      <ProductListPage
        assets={assetsOf(c)}
        values={values}
        items={page.items}
        ratings={await cardRatings(c.get('services'), page.items)}
        nextHref={page.nextCursor ? listPath({ ...params, cursor: page.nextCursor }) : undefined}
        firstHref={query.cursor ? listPath(params) : undefined}
      />,
    );
  });

  web.get('/san-pham/:id', async (c) => {
    const id = c.req.param('id');
    if (!PublicIdSchema.safeParse(id).success) throw new NotFound('Không tìm thấy sản phẩm này.', 'PRODUCT_NOT_FOUND');
    // Gated products throw here (404 draft/unknown, 410 with the reason): the product is never rendered.
    const services = c.get('services');
    const product = await getListedProduct(services, id);
    const [reviews, nearby] = await Promise.all([productReviewsSection(services, id), carriedSection(services, product)]);
    return sendPage(c, <ProductPage assets={assetsOf(c)} view={viewOf(product)} cartNotice={c.req.query('gio-hang')} reviews={reviews} nearby={nearby} />);
  });

  web.get('/co-so/:id', async (c) => {
    const id = c.req.param('id');
    if (!PublicIdSchema.safeParse(id).success) throw new NotFound('Không tìm thấy cơ sở này.', 'PRODUCER_NOT_FOUND');
    const cursorParam = CursorParamSchema.safeParse(c.req.query('cursor')?.trim() || undefined);
    if (!cursorParam.success) throw new InvalidInput('Cursor too long', 'INVALID_CURSOR');
    const cursor = cursorParam.data;
    const { producers, catalog, clock, reviews } = c.get('services');
    const [producer, page, rating] = await Promise.all([
      producers.getProducer(id),
      catalog.listProducts({ producer: id, sort: 'newest', limit: STOREFRONT_PAGE_SIZE, cursor }, clock.now()),
      reviews.producerRating(id),
    ]);
    if (!producer) throw new NotFound('Không tìm thấy cơ sở này.', 'PRODUCER_NOT_FOUND');
    const base = producerPath(id);
    return sendPage(
      c,
      <StorefrontPage
        assets={assetsOf(c)}
        producer={publicProducer(producer)}
        items={page.items}
        nextHref={page.nextCursor ? `${base}?cursor=${encodeURIComponent(page.nextCursor)}` : undefined}
        firstHref={cursor ? base : undefined}
        rating={<StorefrontRating summary={summaryOf(rating)} />}
        ratings={await cardRatings(c.get('services'), page.items)}
      />,
    );
  });

  // Pages answer HTML whatever the Accept header says. Shopper-facing 4xx (unknown, gated, bad
  // cursor) are rendered here; anything else goes on to the app's handler, which logs it as a 5xx.
  web.onError(async (err, c) => {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    c.get('logger')?.info('page request rejected', { code: err.code, status: err.status });
    const status = err.status as ContentfulStatusCode;
    return sendPage(c, <ErrorPage status={status} heading={headingFor(status)} message={messageFor(status, err.code, err.message)} />, { status });
  });

  return web;
}
