import type { ProductCard } from '../../shared/catalog/product';
import { summaryOf, type RatingSummary } from '../../shared/reviews/rules';
import type { Services } from '../../shared/services';

/**
 * Buyers' ratings of a page of cards: one BatchGetItem of their `RATING` items (docs/reviews.md R8),
 * none for an empty page. Products without a visible review are left out (their cards show nothing).
 */
export async function cardRatings(services: Pick<Services, 'reviews'>, cards: readonly ProductCard[]): Promise<Map<string, RatingSummary>> {
  if (cards.length === 0) return new Map();
  const aggregates = await services.reviews.productRatings(cards.map((c) => c.id));
  const out = new Map<string, RatingSummary>();
  for (const [id, a] of aggregates) if (a.count > 0) out.set(id, summaryOf(a));
  return out;
}
