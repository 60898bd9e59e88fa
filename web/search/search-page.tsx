import { raw } from 'hono/html';
import type { Alternative } from '../../shared/search/alternatives';
import type { RatingSummary } from '../../shared/reviews/rules';
import type { SearchSort } from '../../shared/search/ranking';
import type { SearchOutcome } from '../../shared/search/search-index';
import { cardOfRecord } from '../../shared/search/run-search';
import { legalFormLabels } from '../../shared/storefront/producer';
import { provinceByCode } from '../../shared/reference/provinces';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import { ProductGrid } from '../components/product-card';
import { producerPath, type AssetUrls } from '../view';
import { FacetList } from './facet-list';
import { activeFilters } from './filter-labels';
import { NoResults, POPULAR_QUERIES } from './no-results';
import { searchPath, withParams, type SearchParams } from './search-links';
import { searchCss } from './search-styles';

export const sortLabels: Record<SearchSort, string> = {
  relevance: 'Phù hợp nhất',
  stars: 'Nhiều sao nhất',
  newest: 'Mới nhất',
  price_asc: 'Giá tăng dần',
  price_desc: 'Giá giảm dần',
};

export interface SearchPageProps {
  assets: AssetUrls;
  params: SearchParams;
  /** Absent when the page is opened without a query. */
  result?: { outcome: SearchOutcome; alternatives: Alternative[]; nextHref?: string | undefined; firstHref?: string | undefined } | undefined;
  /** Buyers' ratings of the hits (web/reviews/cards.ts). */
  ratings?: ReadonlyMap<string, RatingSummary> | undefined;
}

function Notices({ outcome }: { outcome: SearchOutcome }) {
  const { plan, relaxed } = outcome;
  return (
    <>
      {plan.corrections.map((c) => (
        <p class="notice" role="note">
          Đã hiểu “{c.from}” là “{c.to}”.
        </p>
      ))}
      {plan.ignored.length > 0 ? (
        <p class="notice" role="note">
          Không tìm thấy từ {plan.ignored.map((w) => `“${w}”`).join(', ')}: đã bỏ qua.
        </p>
      ) : null}
      {relaxed === 'typo' || relaxed === 'any' ? (
        <p class="notice" role="note">
          Không có sản phẩm khớp đủ mọi từ bạn gõ; dưới đây là các kết quả gần đúng nhất.
        </p>
      ) : null}
    </>
  );
}

function Stores({ outcome }: { outcome: SearchOutcome }) {
  if (outcome.producers.length === 0) return null;
  return (
    <section aria-labelledby="co-so">
      <h2 id="co-so">Cơ sở OCOP</h2>
      <ul class="stores">
        {outcome.producers.map((p) => (
          <li>
            <a href={producerPath(p.record.id)}>
              <strong>{p.record.name}</strong>
              <br />
              <span class="meta">
                {legalFormLabels[p.record.legalForm]} · {provinceByCode(p.record.provinceCode)?.name ?? p.record.provinceCode} · {p.listedProducts} sản phẩm
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActiveFilters({ params }: { params: SearchParams }) {
  const active = activeFilters(params);
  if (active.length === 0) return null;
  return (
    <ul class="chips" aria-label="Đang lọc" style="margin-bottom:.8rem">
      {active.map((f) => (
        <li>
          <a href={withParams(params, { [f.param]: undefined })} rel="nofollow">
            {f.label} <span aria-hidden="true">×</span>
            <span class="sr-only"> (bỏ lọc)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Sorts({ params }: { params: SearchParams }) {
  const current = params.sort ?? 'relevance';
  return (
    <nav class="sorts" aria-label="Sắp xếp">
      <span>Sắp xếp:</span>
      {(Object.keys(sortLabels) as SearchSort[]).map((sort) =>
        sort === current ? (
          <a aria-current="true" href={withParams(params, { sort })}>
            {sortLabels[sort]}
          </a>
        ) : (
          <a href={withParams(params, { sort })} rel="nofollow">
            {sortLabels[sort]}
          </a>
        ),
      )}
    </nav>
  );
}

/** The page's own search box: the same GET form as the header's, bigger, with the current query. */
function SearchForm({ q }: { q: string }) {
  return (
    <form class="search" role="search" action={searchPath({})} method="get" style="margin:0 0 1rem;max-width:40rem">
      <label class="sr-only" for="tim-kiem-trang">
        Tìm sản phẩm OCOP
      </label>
      <input id="tim-kiem-trang" type="search" name="q" value={q} placeholder="Tìm nước mắm, mật ong, trà…" autocomplete="off" enterkeyhint="search" />
      <button type="submit">Tìm</button>
    </form>
  );
}

/** `GET /tim-kiem`: results with facets, sort and paging; "no results" with alternatives; works with no script. */
export function SearchPage({ assets, params, result, ratings }: SearchPageProps) {
  const q = params.q ?? '';
  const title = q ? `Tìm “${q}”` : 'Tìm kiếm sản phẩm OCOP';
  const outcome = result?.outcome;
  return (
    <Layout
      title={title}
      description="Tìm sản phẩm OCOP từ 3 sao theo tên, cơ sở, tỉnh, nhóm sản phẩm; gõ có dấu hay không dấu đều được."
      assets={assets}
      query={q}
      noindex
    >
      <style>{raw(searchCss)}</style>
      <div class="wrap">
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Tìm kiếm' }]} />
        <h1>{q ? `Kết quả tìm “${q}”` : 'Tìm kiếm sản phẩm OCOP'}</h1>
        <SearchForm q={q} />
        {!outcome ? (
          <>
            <p>Gõ tên sản phẩm, cơ sở hoặc tỉnh — có dấu hay không dấu đều được.</p>
            <ul class="chips">
              {POPULAR_QUERIES.map((p) => (
                <li>
                  <a href={searchPath({ q: p })}>{p}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <Notices outcome={outcome} />
            <ActiveFilters params={params} />
            {outcome.total === 0 ? (
              <NoResults q={q} alternatives={result.alternatives} params={params} />
            ) : (
              <div class="search-layout">
                <FacetList facets={outcome.facets} params={params} />
                <div>
                  <Stores outcome={outcome} />
                  <section aria-labelledby="ket-qua">
                    <h2 id="ket-qua">
                      {outcome.total} sản phẩm
                    </h2>
                    <Sorts params={params} />
                    <ProductGrid items={outcome.hits.map((h) => cardOfRecord(h.record))} media={assets.media} label="Kết quả tìm kiếm" ratings={ratings} />
                    <Pagination nextHref={result.nextHref} firstHref={result.firstHref} />
                  </section>
                </div>
              </div>
            )}
          </>
        )}
      </div>
    </Layout>
  );
}
