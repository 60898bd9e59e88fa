import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CatalogStore } from './catalog/catalog-store';
import { DynamoCatalogStore } from './catalog/dynamo-catalog-store';
import type { AppConfig } from './config';
import { createDocumentClient, createDynamoClient } from './db/client';
import { createIdentityServices, type IdentityServices } from './identity/identity-services';
import { createMediaServices, type MediaServices } from './media/media-services';
import type { CertificateStore } from './registry/certificate-store';
import { DynamoCertificateStore } from './registry/certificate-store';
import { DynamoRegistryStore, type RegistryStore } from './registry/registry-store';
import { createSearchService } from './search/create-search-service';
import { withProducerIndexing, withRegistryIndexing, withSearchIndexing } from './search/indexing-stores';
import type { SearchService } from './search/search-service';
import type { ProducerStore } from './storefront/producer-store';
import { DynamoProducerStore } from './storefront/producer-store';
import { systemClock, type Clock } from './time/clock';

/** Everything the app needs from the outside world, wired once at the edge. */
export interface Services {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  dynamo: DynamoDBClient;
  db: DynamoDBDocumentClient;
  catalog: CatalogStore;
  producers: ProducerStore;
  certificates: CertificateStore;
  registry: RegistryStore;
  identity: IdentityServices;
  /** Vietnamese full-text search over listed products and storefronts (docs/search.md). */
  search: SearchService;
  /** Image storage and presigned uploads; optional so hand-built test Services stay valid. */
  media?: MediaServices;
}

export function createServices(config: AppConfig, overrides: Partial<Pick<Services, 'clock' | 'logger' | 'dynamo'>> = {}): Services {
  const dynamo = overrides.dynamo ?? createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
  const db = createDocumentClient(dynamo);
  const logger =
    overrides.logger ??
    new Logger({ serviceName: 'ocop-market', logLevel: config.logLevel, persistentKeys: { stage: config.stage } });
  const clock = overrides.clock ?? systemClock;
  const search = createSearchService({ db, tableName: config.tableName, clock, region: config.region, snapshot: config.searchSnapshot, logger });
  return {
    config,
    clock,
    logger,
    dynamo,
    db,
    // The write paths tell this container's search index at once (other containers: the snapshot).
    catalog: withSearchIndexing(new DynamoCatalogStore(db, config.tableName), search),
    producers: withProducerIndexing(new DynamoProducerStore(db, config.tableName), search),
    certificates: new DynamoCertificateStore(db, config.tableName),
    registry: withRegistryIndexing(new DynamoRegistryStore(db, config.tableName), search),
    search,
    identity: createIdentityServices(db, config),
    media: createMediaServices(config, db),
  };
}
