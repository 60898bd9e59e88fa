import { defineModule } from '../module/define-module';
import { LIVE_OFFER_PREFIX, LIVE_PREFIX, livesIndex, producerLivesIndex } from './keys';
import { livestreamRoutes } from './routes';
import { DynamoLivestreamStore } from './store';
import { DynamoLiveFollowStore, LIVE_FOLLOW_PREFIX, LIVE_NOTICE_PREFIX } from './follows';

declare module '../services' {
  interface Services {
    livestreams: DynamoLivestreamStore;
    liveFollows: DynamoLiveFollowStore;
  }
}

/**
 * Livestream sales (docs/livestream.md): scheduled lives on the producers' platforms, live-only
 * prices with quotas taken at checkout in the order's own transaction (shared/orders reads the
 * offers through `services.livestreams` and the update builders in offer-updates.ts).
 */
export const livestreamModule = defineModule({
  name: 'livestream',
  keyPrefixes: [LIVE_PREFIX, LIVE_OFFER_PREFIX, LIVE_FOLLOW_PREFIX, LIVE_NOTICE_PREFIX],
  api: livestreamRoutes,
  services: (deps) => ({ livestreams: new DynamoLivestreamStore(deps.db, deps.tableName), liveFollows: new DynamoLiveFollowStore(deps.db, deps.tableName) }),
  indexes: [livesIndex, producerLivesIndex],
  // Reads products and price history (catalogue), writes the live and its offers in one transaction;
  // the start notices go out 25 per BatchWriteItem.
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
  jobs: [
    {
      id: 'LiveStartNotices',
      description: 'Ocop market: tell followers when the clock opens a live nobody pressed start on',
      entry: 'functions/livestream-jobs/start-notices-handler.ts',
      schedule: { minute: '*', hour: '*' },
      timeoutMinutes: 1,
      // Reads the active-lives index, marks the live (its own item), reads followers, writes notices.
      tableActions: ['Query', 'PutItem', 'BatchWriteItem'],
      leadingKeys: [`${LIVE_PREFIX}*`, `${LIVE_FOLLOW_PREFIX}*`, `${LIVE_NOTICE_PREFIX}*`],
      indexQueries: [livesIndex.indexName],
      localCommand: 'npm run livestream:start-notices',
    },
  ],
});
