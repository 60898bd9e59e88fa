/**
 * The shared front of `npm run <module>:<job>` commands: parse `--endpoint URL | --aws`, `--table`,
 * `--now ISO`, build the services exactly as the job's Lambda does, run the job once and print its
 * report. A job's own script is then one call.
 */
import { parseArgs } from 'node:util';
import { createServices, type EdgeServices } from '../app/create-services';
import { ConfigSchema } from '../shared/config';
import { ManualClock, systemClock } from '../shared/time/clock';

export async function runJobOnce(name: string, job: (services: EdgeServices) => Promise<unknown>): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      table: { type: 'string', default: process.env.TABLE_NAME ?? 'ocop-local' },
      endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
      aws: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  const fail = (message: string): never => {
    console.error(`[${name}] ${message}`);
    process.exit(1);
  };
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
    console.log(`[${name}] ${JSON.stringify(await job(services))}`);
  } catch (error) {
    console.error(`[${name}] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
