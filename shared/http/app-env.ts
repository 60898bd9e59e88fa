import type { Logger } from '@aws-lambda-powertools/logger';
import type { Services } from '../services';

/** What every handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    services: Services;
  };
}
