import type { Alternative } from '../../shared/search/alternatives';
import { filterLabel, filterParams } from './filter-labels';
import { searchPath, type SearchParams } from './search-links';

/** What shoppers look for most; offered when nothing matched, so the page is never a dead end. */
export const POPULAR_QUERIES = ['nước mắm', 'mật ong', 'trà shan tuyết', 'kẹo dừa', 'cà phê', 'gạo ST25'];

function describe(alt: Alternative, params: SearchParams): string {
  switch (alt.kind) {
    case 'unaccented':
      return `Gõ không dấu: “${alt.q}”`;
    case 'did-you-mean':
      return `Có phải bạn muốn tìm “${alt.q}”?`;
    case 'drop-word':
      return `Tìm “${alt.q}” (bỏ bớt một từ)`;
    case 'drop-filter': {
      const dropped = filterParams.find((p) => params[p] !== undefined && (alt.filters as Record<string, unknown>)[p] === undefined);
      return dropped ? `Bỏ lọc “${filterLabel(dropped, params[dropped]!)}”` : `Tìm “${alt.q}” không lọc`;
    }
  }
}

/** The no-results page body: alternatives that do find something, each with its count. */
export function NoResults({ q, alternatives, params }: { q: string; alternatives: Alternative[]; params: SearchParams }) {
  return (
    <div class="empty" role="status">
      <p>
        <strong>Không tìm thấy sản phẩm OCOP nào cho “{q}”.</strong>
      </p>
      {alternatives.length > 0 ? (
        <>
          <p>Thử một trong các cách sau:</p>
          <ul class="alternatives">
            {alternatives.map((alt) => (
              <li>
                <a href={searchPath({ q: alt.q, ...alt.filters, sort: params.sort })} data-kind={alt.kind}>
                  {describe(alt, params)}
                </a>
                {alt.count > 0 ? <span class="meta"> — {alt.count} sản phẩm</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="hint">Mẹo: gõ có dấu hay không dấu đều được; thử từ ngắn hơn, tên tỉnh hoặc tên cơ sở.</p>
      <p>Mọi người hay tìm:</p>
      <ul class="chips" style="justify-content:center">
        {POPULAR_QUERIES.map((p) => (
          <li>
            <a href={searchPath({ q: p })}>{p}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
