/**
 * `npm run registry:expire -- [--endpoint URL | --aws] [--table NAME] [--now ISO] [--lookback N]`
 * Runs the certificate expiry job once (the daily Lambda runs the same code): writes the due
 * 90/30/7-day and "expired" notices for producers and marks lapsed certificates. Rerunning is safe.
 * Database: --endpoint / DYNAMODB_ENDPOINT (e.g. the DynamoDB Local of `npm start`), or --aws for the
 * account of the default credential chain. Table: --table / TABLE_NAME, default `ocop-local`.
 * --now pins the clock (to rehearse a date); --lookback reads that many past months (default 1).
 */
import { parseArgs } from 'node:util';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import { runExpiryJob } from '../shared/registry/expiry-job';
import { ManualClock, systemClock } from '../shared/time/clock';

const { values: args } = parseArgs({
  options: {
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'ocop-local' },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    aws: { type: 'boolean', default: false },
    now: { type: 'string' },
    lookback: { type: 'string', default: '1' },
  },
});

function fail(message: string): never {
  console.error(`[registry:expire] ${message}`);
  process.exit(1);
}

if (!args.endpoint && !args.aws) fail('pass --endpoint URL (DynamoDB Local) or --aws');
if (args.endpoint && args.aws) fail('choose --aws or --endpoint, not both');
const lookbackMonths = Number(args.lookback);
if (!Number.isInteger(lookbackMonths) || lookbackMonths < 0 || lookbackMonths > 36) fail('--lookback must be an integer 0–36');
if (args.now && Number.isNaN(Date.parse(args.now))) fail('--now must be an ISO date-time');

const db = createDocumentClient(createDynamoClient({ endpoint: args.endpoint, region: args.endpoint ? 'local' : process.env.AWS_REGION }));
const clock = args.now ? new ManualClock(args.now) : systemClock;
try {
  const report = await runExpiryJob({ db, tableName: args.table, clock }, { lookbackMonths });
  console.log(`[registry:expire] ${JSON.stringify(report)}`);
} catch (error) {
  console.error(`[registry:expire] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
