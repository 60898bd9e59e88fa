import type { RatingSummary } from '../../shared/reviews/rules';
import type { ProductCard } from '../../shared/catalog/product';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { groupByCodeOrUndefined, subgroupByCode } from '../../shared/reference/taxonomy';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FilterForm, minStarsLabels, type FilterValues } from '../components/filter-form';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import { isDemoCard, ProductGrid } from '../components/product-card';
import type { AssetUrls } from '../view';

export interface ProductListPageProps {
  assets: AssetUrls;
  values: FilterValues;
  items: ProductCard[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
  /** A keyword from the header search, which this page does not apply (search comes later). */
  /** Buyers' ratings of the cards (web/reviews/cards.ts). */
  ratings?: ReadonlyMap<string, RatingSummary> | undefined;
}

/** "Thực phẩm · tỉnh An Giang · từ 4 sao": what the filters mean, for the title and the heading. */
export function describeFilters(values: FilterValues): string[] {
  const parts: string[] = [];
  if (values.subgroup) parts.push(subgroupByCode(values.subgroup)?.subgroup.name ?? values.subgroup);
  else if (values.group) parts.push(groupByCodeOrUndefined(values.group)?.name ?? values.group);
  if (values.province) parts.push(provinceLabelByCode(values.province));
  if (values.minStars) parts.push(minStarsLabels[values.minStars as 3 | 4 | 5].toLowerCase());
  return parts;
}

export function ProductListPage({ assets, values, items, nextHref, firstHref, ratings }: ProductListPageProps) {
  const parts = describeFilters(values);
  const active = parts.length > 0;
  const title = active ? `Sản phẩm OCOP: ${parts.join(', ')}` : 'Sản phẩm OCOP';
  const count = items.length;
  return (
    <Layout
      title={firstHref ? `${title} (trang sau)` : title}
      description={`Sản phẩm OCOP từ 3 sao, chứng nhận còn hiệu lực${active ? `: ${parts.join(', ')}` : ''}. Giá niêm yết bằng đồng, mua trực tiếp từ cơ sở.`}
      assets={assets}
      demo={items.some(isDemoCard)}
      current="products"
      noindex={Boolean(firstHref)}
    >
      <div class="wrap">
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Sản phẩm' }]} />
        <h1>{title}</h1>
        <FilterForm values={values} active={active} />
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" class="sr-only">
            Kết quả
          </h2>
          {count > 0 ? (
            <>
              <p class="meta" id="so-luong">
                Đang hiển thị {count} sản phẩm{nextHref || firstHref ? ' trên trang này' : ''}.
              </p>
              <ProductGrid items={items} media={assets.media} label="Danh sách sản phẩm" ratings={ratings} />
            </>
          ) : (
            <div class="empty">
              <p>
                <strong>{firstHref ? 'Không còn sản phẩm nào nữa.' : 'Chưa có sản phẩm OCOP nào phù hợp với bộ lọc này.'}</strong>
              </p>
              {active ? <a href="/san-pham">Xem tất cả sản phẩm</a> : null}
            </div>
          )}
          <Pagination nextHref={nextHref} firstHref={firstHref} />
        </section>
      </div>
    </Layout>
  );
}
