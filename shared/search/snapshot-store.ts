import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SearchIndex, type IndexSnapshot } from './search-index';

/**
 * Where the serialised index lives between the indexer and the search Lambdas: S3 in AWS
 * (s3-snapshot-store.ts), a file locally, memory in tests. `version` is opaque (the S3 ETag), so a
 * reader asks "has it changed since the version I hold?" for the price of one conditional GET.
 */
export interface SnapshotObject {
  body: Uint8Array;
  version: string;
}

export interface SnapshotStore {
  /** The snapshot, `'unchanged'` when its version is `knownVersion`, undefined when none was written yet. */
  read(knownVersion?: string): Promise<SnapshotObject | 'unchanged' | undefined>;
  /** Stores a new snapshot and returns its version. */
  write(body: Uint8Array): Promise<string>;
}

/** gzip of the JSON: ~6× smaller, and inflating costs less than the transfer it saves. */
export function encodeSnapshot(index: SearchIndex): Buffer {
  return gzipSync(JSON.stringify(index.toSnapshot()), { level: 6 });
}

export function decodeSnapshot(body: Uint8Array): SearchIndex {
  return SearchIndex.fromSnapshot(JSON.parse(gunzipSync(body).toString('utf8')) as IndexSnapshot);
}

export class MemorySnapshotStore implements SnapshotStore {
  private current: SnapshotObject | undefined;
  private writes = 0;
  reads = 0;

  async read(knownVersion?: string): Promise<SnapshotObject | 'unchanged' | undefined> {
    this.reads++;
    if (!this.current) return undefined;
    return this.current.version === knownVersion ? 'unchanged' : this.current;
  }

  async write(body: Uint8Array): Promise<string> {
    this.current = { body, version: `mem-${++this.writes}` };
    return this.current.version;
  }
}

/** Local runs: a file, replaced atomically (write then rename) so a reader never sees half a snapshot. */
export class FileSnapshotStore implements SnapshotStore {
  constructor(private readonly path: string) {}

  async read(knownVersion?: string): Promise<SnapshotObject | 'unchanged' | undefined> {
    let info;
    try {
      info = await stat(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const version = `${info.mtimeMs}-${info.size}`;
    if (version === knownVersion) return 'unchanged';
    return { body: await readFile(this.path), version };
  }

  async write(body: Uint8Array): Promise<string> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, this.path);
    const info = await stat(this.path);
    return `${info.mtimeMs}-${info.size}`;
  }
}
