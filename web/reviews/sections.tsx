import { reviewView } from '../../shared/reviews/review';
import { summaryOf } from '../../shared/reviews/rules';
import type { Services } from '../../shared/services';
import { ProductReviews } from './review-section';

/** The newest visible reviews shown on a product page. */
export const PRODUCT_PAGE_REVIEWS = 10;

/** The product page's reviews: 1 GetItem (the aggregate) + 1 Query (GSI1), in parallel. */
export async function productReviewsSection(services: Pick<Services, 'reviews' | 'config'>, productId: string) {
  const [rating, page] = await Promise.all([
    services.reviews.productRating(productId),
    services.reviews.listReviews({ productId, sort: 'newest', limit: PRODUCT_PAGE_REVIEWS }),
  ]);
  return <ProductReviews summary={summaryOf(rating)} items={page.items.map((r) => reviewView(r, services.config.mediaBaseUrl))} />;
}
