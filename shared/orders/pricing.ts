import { checkListingGate, gateReasonMessages, type GateReason } from '../catalog/gate';
import type { Product } from '../catalog/product';
import type { Variant } from '../catalog/variants';
import { groupByCodeOrUndefined } from '../reference/taxonomy';
import type { Producer } from '../storefront/producer';
import { InvalidInput } from '../http/errors';
import type { OrderItem, OrderLineInput } from './order';

/** Why a line cannot be bought; the answer's `details` carry these so a client can show them. */
export type LineProblem =
  | { kind: 'not_listed'; productId: string; variantId?: string | undefined; reason: GateReason | 'PRODUCT_NOT_FOUND' | 'VARIANT_NOT_FOUND' | 'VARIANT_REQUIRED' | 'NOT_SOLD_ONLINE'; message: string }
  | { kind: 'out_of_stock'; productId: string; variantId?: string | undefined; name: string; requested: number; available: number };

/** One (product, variant) of the order with all its lines' quantities summed. */
export interface Demand {
  product: Product;
  variant?: Variant | undefined;
  /** Position of the variant in the stored list: the stock update addresses `variants[i]`. */
  variantIndex?: number | undefined;
  quantity: number;
  /** The regular price as read (what the stock update's condition pins). */
  unitPriceVnd: number;
  /** The line asks for this live's price (live-pricing.ts checks the offer and sets `live`). */
  livestreamId?: string | undefined;
  live?: { livePriceVnd: number; hasQuota: boolean } | undefined;
  /** The line asks for this fair's price (fair-pricing.ts checks the offer and sets `fair`). */
  fairId?: string | undefined;
  fair?: { fairPriceVnd: number } | undefined;
}

const lineKey = (l: { productId: string; variantId?: string | undefined }) => `${l.productId}|${l.variantId ?? ''}`;

/**
 * Two lines for the same product and variant are one demand: they are reserved together, so a cart
 * that holds a variant twice cannot buy more than its stock.
 */
export function mergeLines(lines: readonly OrderLineInput[]): OrderLineInput[] {
  const merged = new Map<string, OrderLineInput>();
  for (const l of lines) {
    const k = lineKey(l);
    const seen = merged.get(k);
    // One price per (product, variant) in an order: a live line and a regular line of it would be two.
    if (seen && (seen.livestreamId !== l.livestreamId || seen.fairId !== l.fairId)) {
      throw new InvalidInput('Một sản phẩm không thể vừa mua giá live vừa mua giá thường trong cùng đơn', 'MIXED_LIVE_LINES', { productId: l.productId, variantId: l.variantId });
    }
    merged.set(k, seen ? { ...seen, quantity: seen.quantity + l.quantity } : { ...l });
  }
  return [...merged.values()];
}

/** Resolves lines against the products as read now: the 3★ gate, the variant, the stock. */
export function resolveDemands(lines: readonly OrderLineInput[], products: ReadonlyMap<string, Product>, now: Date): { demands: Demand[]; problems: LineProblem[] } {
  const demands: Demand[] = [];
  const problems: LineProblem[] = [];
  for (const line of mergeLines(lines)) {
    const product = products.get(line.productId);
    const base = { productId: line.productId, variantId: line.variantId };
    if (!product) {
      problems.push({ kind: 'not_listed', ...base, reason: 'PRODUCT_NOT_FOUND', message: 'Không tìm thấy sản phẩm' });
      continue;
    }
    const gate = checkListingGate(product, now);
    if (!gate.listed) {
      problems.push({ kind: 'not_listed', ...base, reason: gate.reason, message: gateReasonMessages[gate.reason] });
      continue;
    }
    // Tourism services are booked with the producer, never shipped (the cart refuses them too).
    if (groupByCodeOrUndefined(product.group)?.isService) {
      problems.push({ kind: 'not_listed', ...base, reason: 'NOT_SOLD_ONLINE', message: `"${product.name}" là dịch vụ, đặt trực tiếp với cơ sở` });
      continue;
    }
    const variants = product.variants ?? [];
    let variant: Variant | undefined;
    let variantIndex: number | undefined;
    if (variants.length > 0) {
      if (!line.variantId) {
        problems.push({ kind: 'not_listed', ...base, reason: 'VARIANT_REQUIRED', message: `Chọn phân loại của "${product.name}"` });
        continue;
      }
      variantIndex = variants.findIndex((v) => v.id === line.variantId);
      variant = variants[variantIndex];
    }
    if ((variants.length > 0 && !variant) || (variants.length === 0 && line.variantId)) {
      problems.push({ kind: 'not_listed', ...base, reason: 'VARIANT_NOT_FOUND', message: `"${product.name}" không có phân loại này` });
      continue;
    }
    const available = variant ? variant.stock : product.stock;
    if (available < line.quantity) {
      problems.push({ kind: 'out_of_stock', ...base, name: variant ? `${product.name} (${variant.label})` : product.name, requested: line.quantity, available });
      continue;
    }
    demands.push({
      product,
      variant,
      variantIndex,
      quantity: line.quantity,
      unitPriceVnd: variant ? variant.priceVnd : product.priceVnd,
      ...(line.livestreamId ? { livestreamId: line.livestreamId } : {}),
      ...(line.fairId ? { fairId: line.fairId } : {}),
    });
  }
  return { demands, problems };
}

export interface DraftSubOrder {
  n: number;
  producer: Producer;
  demands: Demand[];
  items: OrderItem[];
  itemsTotalVnd: number;
  shippingFeeVnd: number;
  totalVnd: number;
}

/** The storefront's terms: its flat fee, nothing from its free-shipping threshold up; none set = 0. */
export function shippingFee(producer: Pick<Producer, 'shippingFeeVnd' | 'freeShippingThresholdVnd'>, itemsTotalVnd: number): number {
  const fee = producer.shippingFeeVnd ?? 0;
  const threshold = producer.freeShippingThresholdVnd;
  return threshold !== undefined && itemsTotalVnd >= threshold ? 0 : fee;
}

/** Splits the demands into one sub-order per storefront (in first-seen order) with integer VND totals. */
export function priceSubOrders(demands: readonly Demand[], producers: ReadonlyMap<string, Producer>): { subOrders: DraftSubOrder[]; totalVnd: number } {
  const byProducer = new Map<string, Demand[]>();
  for (const d of demands) {
    const list = byProducer.get(d.product.producerId) ?? [];
    list.push(d);
    byProducer.set(d.product.producerId, list);
  }
  const subOrders: DraftSubOrder[] = [];
  let n = 1;
  for (const [producerId, list] of byProducer) {
    const producer = producers.get(producerId);
    if (!producer) throw new Error(`Storefront ${producerId} of a listed product is missing`);
    const items: OrderItem[] = list.map((d) => {
      const unit = d.live ? d.live.livePriceVnd : d.fair ? d.fair.fairPriceVnd : d.unitPriceVnd;
      return {
        productId: d.product.id,
        ...(d.variant ? { variantId: d.variant.id, variantLabel: d.variant.label } : {}),
        name: d.product.name,
        unit: d.variant ? d.variant.label : d.product.unit,
        quantity: d.quantity,
        unitPriceVnd: unit,
        lineTotalVnd: unit * d.quantity,
        ...(d.live && d.livestreamId ? { livestreamId: d.livestreamId, regularUnitPriceVnd: d.unitPriceVnd } : {}),
        ...(d.fair && d.fairId ? { fairId: d.fairId, regularUnitPriceVnd: d.unitPriceVnd } : {}),
      };
    });
    const itemsTotalVnd = items.reduce((sum, i) => sum + i.lineTotalVnd, 0);
    const fee = shippingFee(producer, itemsTotalVnd);
    subOrders.push({ n: n++, producer, demands: list, items, itemsTotalVnd, shippingFeeVnd: fee, totalVnd: itemsTotalVnd + fee });
  }
  return { subOrders, totalVnd: subOrders.reduce((sum, s) => sum + s.totalVnd, 0) };
}
