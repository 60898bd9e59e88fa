import { defineModule } from '../module/define-module';
import { REVIEW_PREFIX, producerReviewsIndex, reportedReviewsIndex, reviewsHelpfulIndex, reviewsNewestIndex } from './keys';
import { REVIEW_PHOTO_UPLOAD_PATH } from './photo-routes';
import { reviewRoutes } from './routes';
import { DynamoReviewStore } from './store';

declare module '../services' {
  interface Services {
    reviews: DynamoReviewStore;
  }
}

/**
 * Reviews and ratings from verified buyers (docs/reviews.md). It owns the REVIEW# partitions and the
 * RATING items it keeps in the product's and the storefront's partitions (never their main items).
 */
export const reviewsModule = defineModule({
  name: 'reviews',
  keyPrefixes: [REVIEW_PREFIX],
  api: reviewRoutes,
  // The photo upload carries a file and sets its own 10 MB limit (photo-routes.ts).
  ownBodyLimitPaths: [REVIEW_PHOTO_UPLOAD_PATH],
  services: (deps) => ({ reviews: new DynamoReviewStore(deps.db, deps.tableName) }),
  indexes: [reviewsNewestIndex, reviewsHelpfulIndex, reportedReviewsIndex, producerReviewsIndex],
  // Reads the order (Query) and the product (GetItem); writes review, report/log and aggregates in one transaction.
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
});
