import { createHash } from 'node:crypto';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { toCsv } from '../text/csv';
import { vietnamCalendarDate } from '../time/vietnam-time';
import { fairNotFound, notOrganiser } from './errors';
import type { StoredFair } from './fair';
import { isOrganiser } from './service';

/** A visitor marker lives two days: long enough to count a Vietnam day once, short enough to hold nothing personal. */
const VISITOR_TTL_SECONDS = 2 * 24 * 3600;

/** The hash the unique count keys on: never the address or cookie itself. */
export const visitorHash = (fairId: string, day: string, visitor: string) => createHash('sha256').update(`${fairId}|${day}|${visitor}`).digest('base64url').slice(0, 22);

/**
 * A page view of the fair, one hall or one booth (a booth view counts for its hall as well), on the
 * Vietnam calendar day. Counters are ADDed on write; the dashboard never scans events.
 */
export async function recordVisit(services: Services, fair: Pick<StoredFair, 'id'>, where: { hallId?: string | undefined; boothNo?: number | undefined }, visitor: string): Promise<void> {
  const now = services.clock.now();
  const day = vietnamCalendarDate(now);
  const scopes = ['FAIR', ...(where.hallId ? [`HALL#${where.hallId}`] : []), ...(where.boothNo !== undefined ? [`BOOTH#${where.boothNo}`] : [])];
  try {
    await services.fairs.recordVisit(fair.id, day, scopes, visitorHash(fair.id, day, visitor), Math.floor(now.getTime() / 1000) + VISITOR_TTL_SECONDS);
  } catch (error) {
    // A lost count must never cost a visitor the page.
    services.logger.warn('fair visit not counted', { fairId: fair.id, error });
  }
}

export interface FairDashboard {
  fair: StoredFair;
  days: { day: string; views: number; uniques: number; inquiries: number }[];
  halls: { hallId: string; name: string; views: number }[];
  booths: { boothNo: number; hallId: string; producerName: string; views: number; inquiries: number; orders: number; units: number; revenueVnd: number }[];
  totals: { views: number; uniques: number; inquiries: number; orders: number; units: number; revenueVnd: number };
}

/**
 * The organisers' figures: the fair partition (fair + booths, 1 Query), its stats partition (1 Query)
 * and its offers' counters (1 BatchGetItem per 100 featured products).
 */
export async function fairDashboard(services: Services, principal: Principal, fairId: string): Promise<FairDashboard> {
  const { fair, booths } = await services.fairs.withBooths(fairId);
  if (!fair) throw fairNotFound();
  if (!isOrganiser(principal, fair)) throw notOrganiser();
  const refs = booths.flatMap((b) => b.products.filter((p) => p.fairPriceVnd !== undefined).map((p) => ({ fairId, productId: p.productId, variantId: p.variantId })));
  const [stats, offers] = await Promise.all([services.fairs.stats(fairId), services.fairs.offers(refs)]);
  const days = new Map<string, { day: string; views: number; uniques: number; inquiries: number }>();
  const hallViews = new Map<string, number>();
  const boothStats = new Map<number, { views: number; inquiries: number }>();
  for (const s of stats) {
    const d = days.get(s.day) ?? { day: s.day, views: 0, uniques: 0, inquiries: 0 };
    if (s.scope === 'FAIR') {
      d.views += s.views;
      d.uniques += s.uniques;
    } else if (s.scope.startsWith('HALL#')) {
      hallViews.set(s.scope.slice(5), (hallViews.get(s.scope.slice(5)) ?? 0) + s.views);
    } else if (s.scope.startsWith('BOOTH#')) {
      const no = Number(s.scope.slice(6));
      const b = boothStats.get(no) ?? { views: 0, inquiries: 0 };
      b.views += s.views;
      b.inquiries += s.inquiries;
      boothStats.set(no, b);
      d.inquiries += s.inquiries;
    }
    days.set(s.day, d);
  }
  const sales = new Map<number, { orders: number; units: number; revenueVnd: number }>();
  for (const o of offers.values()) {
    const s = sales.get(o.boothNo) ?? { orders: 0, units: 0, revenueVnd: 0 };
    s.orders += o.orderCount;
    s.units += o.soldUnits;
    s.revenueVnd += o.revenueVnd;
    sales.set(o.boothNo, s);
  }
  const boothRows = booths
    .map((b) => ({ boothNo: b.boothNo, hallId: b.hallId, producerName: b.producerName, views: 0, inquiries: 0, orders: 0, units: 0, revenueVnd: 0, ...boothStats.get(b.boothNo), ...sales.get(b.boothNo) }))
    .sort((a, b) => a.boothNo - b.boothNo);
  const dayRows = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  return {
    fair,
    days: dayRows,
    halls: fair.halls.map((h) => ({ hallId: h.id, name: h.name, views: hallViews.get(h.id) ?? 0 })),
    booths: boothRows,
    totals: {
      views: dayRows.reduce((s, d) => s + d.views, 0),
      uniques: dayRows.reduce((s, d) => s + d.uniques, 0),
      inquiries: dayRows.reduce((s, d) => s + d.inquiries, 0),
      orders: boothRows.reduce((s, b) => s + b.orders, 0),
      units: boothRows.reduce((s, b) => s + b.units, 0),
      revenueVnd: boothRows.reduce((s, b) => s + b.revenueVnd, 0),
    },
  };
}

/** The booths table as CSV (RFC 4180, formula-safe: shared/text/csv.ts). */
export function dashboardCsv(d: FairDashboard): string {
  const hallName = new Map(d.fair.halls.map((h) => [h.id, h.name]));
  return toCsv(
    ['gian_so', 'khu', 'co_so', 'luot_xem', 'yeu_cau_giao_thuong', 'don_gia_hoi_cho', 'so_luong', 'doanh_thu_vnd'],
    d.booths.map((b) => [b.boothNo, hallName.get(b.hallId) ?? b.hallId, b.producerName, b.views, b.inquiries, b.orders, b.units, b.revenueVnd]),
  );
}
