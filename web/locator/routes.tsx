import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../shared/http/app-env';
import { NotFound } from '../../shared/http/errors';
import { PublicIdSchema } from '../../shared/http/ids';
import { pointTypes } from '../../shared/locator/point-of-sale';
import { carriedProducts, getPoint, nearbyPoints, openState, provincePoints } from '../../shared/locator/service';
import { provinceByCode, provinceCodes } from '../../shared/reference/provinces';
import { assetsOf } from '../http';
import { sendPage } from '../render';
import { POINTS_PATH } from './paths';
import { PointPage } from './point-page';
import { PointsPage } from './points-page';
import { locatorConsoleRoutes } from './console-routes';

const DEFAULT_PROVINCE = '01';
const PAGE_LIMIT = 50;

/** A page reads what it can and ignores the rest (a bad link still shows points); the API is the strict one. */
const pick = <T,>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
};
const Coord = z.string().regex(/^-?\d{1,3}(\.\d{1,8})?$/).transform(Number);

function query(c: Context<AppEnv>) {
  const q = (k: string) => c.req.query(k)?.trim() || undefined;
  const lat = pick(Coord.pipe(z.number().min(-90).max(90)), q('lat'));
  const lng = pick(Coord.pipe(z.number().min(-180).max(180)), q('lng'));
  return {
    lat: lat !== undefined && lng !== undefined ? lat : undefined,
    lng: lat !== undefined && lng !== undefined ? lng : undefined,
    province: pick(z.enum(provinceCodes), q('province')),
    type: pick(z.enum(pointTypes), q('type')),
    openNow: q('openNow') === 'true',
    radiusKm: pick(Coord.pipe(z.number().min(0.1).max(500)), q('radiusKm')) ?? 30,
    productId: pick(PublicIdSchema, q('productId')),
  };
}

export function locatorWebRoutes() {
  const web = new Hono<AppEnv>();
  web.get(POINTS_PATH, async (c) => {
    const services = c.get('services');
    const v = query(c);
    const tiles = services.config.mapTileUrl;
    const product = v.productId ? await services.catalog.getProduct(v.productId) : undefined;
    let rows;
    let from: string;
    let notice: string | undefined;
    if (v.lat !== undefined && v.lng !== undefined) {
      rows = await nearbyPoints(services, { lat: v.lat, lng: v.lng, radiusKm: v.radiusKm, type: v.type, openNow: v.openNow, productId: v.productId, limit: PAGE_LIMIT });
      from = 'vị trí của bạn';
    } else {
      const code = v.province ?? DEFAULT_PROVINCE;
      const province = provinceByCode(code)!;
      rows = (await provincePoints(services, code)).filter(
        (r) =>
          r.point.status !== 'closed' &&
          (!v.type || r.point.type === v.type) &&
          (!v.openNow || r.openNow) &&
          (!product || r.point.productIds.includes(product.id) || r.point.producerIds.includes(product.producerId)),
      );
      from = `trung tâm ${province.name}`;
      if (!v.province) notice = `Đang hiển thị ${province.name}. Chọn tỉnh khác, hoặc bấm “Dùng vị trí của tôi” để xem điểm bán gần bạn.`;
    }
    return sendPage(c, <PointsPage assets={assetsOf(c)} rows={rows} from={from} values={{ ...v, province: v.province ?? (v.lat === undefined ? DEFAULT_PROVINCE : undefined) }} productName={product?.name} notice={notice} tiles={tiles} />);
  });
  web.get(`${POINTS_PATH}/:id`, async (c) => {
    const id = c.req.param('id');
    if (!PublicIdSchema.safeParse(id).success) throw new NotFound('Không tìm thấy điểm bán', 'POINT_NOT_FOUND');
    const services = c.get('services');
    const point = await getPoint(services, id);
    const products = await carriedProducts(services, point);
    return sendPage(c, <PointPage assets={assetsOf(c)} row={{ point, ...openState(point, services.clock.now()) }} products={products} tiles={services.config.mapTileUrl} />);
  });
  web.route('/', locatorConsoleRoutes());
  return web;
}
