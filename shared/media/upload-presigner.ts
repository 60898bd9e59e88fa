import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the browser must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadPresigner {
  presignPut(objectKey: string, now: Date): Promise<PresignedUpload>;
}

const EXPIRES_IN_SECONDS = 10 * 60;

/**
 * A presigned PUT cannot carry a content-length-range condition (only a POST policy can, and
 * @aws-sdk/s3-presigned-post is not a dependency): the 10 MB limit is enforced by the image
 * processor, which reads the object size from the event before downloading anything.
 */
export class S3UploadPresigner implements UploadPresigner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presignPut(objectKey: string, now: Date): Promise<PresignedUpload> {
    const url = await getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: objectKey }), {
      expiresIn: EXPIRES_IN_SECONDS,
      signingDate: now,
    });
    return { url, method: 'PUT', headers: {}, expiresAt: new Date(now.getTime() + EXPIRES_IN_SECONDS * 1000).toISOString() };
  }
}
