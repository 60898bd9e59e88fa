import type { Services } from '../../shared/services';
import { openState, pointsCarrying } from '../../shared/locator/service';
import { pointsNear } from './paths';
import { PointList } from './point-views';

const SHOWN = 5;

/**
 * "Mua trực tiếp" on the product page: points that carry it by name or carry its whole storefront
 * (2 Queries). No location is known on the server: the link asks the phone for it.
 */
export async function carriedSection(services: Pick<Services, 'points' | 'catalog' | 'producers' | 'clock'>, product: { id: string; producerId: string }) {
  const points = await pointsCarrying(services, product.id, product.producerId);
  if (!points.length) return null;
  const now = services.clock.now();
  const rows = points
    .map((point) => ({ point, ...openState(point, now) }))
    .sort((a, b) => Number(b.openNow) - Number(a.openNow) || a.point.name.localeCompare(b.point.name, 'vi'))
    .slice(0, SHOWN);
  return (
    <section aria-labelledby="mua-truc-tiep" class="panel">
      <h2 id="mua-truc-tiep">Mua trực tiếp</h2>
      <p>Có bán tại {points.length} điểm bán OCOP.</p>
      <PointList rows={rows} />
      <p>
        <a href={pointsNear({ productId: product.id })}>Tìm điểm bán gần bạn có sản phẩm này</a>
      </p>
    </section>
  );
}
