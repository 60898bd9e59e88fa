import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config';
import { DynamoAccountStore, type AccountStore } from './account-store';
import { sessionSecretFromConfig, type SessionSecretSource } from './session-secret';
import { DynamoSessionStore, type SessionStore } from './session-store';
import { DynamoThrottleStore, type ThrottleStore } from './throttle-store';

/** What identity needs from the outside world; time comes from `services.clock` at call time. */
export interface IdentityServices {
  accounts: AccountStore;
  sessions: SessionStore;
  throttles: ThrottleStore;
  sessionSecret: SessionSecretSource;
}

export function createIdentityServices(db: DynamoDBDocumentClient, config: AppConfig): IdentityServices {
  return {
    accounts: new DynamoAccountStore(db, config.tableName),
    sessions: new DynamoSessionStore(db, config.tableName),
    throttles: new DynamoThrottleStore(db, config.tableName),
    sessionSecret: sessionSecretFromConfig(config),
  };
}
