import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SnapshotObject, SnapshotStore } from './snapshot-store';

/**
 * The snapshot in S3. A reader holding version V sends `If-None-Match: V`: an unchanged snapshot costs
 * one GET answered 304 with no body, so checking every 30 s per warm container is ~$0.001 a day.
 */
export class S3SnapshotStore implements SnapshotStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async read(knownVersion?: string): Promise<SnapshotObject | 'unchanged' | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key, IfNoneMatch: knownVersion }));
      if (!out.Body || !out.ETag) throw new Error('S3 answered a snapshot without body or ETag');
      return { body: await out.Body.transformToByteArray(), version: out.ETag };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 304) return 'unchanged';
      throw error;
    }
  }

  async write(body: Uint8Array): Promise<string> {
    const out = await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: body, ContentType: 'application/gzip' }),
    );
    if (!out.ETag) throw new Error('S3 stored the snapshot without an ETag');
    return out.ETag;
  }
}

/** "s3://bucket/key" → bucket and key. */
export function parseS3Location(location: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!m) throw new Error(`Not an s3://bucket/key location: ${location}`);
  return { bucket: m[1]!, key: m[2]! };
}
