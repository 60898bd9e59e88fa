import type { Facets, FacetValue } from '../../shared/search/facets';
import { withParams, type SearchParams } from './search-links';

const sections: Array<{ key: keyof Facets; param: 'group' | 'subgroup' | 'province' | 'minStars' | 'price'; title: string }> = [
  { key: 'group', param: 'group', title: 'Nhóm sản phẩm' },
  { key: 'subgroup', param: 'subgroup', title: 'Phân nhóm' },
  { key: 'province', param: 'province', title: 'Tỉnh, thành phố' },
  { key: 'stars', param: 'minStars', title: 'Hạng sao OCOP' },
  { key: 'price', param: 'price', title: 'Khoảng giá' },
];

/** Provinces can be many: the first ones by count, the rest one click away is not worth a script. */
const MAX_VALUES = 12;

function FacetLink({ params, param, value }: { params: SearchParams; param: (typeof sections)[number]['param']; value: FacetValue }) {
  const selected = String(params[param] ?? '') === value.value;
  // A chosen value links to the search without it: the same link adds and removes.
  const href = withParams(params, { [param]: selected ? undefined : value.value });
  return (
    <li>
      <a href={href} {...(selected ? { 'aria-current': 'true' as const } : {})} rel="nofollow">
        <span>
          {selected ? '✓ ' : ''}
          {value.label}
          {selected ? <span class="sr-only"> (đang chọn, bấm để bỏ)</span> : null}
        </span>
        <span class="n">{value.count}</span>
      </a>
    </li>
  );
}

/**
 * Facets as plain links: every count is the number of results the link leads to, and the page works
 * with no script. A chosen value stays listed (ticked) so it can be removed.
 */
export function FacetList({ facets, params }: { facets: Facets; params: SearchParams }) {
  return (
    <details class="facets" open>
      <summary>Lọc kết quả</summary>
      <nav aria-label="Lọc kết quả">
        {sections.map(({ key, param, title }) => {
          const values = facets[key].slice(0, MAX_VALUES);
          if (values.length === 0) return null;
          return (
            <section>
              <h2>{title}</h2>
              <ul>
                {values.map((value) => (
                  <FacetLink params={params} param={param} value={value} />
                ))}
              </ul>
            </section>
          );
        })}
      </nav>
    </details>
  );
}
