import { randomBytes } from 'node:crypto';
import { checkListingGate } from '../catalog/gate';
import { cardOf, type ProductCard } from '../catalog/product';
import { InvalidInput } from '../http/errors';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import { provinceByCode } from '../reference/provinces';
import type { Services } from '../services';
import { slugify } from '../text/fold';
import { pointNotFound, UnknownCarried } from './errors';
import { cellsToSearch, haversineKm } from './geo-cells';
import { isOpenAt, nextOpeningAfter } from './opening-hours';
import type { PointInput, PointOfSale, PointPatch, PointType } from './point-of-sale';

export type LocatorServices = Pick<Services, 'points' | 'catalog' | 'producers' | 'clock'>;

export interface NearbyQuery {
  lat: number;
  lng: number;
  radiusKm: number;
  type?: PointType | undefined;
  openNow?: boolean | undefined;
  productId?: string | undefined;
  producerId?: string | undefined;
  limit: number;
}

export interface NearbyPoint {
  point: PointOfSale;
  distanceKm: number;
  openNow: boolean;
  nextOpening?: Date | undefined;
}

/** Open now = listed as open and inside its hours, in Vietnam time. */
export function openState(point: PointOfSale, now: Date): { openNow: boolean; nextOpening?: Date | undefined } {
  if (point.status !== 'open') return { openNow: false };
  const openNow = isOpenAt(point.openingHours, now);
  return { openNow, nextOpening: nextOpeningAfter(point.openingHours, now) };
}

const newId = (name: string) => `${slugify(name).slice(0, 60) || 'diem-ban'}-${randomBytes(3).toString('hex')}`;

/** The carried products and storefronts must exist (422 otherwise); products outside the 3★ gate may be named but never shown. */
export async function assertCarriedExist(s: LocatorServices, productIds: readonly string[], producerIds: readonly string[]): Promise<void> {
  const [products, producers] = await Promise.all([
    productIds.length ? s.catalog.getProducts(productIds) : new Map(),
    Promise.all(producerIds.map(async (id) => [id, await s.producers.getProducer(id)] as const)),
  ]);
  const missingProducts = productIds.filter((id) => !products.has(id));
  if (missingProducts.length) throw new UnknownCarried('Không có sản phẩm với mã này', 'UNKNOWN_PRODUCT', { productIds: missingProducts });
  const missingProducers = producers.filter(([, p]) => !p).map(([id]) => id);
  if (missingProducers.length) throw new UnknownCarried('Không có cơ sở với mã này', 'UNKNOWN_PRODUCER', { producerIds: missingProducers });
}

export async function createPoint(s: LocatorServices, principal: Principal, input: PointInput): Promise<PointOfSale> {
  assertOfficerOf(principal, input.provinceCode, { orAdmin: true });
  const productIds = [...new Set(input.productIds)];
  const producerIds = [...new Set(input.producerIds)];
  await assertCarriedExist(s, productIds, producerIds);
  const at = s.clock.now().toISOString();
  const point: PointOfSale = { ...input, productIds, producerIds, id: newId(input.name), createdAt: at, updatedAt: at, version: 1 };
  await s.points.create(point);
  return point;
}

async function ownPoint(s: LocatorServices, principal: Principal, id: string): Promise<PointOfSale> {
  const point = await s.points.get(id);
  if (!point) throw pointNotFound();
  assertOfficerOf(principal, point.provinceCode, { orAdmin: true });
  return point;
}

export async function updatePoint(s: LocatorServices, principal: Principal, id: string, patch: PointPatch): Promise<PointOfSale> {
  const before = await ownPoint(s, principal, id);
  const { phone, ...rest } = patch;
  const after: PointOfSale = { ...before, ...rest, updatedAt: s.clock.now().toISOString(), version: before.version + 1 };
  if (phone === null) delete after.phone;
  else if (phone !== undefined) after.phone = phone;
  after.productIds = [...new Set(after.productIds)];
  after.producerIds = [...new Set(after.producerIds)];
  const added = (now: string[], was: string[]) => now.filter((x) => !was.includes(x));
  await assertCarriedExist(s, added(after.productIds, before.productIds), added(after.producerIds, before.producerIds));
  await s.points.replace(before, after);
  return after;
}

export async function deletePoint(s: LocatorServices, principal: Principal, id: string): Promise<void> {
  await s.points.remove(await ownPoint(s, principal, id));
}

export async function getPoint(s: LocatorServices, id: string): Promise<PointOfSale> {
  const point = await s.points.get(id);
  if (!point) throw pointNotFound();
  return point;
}

/**
 * The nearest points: the cells around the circle (≤ 9 Queries), then the exact distance, the
 * filters and the sort. A product filter counts only a product that passes the 3★ gate now (1 GetItem).
 */
export async function nearbyPoints(s: LocatorServices, q: NearbyQuery): Promise<NearbyPoint[]> {
  const now = s.clock.now();
  let product: { id: string; producerId: string } | undefined;
  if (q.productId) {
    const found = await s.catalog.getProduct(q.productId);
    if (!found || !checkListingGate(found, now).listed) return [];
    product = { id: found.id, producerId: found.producerId };
  }
  const { precision, cells } = cellsToSearch(q.lat, q.lng, q.radiusKm);
  const candidates = await s.points.inCells(precision, cells);
  const out: NearbyPoint[] = [];
  for (const point of candidates) {
    if (point.status === 'closed') continue;
    const distanceKm = haversineKm(q.lat, q.lng, point.lat, point.lng);
    if (distanceKm > q.radiusKm) continue;
    if (q.type && point.type !== q.type) continue;
    if (product && !point.productIds.includes(product.id) && !point.producerIds.includes(product.producerId)) continue;
    if (q.producerId && !point.producerIds.includes(q.producerId)) continue;
    const state = openState(point, now);
    if (q.openNow && !state.openNow) continue;
    out.push({ point, distanceKm, ...state });
  }
  return out.sort((a, b) => a.distanceKm - b.distanceKm || a.point.id.localeCompare(b.point.id)).slice(0, q.limit);
}

/** A province's points, nearest to its administrative centre first (officer lists, province chooser). */
export async function provincePoints(s: LocatorServices, code: string): Promise<NearbyPoint[]> {
  const province = provinceByCode(code);
  if (!province) throw new InvalidInput('Không có tỉnh, thành phố với mã này', 'INVALID_INPUT', [{ path: 'province', message: 'unknown' }]);
  const now = s.clock.now();
  return (await s.points.inProvince(code))
    .map((point) => ({ point, distanceKm: haversineKm(province.lat, province.lng, point.lat, point.lng), ...openState(point, now) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

/** What the point carries that passes the 3★ gate now: named products plus the listed products of whole storefronts. */
export async function carriedProducts(s: LocatorServices, point: PointOfSale): Promise<ProductCard[]> {
  const now = s.clock.now();
  const named = point.productIds.length ? [...(await s.catalog.getProducts(point.productIds)).values()] : [];
  const gated = named.filter((p) => checkListingGate(p, now).listed);
  const pages = await Promise.all(point.producerIds.map((producer) => s.catalog.listProducts({ producer, sort: 'newest', limit: 48 }, now)));
  const cards = new Map<string, ProductCard>();
  for (const p of gated) cards.set(p.id, cardOf(p));
  for (const page of pages) for (const card of page.items) cards.set(card.id, card);
  return [...cards.values()];
}

/** Points that carry a product (by name or its whole storefront), if the product passes the gate: 2 Queries. */
export async function pointsCarrying(s: LocatorServices, productId: string, producerId: string): Promise<PointOfSale[]> {
  return (await s.points.carrying(productId, producerId)).filter((p) => p.status !== 'closed');
}
