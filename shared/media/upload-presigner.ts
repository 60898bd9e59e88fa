import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { MAX_IMAGE_BYTES } from './image-errors';

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the browser must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

/** An HTML form straight to S3: `url` is its action, `fields` its hidden inputs, then the `file` input last. */
export interface PresignedPostForm {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export interface UploadPresigner {
  presignPut(objectKey: string, now: Date): Promise<PresignedUpload>;
  /** A browser form POST (no JavaScript): S3 itself refuses a file over 10 MB, then redirects to `redirectUrl`. */
  presignPost(objectKey: string, redirectUrl: string, now: Date): Promise<PresignedPostForm>;
}

const EXPIRES_IN_SECONDS = 10 * 60;
/**
 * The dashboard's form is signed when the edit page is rendered, and the producer may take a while
 * to pick a photo: an hour, after which S3 refuses the post ("Policy expired") and a reload signs anew.
 */
export const POST_EXPIRES_IN_SECONDS = 60 * 60;

/**
 * Presigned PUT (the API, for clients with JavaScript) and presigned POST (the dashboard's plain form).
 * A PUT cannot carry a content-length-range condition, so for PUTs the 10 MB limit is enforced by the
 * image processor (it reads the object size from the event before downloading anything); a POST
 * policy carries it, so S3 refuses a larger file before storing it. Both can only write the one key.
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

  async presignPost(objectKey: string, redirectUrl: string, now: Date): Promise<PresignedPostForm> {
    // createPresignedPost signs with the SDK's clock (Date.now()), not ours; `now` only dates expiresAt.
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: objectKey,
      // Fields become exact-match conditions too: the redirect cannot be swapped for another site.
      Fields: { success_action_redirect: redirectUrl },
      Conditions: [['content-length-range', 1, MAX_IMAGE_BYTES]],
      Expires: POST_EXPIRES_IN_SECONDS,
    });
    return { url, fields, expiresAt: new Date(now.getTime() + POST_EXPIRES_IN_SECONDS * 1000).toISOString() };
  }
}
