import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../shared/config';
import { createDocumentClient, createDynamoClient } from '../shared/db/client';
import type { CoreServices, ServiceDeps, Services } from '../shared/services';
import { systemClock, type Clock } from '../shared/time/clock';
import { moduleList, type Modules } from './modules';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Built<M> = M extends { readonly services: (...args: never[]) => infer S } ? S : never;
type Provided = UnionToIntersection<Built<Modules[number]>>;
/** Members some module augments `Services` with but no module's factory builds: must stay empty. */
type Unbuilt = Exclude<{ [K in keyof Services]-?: undefined extends Services[K] ? never : K }[keyof Services], keyof CoreServices | keyof Provided>;
const everyServiceBuilt: [Unbuilt] extends [never] ? true : { missing: Unbuilt } = true;
void everyServiceBuilt;

/** What scripts and tests at the edge also get: the clients the stores were built on. */
export type EdgeServices = Services & { readonly dynamo: DynamoDBClient; readonly db: DynamoDBDocumentClient };

/**
 * Everything the app needs from the outside world, wired once at the edge: each module builds its
 * members in list order, then each module's search hooks wrap its write paths.
 */
export function createServices(
  config: AppConfig,
  overrides: Partial<{ clock: Clock; logger: Logger; dynamo: DynamoDBClient }> = {},
): EdgeServices {
  const dynamo = overrides.dynamo ?? createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
  const db = createDocumentClient(dynamo);
  const logger =
    overrides.logger ??
    new Logger({ serviceName: 'ocop-market', logLevel: config.logLevel, persistentKeys: { stage: config.stage } });
  const clock = overrides.clock ?? systemClock;
  const deps: ServiceDeps = { config, clock, logger, dynamo, db, tableName: config.tableName };
  const services = { config, clock, logger } as Services;
  for (const m of moduleList) if (m.services) Object.assign(services, m.services(deps));
  for (const m of moduleList) if (m.searchHooks) Object.assign(services, m.searchHooks(services));
  return Object.assign(services, { dynamo, db });
}
