/**
 * `npm run livestream:start-notices -- [--endpoint URL | --aws] [--table NAME] [--now ISO]`
 * Runs the start-notice job once (the LiveStartNotices Lambda runs it every minute; `npm start` every
 * minute too): lives the clock opened without a press of "start" notify their storefront's
 * followers. Rerunning is safe: each live is announced once.
 */
import { parseArgs } from 'node:util';
import { createServices } from '../app/create-services';
import { ConfigSchema } from '../shared/config';
import { sendStartNotices } from '../shared/livestream/start-notices';
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
  console.error(`[livestream:start-notices] ${message}`);
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
  console.log(`[livestream:start-notices] ${JSON.stringify(await sendStartNotices(services))}`);
} catch (error) {
  console.error(`[livestream:start-notices] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
