import type { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../time/clock';
import { snapshotLoader, tableLoader } from './index-loader';
import { parseS3Location, S3SnapshotStore } from './s3-snapshot-store';
import { SearchService } from './service';
import { FileSnapshotStore } from './snapshot-store';

/** How often a warm search container looks for a newer snapshot (one conditional GET). */
export const DEFAULT_REFRESH_SECONDS = 30;

export interface SearchWiring {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  region?: string | undefined;
  /** `s3://bucket/key` in AWS, `file:///path` to try snapshots locally; unset = build from the table. */
  snapshot?: string | undefined;
  refreshSeconds?: number | undefined;
  logger?: Pick<Logger, 'warn'> | undefined;
}

/**
 * Locally the index is built from the table on the first search and kept current by the write path
 * (indexing-stores.ts). In AWS it is the indexer's snapshot, re-checked every `refreshSeconds`; the
 * table is read only if no snapshot exists yet.
 */
export function createSearchService(w: SearchWiring): SearchService {
  const table = tableLoader(w.db, w.tableName);
  if (!w.snapshot) return new SearchService({ loader: table, clock: w.clock, logger: w.logger });
  const store = w.snapshot.startsWith('s3://')
    ? (() => {
        const { bucket, key } = parseS3Location(w.snapshot);
        return new S3SnapshotStore(new S3Client({ region: w.region }), bucket, key);
      })()
    : new FileSnapshotStore(new URL(w.snapshot).pathname);
  return new SearchService({
    loader: snapshotLoader(store, table),
    clock: w.clock,
    refreshSeconds: w.refreshSeconds ?? DEFAULT_REFRESH_SECONDS,
    logger: w.logger,
  });
}
