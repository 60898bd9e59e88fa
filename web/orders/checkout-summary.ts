import type { OrderLineInput } from '../../shared/orders/order';
import { applyLiveOffers, readLiveOffers } from '../../shared/orders/live-pricing';
import { applyFairOffers, readFairOffers } from '../../shared/orders/fair-pricing';
import { priceSubOrders, resolveDemands, type DraftSubOrder } from '../../shared/orders/pricing';
import { formatVnd } from '../../shared/money/vnd';
import type { Services } from '../../shared/services';

/** A line the checkout leaves out, and why (the gate, the variant, the stock at this instant). */
export interface LeftOut {
  name: string;
  message: string;
}

export interface CheckoutSummary {
  /** One per storefront, priced as placement will price it now (shipping per storefront). */
  subOrders: DraftSubOrder[];
  totalVnd: number;
  leftOut: LeftOut[];
  /** The lines that can be bought, merged: what the form submits. */
  lines: OrderLineInput[];
  /** Storefronts that take no VietQR transfer (no bank account saved). */
  withoutBank: string[];
  /** Live lines now at the regular price (the live ended, was cancelled, or its quota ran out), and why. */
  repriced: LeftOut[];
}

/**
 * The summary the shopper sees before placing: the same pure rules as placement (pricing.ts) on a
 * fresh read — one BatchGetItem of the products and one of their storefronts.
 */
export async function checkoutSummary(services: Services, lines: readonly OrderLineInput[]): Promise<CheckoutSummary> {
  const products = await services.catalog.getProducts([...new Set(lines.map((l) => l.productId))]);
  const now = services.clock.now();
  const { demands, problems } = resolveDemands(lines, products, now);
  const producerIds = [...new Set(demands.map((d) => d.product.producerId))];
  const [producers, liveRead, fairRead] = await Promise.all([
    producerIds.length > 0 ? services.producers.getProducers(producerIds) : new Map(),
    readLiveOffers(services, demands),
    readFairOffers(services, demands),
  ]);
  // A cart filled during a live and checked out after it: the line goes back to the regular price,
  // and the page says so before the shopper pays (the form then submits it without livestreamId).
  const repriced: LeftOut[] = [];
  for (const p of applyLiveOffers(demands, liveRead, now)) {
    const d = demands.find((x) => x.product.id === p.productId && x.variant?.id === p.variantId)!;
    delete d.livestreamId;
    const why = p.kind === 'quota' ? (p.quotaLeft === 0 ? 'đã hết suất giá live' : `chỉ còn ${p.quotaLeft} suất giá live`) : p.status === 'ended' ? 'buổi live đã kết thúc' : p.status === 'scheduled' ? 'buổi live chưa bắt đầu' : p.status === 'cancelled' ? 'buổi live đã bị huỷ' : 'không có trong buổi live';
    repriced.push({ name: d.variant ? `${d.product.name} (${d.variant.label})` : d.product.name, message: `${why}: tính giá thường ${formatVnd(d.unitPriceVnd)}` });
  }
  // The same for a fair line outside the fair's window (or no longer featured).
  for (const p of applyFairOffers(demands, fairRead, now)) {
    const d = demands.find((x) => x.product.id === p.productId && x.variant?.id === p.variantId)!;
    delete d.fairId;
    repriced.push({ name: d.variant ? `${d.product.name} (${d.variant.label})` : d.product.name, message: `không có giá hội chợ lúc này: tính giá thường ${formatVnd(d.unitPriceVnd)}` });
  }
  // A storefront gone since its product was read: its lines are left out rather than failing the page.
  const known = demands.filter((d) => producers.has(d.product.producerId));
  const { subOrders, totalVnd } = priceSubOrders(known, producers);
  const leftOut: LeftOut[] = problems.map((p) => {
    if (p.kind === 'out_of_stock') return { name: p.name, message: p.available === 0 ? 'Đã hết hàng' : `Chỉ còn ${p.available}, bạn chọn ${p.requested}` };
    const product = products.get(p.productId);
    return { name: product?.name ?? p.productId, message: p.message };
  });
  for (const d of demands) if (!producers.has(d.product.producerId)) leftOut.push({ name: d.product.name, message: 'Gian hàng tạm ngừng bán' });
  return {
    subOrders,
    totalVnd,
    leftOut,
    lines: known.map((d) => ({ productId: d.product.id, quantity: d.quantity, ...(d.variant ? { variantId: d.variant.id } : {}), ...(d.live && d.livestreamId ? { livestreamId: d.livestreamId } : {}), ...(d.fair && d.fairId ? { fairId: d.fairId } : {}) })),
    withoutBank: subOrders.filter((s) => !s.producer.bank).map((s) => s.producer.name),
    repriced,
  };
}
