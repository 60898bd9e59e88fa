import { Logger } from '@aws-lambda-powertools/logger';
import { jobConfigFromEnv } from '../../shared/config';
import { createDocumentClient, createDynamoClient } from '../../shared/db/client';
import { runExpiryJob } from '../../shared/registry/expiry-job';
import { systemClock } from '../../shared/time/clock';

// Built once per container; the job needs only the table, not the whole app's services.
const config = jobConfigFromEnv();
const db = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
const logger = new Logger({ serviceName: 'ocop-registry-jobs' });

/** EventBridge daily: expiry notices and lapse marks. Safe to rerun: every write is conditional. */
export const handler = async (): Promise<void> => {
  const report = await runExpiryJob({ db, tableName: config.tableName, clock: systemClock });
  logger.info('certificate expiry job done', { ...report });
};
