import { keyId } from '../db/batch-get';
import type { AppError } from '../http/errors';
import { liveQuotaExhausted, livePriceUnavailable } from '../livestream/errors';
import { offerKey } from '../livestream/keys';
import type { Offer, StoredLive } from '../livestream/livestream';
import { takeOfferUpdate } from '../livestream/offer-updates';
import { effectiveStatus, type LiveStatus } from '../livestream/window';
import type { Services } from '../services';
import type { Demand } from './pricing';

/** Why a line cannot have its live price now. */
export type LiveLineProblem =
  | { kind: 'unavailable'; livestreamId: string; productId: string; variantId?: string | undefined; status: LiveStatus | 'not_featured'; regularPriceVnd: number }
  | { kind: 'quota'; livestreamId: string; productId: string; variantId?: string | undefined; quotaLeft: number; requested: number };

export interface LiveOffersRead {
  lives: ReadonlyMap<string, StoredLive>;
  offers: ReadonlyMap<string, Offer>;
}

/** The lives and offers the demands name: 2 BatchGetItem in parallel, none without live lines. */
export async function readLiveOffers(services: Services, demands: readonly Demand[]): Promise<LiveOffersRead> {
  const live = demands.filter((d) => d.livestreamId);
  if (live.length === 0) return { lives: new Map(), offers: new Map() };
  const [lives, offers] = await Promise.all([
    services.livestreams.getMany(live.map((d) => d.livestreamId!)),
    services.livestreams.offers(live.map((d) => ({ livestreamId: d.livestreamId!, productId: d.product.id, variantId: d.variant?.id }))),
  ]);
  return { lives, offers };
}

/**
 * Sets each live demand's price from its offer as read now, or says why it cannot: the live's window
 * (server time; a cancelled live prices nothing), whether it features that product/variant, and the
 * quota left. The order transaction re-checks all of it on the offer item (offer-updates.ts).
 */
export function applyLiveOffers(demands: Demand[], read: LiveOffersRead, now: Date): LiveLineProblem[] {
  const problems: LiveLineProblem[] = [];
  for (const d of demands) {
    if (!d.livestreamId) continue;
    const base = { livestreamId: d.livestreamId, productId: d.product.id, ...(d.variant ? { variantId: d.variant.id } : {}) };
    const live = read.lives.get(d.livestreamId);
    const offer = read.offers.get(keyId(offerKey(d.livestreamId, d.product.id, d.variant?.id)));
    if (!live || !offer) {
      problems.push({ kind: 'unavailable', ...base, status: 'not_featured', regularPriceVnd: d.unitPriceVnd });
      continue;
    }
    const status = effectiveStatus(live, now);
    if (status !== 'live') {
      problems.push({ kind: 'unavailable', ...base, status, regularPriceVnd: d.unitPriceVnd });
      continue;
    }
    if (offer.left !== undefined && offer.left < d.quantity) {
      problems.push({ kind: 'quota', ...base, quotaLeft: offer.left, requested: d.quantity });
      continue;
    }
    d.live = { livePriceVnd: offer.livePriceVnd, hasQuota: offer.left !== undefined };
  }
  return problems;
}

/** A closed window first (waiting will not reopen it), then a used-up quota. */
export function liveLineError(problems: readonly LiveLineProblem[]): AppError {
  const closed = problems.find((p) => p.kind === 'unavailable');
  if (closed && closed.kind === 'unavailable') {
    const { kind: _k, ...details } = closed;
    return livePriceUnavailable(details);
  }
  const short = problems[0]!;
  if (short.kind !== 'quota') throw new Error('unreachable');
  const { kind: _k, ...details } = short;
  return liveQuotaExhausted(details);
}

/** One offer update per live demand, for the order's transaction. */
export const liveTakes = (demands: readonly Demand[], now: Date) =>
  demands
    .filter((d) => d.live && d.livestreamId)
    .map((d) =>
      takeOfferUpdate({ livestreamId: d.livestreamId!, productId: d.product.id, variantId: d.variant?.id, quantity: d.quantity, livePriceVnd: d.live!.livePriceVnd, hasQuota: d.live!.hasQuota }, now),
    );
