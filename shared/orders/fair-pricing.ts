import { keyId } from '../db/batch-get';
import type { AppError } from '../http/errors';
import { fairPriceUnavailable } from '../fairs/errors';
import type { FairOffer, StoredFair } from '../fairs/fair';
import { fairOfferKey } from '../fairs/keys';
import { fairPriceApplies } from '../fairs/lifecycle';
import { takeFairOfferUpdate } from '../fairs/offer-updates';
import type { Services } from '../services';
import type { Demand, LineProblem } from './pricing';
import type { OrderLineInput } from './order';

export interface FairLineProblem {
  fairId: string;
  productId: string;
  variantId?: string | undefined;
  reason: 'FAIR_NOT_FOUND' | 'NOT_LIVE' | 'BEFORE_START' | 'AFTER_END' | 'NOT_FEATURED' | string;
  regularPriceVnd?: number | undefined;
}

export interface FairOffersRead {
  fairs: ReadonlyMap<string, StoredFair>;
  offers: ReadonlyMap<string, FairOffer>;
}

/** The fairs and offers the demands name: 2 BatchGetItem in parallel, none without fair lines. */
export async function readFairOffers(services: Services, demands: readonly Demand[]): Promise<FairOffersRead> {
  const lines = demands.filter((d) => d.fairId);
  if (lines.length === 0) return { fairs: new Map(), offers: new Map() };
  const [fairs, offers] = await Promise.all([
    services.fairs.getMany(lines.map((d) => d.fairId!)),
    services.fairs.offers(lines.map((d) => ({ fairId: d.fairId!, productId: d.product.id, variantId: d.variant?.id }))),
  ]);
  return { fairs, offers };
}

/**
 * A fair line whose product the 3★ gate (or anything else) refuses is a 409 FAIR_PRICE_NOT_AVAILABLE
 * too: the buyer asked for the fair price and must hear why there is none.
 */
export function fairLineOfProblem(lines: readonly OrderLineInput[], problems: readonly LineProblem[]): FairLineProblem | undefined {
  for (const p of problems) {
    const line = lines.find((l) => l.fairId && l.productId === p.productId && (l.variantId ?? '') === (p.variantId ?? ''));
    if (line && p.kind === 'not_listed') return { fairId: line.fairId!, productId: p.productId, ...(p.variantId ? { variantId: p.variantId } : {}), reason: p.reason };
  }
  return undefined;
}

/**
 * Sets each fair demand's price from its offer as read now, or says why it cannot: the fair must be
 * live and the server's clock inside [startsAt, endsAt); the product featured with a fair price by an
 * accepted booth (only those have offers). The order transaction re-checks window and price on the offer.
 */
export function applyFairOffers(demands: Demand[], read: FairOffersRead, now: Date): FairLineProblem[] {
  const problems: FairLineProblem[] = [];
  for (const d of demands) {
    if (!d.fairId) continue;
    const base = { fairId: d.fairId, productId: d.product.id, ...(d.variant ? { variantId: d.variant.id } : {}), regularPriceVnd: d.unitPriceVnd };
    const fair = read.fairs.get(d.fairId);
    const offer = read.offers.get(keyId(fairOfferKey(d.fairId, d.product.id, d.variant?.id)));
    if (!fair || fair.status === 'draft') {
      problems.push({ ...base, reason: 'FAIR_NOT_FOUND' });
      continue;
    }
    if (!fairPriceApplies(fair, now)) {
      const t = now.getTime();
      problems.push({ ...base, reason: fair.status !== 'live' && fair.status !== 'closed' ? 'NOT_LIVE' : t < Date.parse(fair.startsAt) ? 'BEFORE_START' : fair.status === 'closed' ? 'CLOSED' : 'AFTER_END' });
      continue;
    }
    if (!offer || offer.producerId !== d.product.producerId || !(offer.opensAt <= now.toISOString() && offer.closesAt > now.toISOString())) {
      problems.push({ ...base, reason: 'NOT_FEATURED' });
      continue;
    }
    d.fair = { fairPriceVnd: offer.fairPriceVnd };
  }
  return problems;
}

export const fairLineError = (problem: FairLineProblem): AppError => fairPriceUnavailable(problem);

/** One offer update per fair demand, for the order's transaction. */
export const fairTakes = (demands: readonly Demand[], now: Date) =>
  demands
    .filter((d) => d.fair && d.fairId)
    .map((d) => takeFairOfferUpdate({ fairId: d.fairId!, productId: d.product.id, variantId: d.variant?.id, quantity: d.quantity, fairPriceVnd: d.fair!.fairPriceVnd }, now));
