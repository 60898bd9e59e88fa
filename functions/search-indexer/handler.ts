import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { createDocumentClient, createDynamoClient } from '../../shared/db/client';
import { tableLoader } from '../../shared/search/index-loader';
import { createIndexer, type IndexerEvent } from '../../shared/search/indexer';
import { parseS3Location, S3SnapshotStore } from '../../shared/search/s3-snapshot-store';

// Built once per container: the indexer keeps the last snapshot in memory between batches.
const logger = new Logger({ serviceName: 'ocop-search-indexer' });
const { bucket, key } = parseS3Location(process.env.SEARCH_SNAPSHOT ?? '');
const db = createDocumentClient(createDynamoClient({ region: process.env.AWS_REGION }));
const table = tableLoader(db, process.env.TABLE_NAME ?? '');
const indexer = createIndexer({
  store: new S3SnapshotStore(new S3Client({}), bucket, key),
  rebuild: async () => {
    const loaded = await table.load();
    if (loaded === 'unchanged') throw new Error('unreachable: a table load always builds');
    return loaded.index;
  },
  logger,
});

export const handler = async (event: IndexerEvent) => {
  await indexer(event);
};
