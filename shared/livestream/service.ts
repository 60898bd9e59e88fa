import { randomBytes } from 'node:crypto';
import { checkListingGate, gateReasonMessages } from '../catalog/gate';
import { lowestPriceSince, PRICE_LOOKBACK_DAYS } from '../catalog/price-history';
import type { Product } from '../catalog/product';
import { Forbidden, InvalidInput, NotFound } from '../http/errors';
import { assertOwnsStorefront } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { notADiscount, type NotADiscount as NotADiscountItem } from './discount';
import { illegalLiveTransition, invalidLiveTimes, invalidStreamUrl, LivePriceNotADiscount, livestreamNotFound, notOwnProduct, productNotFeaturable } from './errors';
import { applyAction, allowedActions, type LiveAction } from './lifecycle';
import type { FeaturedProduct, Offer, StoredLive } from './livestream';
import { offerKey } from './keys';
import { MAX_DAYS_AHEAD, MAX_LIVE_HOURS, type CreateLivestream } from './schemas';
import { checkStreamUrl } from './stream-url';
import { effectiveStatus, type LiveStatus } from './window';
import { keyId } from '../db/batch-get';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A start "now" typed a minute ago is still fine. */
const START_GRACE_MS = 5 * 60_000;
const MAX_MOVE_ATTEMPTS = 4;

export const newLivestreamId = (now: Date) => `live-${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`;

/** Which storefront the caller may schedule for: a producer its own, an admin the one named. */
function storefrontOf(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'admin') {
    if (!requested) throw new InvalidInput('Quản trị viên cần chọn gian hàng (producerId)', 'PRODUCER_REQUIRED');
    return requested;
  }
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ cơ sở đã có gian hàng mới lên lịch live', 'NOT_STOREFRONT_OWNER');
  if (requested && requested !== principal.producerId) throw new Forbidden('Bạn không quản lý gian hàng này', 'NOT_STOREFRONT_OWNER');
  return principal.producerId;
}

export function checkTimes(startsAtRaw: string, endsAtRaw: string, now: Date): { startsAt: string; endsAt: string } {
  const start = Date.parse(startsAtRaw);
  const end = Date.parse(endsAtRaw);
  if (end <= start) throw invalidLiveTimes('Giờ kết thúc phải sau giờ bắt đầu');
  if (end - start > MAX_LIVE_HOURS * HOUR) throw invalidLiveTimes(`Một buổi live dài tối đa ${MAX_LIVE_HOURS} giờ`, { maxHours: MAX_LIVE_HOURS });
  if (start < now.getTime() - START_GRACE_MS) throw invalidLiveTimes('Giờ bắt đầu đã qua');
  if (start > now.getTime() + MAX_DAYS_AHEAD * DAY) throw invalidLiveTimes(`Lên lịch trước tối đa ${MAX_DAYS_AHEAD} ngày`, { maxDaysAhead: MAX_DAYS_AHEAD });
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

export const regularPriceOf = (product: Product, variantId?: string) => (variantId ? product.variants?.find((v) => v.id === variantId)?.priceVnd : product.priceVnd);

/**
 * Schedules a live: the caller's own listed products only, each variant named where the product has
 * them, each live price below the product's lowest price of the last 30 days. Reads: the storefront,
 * the products (1 BatchGetItem), each product's price history (1 Query each, in parallel); writes the
 * live and its offers in one transaction.
 */
export async function createLivestream(services: Services, principal: Principal, body: CreateLivestream): Promise<StoredLive> {
  const now = services.clock.now();
  const producerId = storefrontOf(principal, body.producerId);
  const url = checkStreamUrl(body.platform, body.streamUrl);
  if (!url.ok) throw invalidStreamUrl('streamUrl', url.reason);
  const { startsAt, endsAt } = checkTimes(body.startsAt, body.endsAt, now);
  const seen = new Set<string>();
  for (const p of body.products) {
    const k = `${p.productId}|${p.variantId ?? ''}`;
    if (seen.has(k)) throw new InvalidInput('Mỗi sản phẩm (phân loại) chỉ một lần trong buổi live', 'DUPLICATE_LIVE_PRODUCT', { productId: p.productId, variantId: p.variantId });
    seen.add(k);
  }

  const [producer, products] = await Promise.all([services.producers.getProducer(producerId), services.catalog.getProducts(body.products.map((p) => p.productId))]);
  if (!producer) throw new NotFound('Không tìm thấy gian hàng', 'PRODUCER_NOT_FOUND');
  const foreign = body.products.filter((p) => products.get(p.productId) && products.get(p.productId)!.producerId !== producerId).map((p) => p.productId);
  if (foreign.length > 0) throw notOwnProduct(foreign);
  const problems = body.products.flatMap((p) => {
    const problem = featurabilityProblem(products.get(p.productId), p, now);
    return problem ? [problem] : [];
  });
  if (problems.length > 0) throw productNotFeaturable({ items: problems });

  await assertRealDiscounts(services, products, body.products, now);

  const featured: FeaturedProduct[] = body.products.map((p) => {
    const product = products.get(p.productId)!;
    const variant = p.variantId ? product.variants?.find((v) => v.id === p.variantId) : undefined;
    return {
      productId: p.productId,
      ...(variant ? { variantId: variant.id } : {}),
      name: variant ? `${product.name} (${variant.label})` : product.name,
      unit: variant ? variant.label : product.unit,
      ...(product.images[0] ? { image: product.images[0] } : {}),
      livePriceVnd: p.livePriceVnd,
      ...(p.quota !== undefined ? { quota: p.quota } : {}),
    };
  });
  const at = now.toISOString();
  const live: StoredLive = {
    id: newLivestreamId(now),
    producerId,
    producerName: producer.name,
    provinceCode: producer.provinceCode,
    groups: [...new Set(body.products.map((p) => products.get(p.productId)!.group))],
    title: body.title,
    ...(body.description ? { description: body.description } : {}),
    platform: body.platform,
    streamUrl: url.url,
    ...(url.embedUrl ? { embedUrl: url.embedUrl } : {}),
    status: 'scheduled',
    startsAt,
    endsAt,
    products: featured,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await services.livestreams.create(live);
  services.logger.info('livestream scheduled', { livestreamId: live.id, producerId, products: featured.length });
  return live;
}

/**
 * Each live price below the product's (variant's) lowest price of the last 30 days: one price-history
 * Query per product, in parallel. 422 `LIVE_PRICE_NOT_A_DISCOUNT` with the price to beat otherwise.
 */
export async function discountRefusals(
  services: Services,
  products: ReadonlyMap<string, Product>,
  lines: readonly { productId: string; variantId?: string | undefined; livePriceVnd: number }[],
  now: Date,
): Promise<NotADiscountItem[]> {
  const since = new Date(now.getTime() - PRICE_LOOKBACK_DAYS * DAY);
  const productIds = [...new Set(lines.map((p) => p.productId))];
  const histories = new Map(await Promise.all(productIds.map(async (id) => [id, await services.catalog.priceHistory(id, since)] as const)));
  return notADiscount(
    lines.map((p) => ({
      productId: p.productId,
      variantId: p.variantId,
      livePriceVnd: p.livePriceVnd,
      lowestPriceVnd: lowestPriceSince(histories.get(p.productId) ?? [], regularPriceOf(products.get(p.productId)!, p.variantId)!, since, p.variantId),
    })),
  );
}

export async function assertRealDiscounts(
  services: Services,
  products: ReadonlyMap<string, Product>,
  lines: readonly { productId: string; variantId?: string | undefined; livePriceVnd: number }[],
  now: Date,
): Promise<void> {
  const refused = await discountRefusals(services, products, lines, now);
  if (refused.length > 0) throw new LivePriceNotADiscount(refused);
}

export interface FeaturabilityProblem {
  productId: string;
  variantId?: string | undefined;
  reason: string;
  message: string;
}

/**
 * Whether one line may be featured (in a live or a fair booth): the product exists, passes the 3★
 * gate now — a product that would not show on the site cannot be featured either — and names a
 * variant it has when it is sold in sizes. Undefined when it may.
 */
export function featurabilityProblem(product: Product | undefined, line: { productId: string; variantId?: string | undefined }, now: Date, missing = 'Không tìm thấy sản phẩm'): FeaturabilityProblem | undefined {
  const base = { productId: line.productId, ...(line.variantId ? { variantId: line.variantId } : {}) };
  if (!product) return { ...base, reason: 'PRODUCT_NOT_FOUND', message: missing };
  const gate = checkListingGate(product, now);
  if (!gate.listed) return { ...base, reason: gate.reason, message: gateReasonMessages[gate.reason] };
  if (product.variants?.length && !line.variantId) return { ...base, reason: 'VARIANT_REQUIRED', message: `Chọn phân loại của "${product.name}"` };
  if (line.variantId && regularPriceOf(product, line.variantId) === undefined) return { ...base, reason: 'VARIANT_NOT_FOUND', message: `"${product.name}" không có phân loại này` };
  return undefined;
}

/** Start, end or cancel: the storefront that owns the live, or an admin; decided on the effective status. */
export async function moveLivestream(services: Services, principal: Principal, id: string, action: LiveAction, reason?: string): Promise<StoredLive> {
  for (let attempt = 0; attempt < MAX_MOVE_ATTEMPTS; attempt++) {
    const live = await services.livestreams.get(id, true);
    if (!live) throw livestreamNotFound();
    assertOwnsStorefront(principal, live.producerId, { orAdmin: true });
    const now = services.clock.now();
    const result = applyAction(live, action, now);
    if (!result.ok) throw illegalLiveTransition(result.from, result.to, result.allowed);
    const next: StoredLive = {
      ...live,
      ...result.patch,
      ...(action === 'cancel' && reason ? { cancelReason: reason } : {}),
      // Pressing start tells the followers here; the start-notice job skips a live marked so.
      ...(action === 'start' && !live.startNoticeSentAt ? { startNoticeSentAt: now.toISOString() } : {}),
      updatedAt: now.toISOString(),
      version: live.version + 1,
    };
    if (await services.livestreams.move(live, next)) {
      services.logger.info('livestream moved', { livestreamId: id, action, by: principal.role });
      if (action === 'start' && !live.startNoticeSentAt) await notifyFollowers(services, next);
      return next;
    }
  }
  const latest = await services.livestreams.get(id, true);
  const status = latest ? effectiveStatus(latest, services.clock.now()) : 'ended';
  throw illegalLiveTransition(status, action === 'start' ? 'live' : action === 'end' ? 'ended' : 'cancelled', allowedActions(status));
}

export interface LiveSummary extends Omit<StoredLive, 'products' | 'version' | 'status' | 'startNoticeSentAt'> {
  status: LiveStatus;
  allowedActions: LiveAction[];
  productCount: number;
}

export function summaryOf(live: StoredLive, now: Date): LiveSummary {
  const { products, version: _v, status: _s, startNoticeSentAt: _n, ...rest } = live;
  const status = effectiveStatus(live, now);
  return { ...rest, status, allowedActions: allowedActions(status), productCount: products.length };
}

export interface LiveProductView {
  productId: string;
  variantId?: string | undefined;
  name: string;
  unit: string;
  image?: FeaturedProduct['image'];
  livePriceVnd: number;
  regularPriceVnd: number;
  quota: number | null;
  quotaLeft: number | null;
  stock: number;
}

export interface LiveDetail extends LiveSummary {
  products: LiveProductView[];
}

/**
 * A live's page: the live (GetItem), then its offers and its products (2 BatchGetItem, in parallel).
 * A product the 3★ gate hides now is left out: it disappears from a running live.
 */
export async function livestreamDetail(services: Services, id: string): Promise<LiveDetail> {
  const live = await services.livestreams.get(id);
  if (!live) throw livestreamNotFound();
  const now = services.clock.now();
  const [offers, products] = await Promise.all([
    services.livestreams.offers(live.products.map((p) => ({ livestreamId: live.id, productId: p.productId, variantId: p.variantId }))),
    services.catalog.getProducts(live.products.map((p) => p.productId)),
  ]);
  const views: LiveProductView[] = [];
  for (const p of live.products) {
    const product = products.get(p.productId);
    if (!product || !checkListingGate(product, now).listed) continue;
    const variant = p.variantId ? product.variants?.find((v) => v.id === p.variantId) : undefined;
    if (p.variantId && !variant) continue;
    const offer = offers.get(keyId(offerKey(live.id, p.productId, p.variantId)));
    views.push({
      productId: p.productId,
      ...(p.variantId ? { variantId: p.variantId } : {}),
      name: p.name,
      unit: p.unit,
      ...(p.image ? { image: p.image } : {}),
      livePriceVnd: p.livePriceVnd,
      regularPriceVnd: variant ? variant.priceVnd : product.priceVnd,
      quota: p.quota ?? null,
      quotaLeft: offer?.left ?? (p.quota ?? null),
      stock: variant ? variant.stock : product.stock,
    });
  }
  return { ...summaryOf(live, now), products: views };
}

export type ListStatus = 'live' | 'upcoming' | 'ended';
export const UPCOMING_DAYS = 7;
/** Active lives are few (each closes within 12 h of its start, ≤ 90 days ahead): one Query reads them. */
const ACTIVE_READ = 200;

/** "Đang live", "Sắp diễn ra" (next 7 days) or replays, optionally of one province or product group: 1 Query. */
export async function listLivestreams(services: Services, q: { status: ListStatus; province?: string | undefined; group?: string | undefined; limit: number }): Promise<LiveSummary[]> {
  const now = services.clock.now();
  const horizon = now.getTime() + UPCOMING_DAYS * DAY;
  const read = q.status === 'ended' ? await services.livestreams.ended(now, Math.min(ACTIVE_READ, q.limit * 4)) : await services.livestreams.openOrUpcoming(now, ACTIVE_READ);
  const wanted: LiveStatus = q.status === 'upcoming' ? 'scheduled' : q.status;
  const out = read
    .filter((l) => effectiveStatus(l, now) === wanted)
    .filter((l) => q.status !== 'upcoming' || Date.parse(l.startedAt ?? l.startsAt) <= horizon)
    .filter((l) => !q.province || l.provinceCode === q.province)
    .filter((l) => !q.group || l.groups.includes(q.group))
    .map((l) => summaryOf(l, now));
  // Upcoming: soonest start first; live: the one ending soonest first (its index order).
  if (q.status === 'upcoming') out.sort((a, b) => (a.startedAt ?? a.startsAt).localeCompare(b.startedAt ?? b.startsAt));
  return out.slice(0, q.limit);
}

export interface LiveFigures {
  livestreamId: string;
  orders: number;
  units: number;
  revenueVnd: number;
  products: { productId: string; variantId?: string | undefined; name: string; orders: number; units: number; revenueVnd: number }[];
}

/** The live's figures from its offers' counters (moved in each order's transaction): GetItem + BatchGetItem. */
export async function livestreamFigures(services: Services, principal: Principal, id: string): Promise<LiveFigures> {
  const live = await services.livestreams.get(id);
  if (!live) throw livestreamNotFound();
  assertOwnsStorefront(principal, live.producerId, { orAdmin: true });
  return figuresOf(live, await services.livestreams.offers(live.products.map((p) => ({ livestreamId: live.id, productId: p.productId, variantId: p.variantId }))));
}

export function figuresOf(live: StoredLive, offers: ReadonlyMap<string, Offer>): LiveFigures {
  const products = live.products.map((p) => {
    const o = offers.get(keyId(offerKey(live.id, p.productId, p.variantId)));
    return { productId: p.productId, ...(p.variantId ? { variantId: p.variantId } : {}), name: p.name, orders: o?.orderCount ?? 0, units: o?.soldUnits ?? 0, revenueVnd: o?.revenueVnd ?? 0 };
  });
  return {
    livestreamId: live.id,
    orders: products.reduce((s, p) => s + p.orders, 0),
    units: products.reduce((s, p) => s + p.units, 0),
    revenueVnd: products.reduce((s, p) => s + p.revenueVnd, 0),
    products,
  };
}

/**
 * The storefront's followers hear that the live is on (after the start committed; a failure is logged,
 * the live stays started). A live the clock opens without a press is announced by the start-notice job.
 */
export async function notifyFollowers(services: Services, live: StoredLive): Promise<void> {
  try {
    const followers = await services.liveFollows.followers(live.producerId);
    if (followers.length === 0) return;
    await services.liveFollows.notify(followers, { livestreamId: live.id, producerId: live.producerId, message: `${live.producerName} đang live: ${live.title}`, createdAt: live.updatedAt });
  } catch (error) {
    services.logger.warn('live start notices not written', { livestreamId: live.id, error });
  }
}
