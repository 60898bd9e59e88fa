import { offerKey } from './keys';

interface UpdateParams {
  Key: { PK: string; SK: string };
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

export interface OfferTake {
  livestreamId: string;
  productId: string;
  variantId?: string | undefined;
  quantity: number;
  livePriceVnd: number;
  /** Whether the offer has a quota (read with it): the update then takes `left` down, never below 0. */
  hasQuota: boolean;
}

/**
 * The offer's side of a checkout, in the order's transaction beside the stock update: at commit time
 * the window must be open by the server's clock, the live price the one the buyer was shown, and the
 * quota (if any) must cover the units — all or nothing with the order. It also moves the live's
 * figures for the product, so they never count an order that did not commit.
 */
export function takeOfferUpdate(t: OfferTake, now: Date): UpdateParams {
  const values: Record<string, unknown> = { ':now': now.toISOString(), ':q': t.quantity, ':p': t.livePriceVnd, ':r': t.quantity * t.livePriceVnd, ':one': 1 };
  return {
    Key: offerKey(t.livestreamId, t.productId, t.variantId),
    UpdateExpression: `${t.hasQuota ? 'SET #left = #left - :q ' : ''}ADD soldUnits :q, revenueVnd :r, orderCount :one`,
    ConditionExpression: `opensAt <= :now AND closesAt > :now AND livePriceVnd = :p AND ${t.hasQuota ? '#left >= :q' : 'attribute_not_exists(#left)'}`,
    ExpressionAttributeNames: { '#left': 'left' },
    ExpressionAttributeValues: values,
  };
}

/**
 * Gives a cancelled or expired order line back: its units to the quota and its figures out of the
 * live's. Whatever the window is now (an order released after the live still returns its units).
 */
export function giveBackOfferUpdate(t: Omit<OfferTake, 'livePriceVnd'> & { lineTotalVnd: number }): UpdateParams {
  return {
    Key: offerKey(t.livestreamId, t.productId, t.variantId),
    UpdateExpression: `${t.hasQuota ? 'SET #left = #left + :q ' : ''}ADD soldUnits :nq, revenueVnd :nr, orderCount :none`,
    ConditionExpression: t.hasQuota ? 'attribute_exists(#left)' : 'attribute_exists(PK) AND attribute_not_exists(#left)',
    ExpressionAttributeNames: { '#left': 'left' },
    ExpressionAttributeValues: { ...(t.hasQuota ? { ':q': t.quantity } : {}), ':nq': -t.quantity, ':nr': -t.lineTotalVnd, ':none': -1 },
  };
}
