/**
 * `npm run orders:release-unpaid -- [--endpoint URL | --aws] [--table NAME] [--now ISO]`
 * Runs the unpaid-order release once (the ReleaseUnpaidOrders Lambda runs the same code every 5
 * minutes; `npm start` every minute): VietQR/card sub-orders still unpaid 30 minutes after placement
 * are cancelled and their stock goes back. Rerunning is safe.
 */
import { releaseUnpaid } from '../shared/orders/payment-expiry';
import { runJobOnce } from './run-job-once';

await runJobOnce('orders:release-unpaid', releaseUnpaid);
