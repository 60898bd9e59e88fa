import { fairOfferKey } from './keys';

export interface FairOfferTake {
  fairId: string;
  productId: string;
  variantId?: string | undefined;
  quantity: number;
  fairPriceVnd: number;
}

/**
 * The fair offer's side of a checkout, in the order's transaction beside the stock update: at
 * commit time the window must be open by the server's clock and the fair price the one the buyer
 * was shown; the offer's counters (the fair's orders and revenue at fair prices) move with it.
 */
export function takeFairOfferUpdate(t: FairOfferTake, now: Date) {
  return {
    Key: fairOfferKey(t.fairId, t.productId, t.variantId),
    UpdateExpression: 'ADD soldUnits :q, revenueVnd :r, orderCount :one',
    ConditionExpression: 'opensAt <= :now AND closesAt > :now AND fairPriceVnd = :p',
    ExpressionAttributeValues: { ':now': now.toISOString(), ':q': t.quantity, ':p': t.fairPriceVnd, ':r': t.quantity * t.fairPriceVnd, ':one': 1 },
  };
}

/** A cancelled or expired line leaves the fair's figures (whatever the window is now). */
export function giveBackFairOfferUpdate(t: Omit<FairOfferTake, 'fairPriceVnd'> & { lineTotalVnd: number }) {
  return {
    Key: fairOfferKey(t.fairId, t.productId, t.variantId),
    UpdateExpression: 'ADD soldUnits :nq, revenueVnd :nr, orderCount :none',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':nq': -t.quantity, ':nr': -t.lineTotalVnd, ':none': -1 },
  };
}
