import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { MediaBlobStore } from './blob-store';
import type { MediaObject } from './media-store';

/**
 * Media in S3 under a prefix (`media/`), so a media key maps to the same URL path CloudFront
 * serves (/media/<key> → s3://bucket/media/<key>). Variants never change once written (new
 * uploads get new keys), hence the long immutable cache.
 */
export class S3BlobStore implements MediaBlobStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    readonly prefix: string,
    /** Served media is immutable and public; private files (evidence) pass `no-store`. */
    private readonly cacheControl = 'public, max-age=31536000, immutable',
  ) {}

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentType: contentType, CacheControl: this.cacheControl }),
    );
  }

  async get(key: string): Promise<MediaObject | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      if (!out.Body) return undefined;
      return { body: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
  }
}
