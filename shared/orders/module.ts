import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { ADDRESS_PREFIX, IDEMPOTENCY_PREFIX, ORDER_NOTICE_PREFIX, ORDER_PREFIX, orderQueueIndex, PAYMENT_EVENT_PREFIX, paymentDueIndex, provinceOrdersIndex } from './keys';
import { DynamoOrderStore } from './order-store';
import { orderRoutes } from './routes';
import { webhookRoutes } from './webhook-routes';

declare module '../services' {
  interface Services {
    orders: DynamoOrderStore;
  }
}

/** Orders, sub-orders per storefront, their state machine, stock reservation and payments (docs/orders.md). */
export const ordersModule = defineModule({
  name: 'orders',
  keyPrefixes: [ORDER_PREFIX, IDEMPOTENCY_PREFIX, ORDER_NOTICE_PREFIX, PAYMENT_EVENT_PREFIX, ADDRESS_PREFIX],
  api: () => orderRoutes().route('/', webhookRoutes()),
  services: (deps) => ({ orders: new DynamoOrderStore(deps.db, deps.tableName) }),
  indexes: [ownerIndex, orderQueueIndex, provinceOrdersIndex, paymentDueIndex],
  // Order notices go out 25 per BatchWriteItem.
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem', 'BatchWriteItem'],
  jobs: [
    {
      id: 'ReleaseUnpaidOrders',
      description: 'Ocop market: cancel transfer/card sub-orders unpaid after 30 minutes and give their stock back',
      entry: 'functions/order-jobs/release-unpaid-handler.ts',
      schedule: { minute: '*/5', hour: '*' },
      timeoutMinutes: 5,
      // Reads the due index, moves sub-orders (order partitions), gives stock back (product items) and
      // live quota back (livestream offers), and takes cancelled lines out of fair figures (fair offers).
      tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem'],
      leadingKeys: ['ORDER#*', 'PRODUCT#*', 'ORDERNOTE#*', 'LIVEQ#*', 'FAIRQ#*'],
      indexQueries: [paymentDueIndex.indexName],
      localCommand: 'npm run orders:release-unpaid',
    },
  ],
});
