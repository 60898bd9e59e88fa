import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../shared/config';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import type { ServiceDeps, Services } from '../shared/services';
import { systemClock, type Clock } from '../shared/time/clock';
import type { AppModule } from './app-module';

/** What scripts and tests at the edge also get: the clients the stores were built on. */
export type EdgeServices = Services & { readonly dynamo: DynamoDBClient; readonly db: DynamoDBDocumentClient };

/**
 * Everything the app needs from the outside world, wired once at the edge: each module builds its
 * members in list order, then each module's search hooks wrap its write paths.
 */
export function composeServices(
  config: AppConfig,
  overrides: Partial<{ clock: Clock; logger: Logger; dynamo: DynamoDBClient }>,
  /** A function that serves part of the app builds only its modules' services (app/functions.ts). */
  modules: readonly AppModule[],
): EdgeServices {
  const dynamo = overrides.dynamo ?? createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
  const db = createDocumentClient(dynamo);
  const logger =
    overrides.logger ??
    new Logger({ serviceName: 'ocop-market', logLevel: config.logLevel, persistentKeys: { stage: config.stage } });
  const clock = overrides.clock ?? systemClock;
  const deps: ServiceDeps = { config, clock, logger, dynamo, db, tableName: config.tableName };
  const services = { config, clock, logger } as Services;
  for (const m of modules) if (m.services) Object.assign(services, m.services(deps));
  for (const m of modules) if (m.searchHooks) Object.assign(services, m.searchHooks(services));
  return Object.assign(services, { dynamo, db });
}
