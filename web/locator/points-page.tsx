import { provinces } from '../../shared/reference/provinces';
import { pointTypeLabels, pointTypes } from '../../shared/locator/point-of-sale';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { POINTS_PATH } from './paths';
import { locatorCss, mapData, PointList, type PointRow } from './point-views';

export interface PointsPageProps {
  assets: AssetUrls;
  rows: PointRow[];
  /** Where distances are measured from, in words ("vị trí của bạn", "trung tâm Hà Nội"). */
  from: string;
  values: { province?: string | undefined; type?: string | undefined; openNow?: boolean; radiusKm: number; productId?: string | undefined; lat?: number | undefined; lng?: number | undefined };
  productName?: string | undefined;
  notice?: string | undefined;
  tiles?: string | undefined;
}

export function PointsPage(props: PointsPageProps) {
  const v = props.values;
  return (
    <Layout title="Điểm bán sản phẩm OCOP gần bạn" description="Tìm cửa hàng, trung tâm giới thiệu, góc OCOP và ki-ốt bán sản phẩm OCOP gần bạn, đang mở cửa." assets={props.assets}>
      <style>{locatorCss}</style>
      <div class="wrap">
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Điểm bán OCOP' }]} />
        <h1>Điểm bán sản phẩm OCOP{props.productName ? ` có “${props.productName}”` : ''}</h1>
        <form class="pos-find" action={POINTS_PATH} method="get" role="search" aria-label="Tìm điểm bán">
          {v.productId ? <input type="hidden" name="productId" value={v.productId} /> : null}
          <input type="hidden" name="lat" value={v.lat === undefined ? '' : String(v.lat)} data-geo="lat" />
          <input type="hidden" name="lng" value={v.lng === undefined ? '' : String(v.lng)} data-geo="lng" />
          <button type="button" class="secondary" data-geolocate hidden>
            Dùng vị trí của tôi
          </button>
          <label>
            Tỉnh, thành phố
            <select name="province">
              <option value="">— chọn —</option>
              {provinces.map((p) => (
                <option value={p.code} selected={p.code === v.province}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Loại điểm bán
            <select name="type">
              <option value="">Tất cả</option>
              {pointTypes.map((t) => (
                <option value={t} selected={t === v.type}>
                  {pointTypeLabels[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Trong bán kính
            <select name="radiusKm">
              {[2, 5, 10, 30, 100, 500].map((r) => (
                <option value={String(r)} selected={r === v.radiusKm}>
                  {r} km
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" name="openNow" value="true" checked={v.openNow === true} /> Đang mở cửa
          </label>
          <button type="submit">Tìm</button>
        </form>
        {props.notice ? (
          <p class="notice" role="status">
            {props.notice}
          </p>
        ) : null}
        <div id="ban-do" class="pos-map" role="img" aria-label="Bản đồ các điểm bán (danh sách bên dưới có cùng thông tin)" data-points={mapData(props.rows)} data-tiles={props.tiles ?? ''}></div>
        <h2>
          {props.rows.length} điểm bán, gần {props.from} nhất trước
        </h2>
        {props.rows.length ? <PointList rows={props.rows} /> : <p>Chưa có điểm bán nào phù hợp. Thử mở rộng bán kính hoặc chọn tỉnh khác.</p>}
      </div>
      <link rel="stylesheet" href={`${props.assets.static}/leaflet.css`} />
      <script type="module" src={`${props.assets.static}/point-map.js`} defer></script>
    </Layout>
  );
}
