/**
 * `npm run orders:release-unpaid -- [--endpoint URL | --aws] [--table NAME] [--now ISO]`
 * Runs the unpaid-order release once (the ReleaseUnpaidOrders Lambda runs the same code every 5
 * minutes; `npm start` every minute): VietQR/card sub-orders still unpaid 30 minutes after placement
 * are cancelled and their stock goes back. Rerunning is safe.
 */
import { parseArgs } from 'node:util';
import { createServices } from '../app/create-services';
import { ConfigSchema } from '../shared/config';
import { releaseUnpaid } from '../shared/orders/payment-expiry';
import { ManualClock, systemClock } from '../shared/time/clock';

const { values: args } = parseArgs({
  options: {
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'ocop-local' },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    aws: { type: 'boolean', default: false },
    now: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`[orders:release-unpaid] ${message}`);
  process.exit(1);
}

if (!args.endpoint && !args.aws) fail('pass --endpoint URL (DynamoDB Local, printed by npm start) or --aws');
if (args.endpoint && args.aws) fail('choose --aws or --endpoint, not both');
if (args.now && Number.isNaN(Date.parse(args.now))) fail('--now must be an ISO date-time');

const config = ConfigSchema.parse({
  tableName: args.table,
  dynamoEndpoint: args.endpoint,
  region: args.endpoint ? 'local' : process.env.AWS_REGION,
  stage: args.endpoint ? 'local' : 'prod',
  logLevel: 'WARN',
});
const services = createServices(config, { clock: args.now ? new ManualClock(args.now) : systemClock });
try {
  console.log(`[orders:release-unpaid] ${JSON.stringify(await releaseUnpaid(services))}`);
} catch (error) {
  console.error(`[orders:release-unpaid] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
