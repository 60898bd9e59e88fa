import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readCatalogForIndex } from './index-source';
import { SearchIndex } from './search-index';
import { decodeSnapshot, type SnapshotStore } from './snapshot-store';

export interface LoadedIndex {
  index: SearchIndex;
  version: string;
}

/** Where a search container gets its index from. */
export interface IndexLoader {
  /** A fresh index, or `'unchanged'` when `knownVersion` is still current. */
  load(knownVersion?: string): Promise<LoadedIndex | 'unchanged'>;
}

/** Built from the table (local runs; and the fallback before the first snapshot exists). */
export function tableLoader(db: DynamoDBDocumentClient, tableName: string): IndexLoader {
  return {
    async load() {
      // Taken before reading, so writes made while the read runs are replayed on top (search-service.ts).
      const builtAt = new Date().toISOString();
      const content = await readCatalogForIndex(db, tableName);
      return { index: SearchIndex.build({ ...content, builtAt }), version: `table:${builtAt}` };
    },
  };
}

/** From the snapshot the indexer writes; until there is one, from the table. */
export function snapshotLoader(store: SnapshotStore, fallback?: IndexLoader): IndexLoader {
  return {
    async load(knownVersion) {
      const found = await store.read(knownVersion?.startsWith('table:') ? undefined : knownVersion);
      if (found === 'unchanged') return 'unchanged';
      if (found) return { index: decodeSnapshot(found.body), version: found.version };
      if (!fallback) throw new Error('No search snapshot has been written yet');
      return knownVersion ? 'unchanged' : fallback.load();
    },
  };
}
