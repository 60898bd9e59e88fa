import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { LoadedIndex } from './index-loader';
import type { SearchIndex } from './search-index';
import { applyChange } from './service';
import { decodeSnapshot, encodeSnapshot, type SnapshotStore } from './snapshot-store';
import { changeOf, newestChangeAt } from './stream-changes';

export interface IndexerDeps {
  store: SnapshotStore;
  /** A whole new index from the table (first run, nightly repair). */
  rebuild: () => Promise<SearchIndex>;
  logger?: Pick<Logger, 'info'> | undefined;
}

export interface IndexerResult {
  applied: number;
  products: number;
  producers: number;
  bytes: number;
  version: string;
}

/** A scheduled event (EventBridge) asks for a full rebuild; a stream batch is applied as a patch. */
export type IndexerEvent = DynamoDBStreamEvent | { source: 'aws.events' } | { rebuild: true };

const isStream = (e: IndexerEvent): e is DynamoDBStreamEvent => 'Records' in e;

/**
 * The one writer of the search snapshot (reserved concurrency 1 in CDK). Keeps the last snapshot
 * in memory between invocations and re-reads it only if someone else changed it (conditional GET),
 * applies the batch, and writes one new snapshot per batch — so the cost per update is one PUT per
 * batching window, whatever the number of changes in it.
 */
export function createIndexer(deps: IndexerDeps) {
  let held: LoadedIndex | undefined;

  async function current(): Promise<SearchIndex> {
    const found = await deps.store.read(held?.version);
    if (found === 'unchanged') return held!.index;
    if (found) {
      held = { index: decodeSnapshot(found.body), version: found.version };
      return held.index;
    }
    return deps.rebuild();
  }

  return async function handle(event: IndexerEvent): Promise<IndexerResult> {
    let index: SearchIndex;
    let applied = 0;
    if (isStream(event)) {
      index = await current();
      for (const record of event.Records) {
        const change = changeOf(record);
        if (!change) continue;
        applyChange(index, change);
        applied++;
      }
      const newest = newestChangeAt(event.Records);
      if (newest && newest > index.builtAt) index.builtAt = newest;
    } else {
      index = await deps.rebuild();
    }
    await index.compact();
    const body = encodeSnapshot(index);
    const version = await deps.store.write(body);
    held = { index, version };
    const result = { applied, products: index.productCount, producers: index.producerCount, bytes: body.byteLength, version };
    deps.logger?.info('search snapshot written', { ...result });
    return result;
  };
}
