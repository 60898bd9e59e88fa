import type { ProductSort } from '../../shared/catalog/list-query';
import { productGroups } from '../../shared/reference/taxonomy';
import { provincesByName } from '../view';

export const sortLabels: Record<ProductSort, string> = {
  newest: 'Mới nhất',
  price_asc: 'Giá tăng dần',
  price_desc: 'Giá giảm dần',
  stars: 'Nhiều sao nhất',
  rating: 'Đánh giá cao',
};

export const minStarsLabels: Record<3 | 4 | 5, string> = { 3: 'Từ 3 sao', 4: 'Từ 4 sao', 5: '5 sao' };

export interface FilterValues {
  group?: string | undefined;
  subgroup?: string | undefined;
  province?: string | undefined;
  minStars?: number | undefined;
  sort: ProductSort;
  limit?: number | undefined;
}

/**
 * A plain GET form: works with no script at all. The client script only submits it on change and
 * hides the button (the hint below says so, since the page then reloads on every choice).
 */
export function FilterForm({ values, active }: { values: FilterValues; active: boolean }) {
  const group = values.group ? productGroups.find((g) => g.code === values.group) : undefined;
  return (
    <form class="filters" action="/san-pham" method="get" data-auto-submit>
      <fieldset>
        <legend>Lọc sản phẩm</legend>
        <div>
          <label for="loc-nhom">Nhóm sản phẩm</label>
          <select id="loc-nhom" name="group" data-resets="subgroup">
            <option value="">Tất cả nhóm</option>
            {productGroups.map((g) => (
              <option value={g.code} selected={g.code === values.group}>
                {g.number}. {g.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="loc-phan-nhom">Phân nhóm</label>
          <select id="loc-phan-nhom" name="subgroup">
            <option value="">{group ? `Tất cả trong nhóm ${group.number}` : 'Tất cả phân nhóm'}</option>
            {group
              ? group.subgroups.map((s) => (
                  <option value={s.code} selected={s.code === values.subgroup}>
                    {s.name}
                  </option>
                ))
              : productGroups.map((g) => (
                  <optgroup label={`${g.number}. ${g.name}`}>
                    {g.subgroups.map((s) => (
                      <option value={s.code} selected={s.code === values.subgroup}>
                        {s.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        </div>
        <div>
          <label for="loc-tinh">Tỉnh, thành phố</label>
          <select id="loc-tinh" name="province">
            <option value="">Cả nước</option>
            {provincesByName.map((p) => (
              <option value={p.code} selected={p.code === values.province}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="loc-sao">Hạng sao OCOP</label>
          <select id="loc-sao" name="minStars">
            <option value="">Từ 3 sao trở lên</option>
            {([3, 4, 5] as const).map((n) => (
              <option value={String(n)} selected={n === values.minStars}>
                {minStarsLabels[n]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="loc-sap-xep">Sắp xếp</label>
          <select id="loc-sap-xep" name="sort">
            {(Object.keys(sortLabels) as ProductSort[]).map((s) => (
              <option value={s} selected={s === values.sort}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {values.limit !== undefined ? <input type="hidden" name="limit" value={String(values.limit)} /> : null}
      <div class="filter-actions">
        <button type="submit" data-submit>
          Lọc sản phẩm
        </button>
        <p class="hint no-js-hide">Danh sách tự cập nhật khi bạn chọn.</p>
        {active ? <a href="/san-pham">Xóa bộ lọc</a> : null}
      </div>
    </form>
  );
}
