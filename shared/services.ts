import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from './config';
import type { Clock } from './time/clock';

/** What every capability may use: configuration, time and logging. */
export interface CoreServices {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
}

/**
 * Everything handlers reach through `c.get('services')`. Each capability adds its own members in its
 * `module.ts` (`declare module '../services' { interface Services { … } }`), so a new capability does
 * not edit this file; app/create-services.ts checks at compile time that the modules provide them all.
 * There is no raw DynamoDB client here: only stores touch the table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- widened by declaration merging
export interface Services extends CoreServices {}

/** What a module's services factory is given: the core plus the clients only stores may hold. */
export interface ServiceDeps extends CoreServices {
  dynamo: DynamoDBClient;
  db: DynamoDBDocumentClient;
  tableName: string;
}
