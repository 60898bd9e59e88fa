import type { ProductCard } from '../../shared/catalog/product';
import { pointTypeLabels, type PointOfSale } from '../../shared/locator/point-of-sale';
import { formatVietnamDate } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { productPath, type AssetUrls } from '../view';
import { directionsUrl, POINTS_PATH } from './paths';
import { addressOf, locatorCss, mapData, OpenState, WeeklyHours, type PointRow } from './point-views';

export function PointPage({ assets, row, products, tiles }: { assets: AssetUrls; row: PointRow; products: ProductCard[]; tiles?: string | undefined }) {
  const p: PointOfSale = row.point;
  const closures = p.openingHours.closures;
  return (
    <Layout title={p.name} description={`${pointTypeLabels[p.type]} — ${addressOf(p)}`} assets={assets}>
      <style>{locatorCss}</style>
      <div class="wrap">
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Điểm bán OCOP', href: POINTS_PATH }, { label: p.name }]} />
        <h1>{p.name}</h1>
        <p class="meta">{pointTypeLabels[p.type]}</p>
        <p>{addressOf(p)}</p>
        <p>
          <OpenState row={row} />
        </p>
        <p class="pos-actions">
          <a href={directionsUrl(p.lat, p.lng)} rel="noopener" target="_blank">
            Chỉ đường<span class="sr-only"> (mở bản đồ)</span>
          </a>
          {p.phone ? (
            <>
              {' · '}
              <a href={`tel:${p.phone}`}>Gọi {p.phone}</a>
            </>
          ) : null}
        </p>
        <div id="ban-do" class="pos-map" role="img" aria-label={`Vị trí ${p.name} trên bản đồ`} data-points={mapData([row])} data-tiles={tiles ?? ''}></div>
        <WeeklyHours point={p} />
        {closures.length ? (
          <p>
            Nghỉ các ngày: {closures.map((c) => `${formatVietnamDate(`${c.date}T05:00:00Z`)}${c.reason ? ` (${c.reason})` : ''}`).join(', ')}
          </p>
        ) : null}
        <h2>Sản phẩm OCOP có bán tại đây ({products.length})</h2>
        {products.length ? (
          <ul>
            {products.map((product) => (
              <li>
                <a href={productPath(product.id)}>{product.name}</a> — OCOP {product.stars} sao
              </li>
            ))}
          </ul>
        ) : (
          <p>Điểm bán chưa khai báo sản phẩm OCOP nào đang còn hiệu lực chứng nhận.</p>
        )}
      </div>
      <link rel="stylesheet" href={`${assets.static}/leaflet.css`} />
      <script type="module" src={`${assets.static}/point-map.js`} defer></script>
    </Layout>
  );
}
