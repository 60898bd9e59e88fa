import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config';
import type { MediaBlobStore } from './blob-store';
import { MEDIA_PREFIX } from './image-keys';
import { LocalMediaStore } from './local-media-store';
import { S3BlobStore } from './s3-media-store';
import { S3UploadPresigner, type UploadPresigner } from './upload-presigner';
import { DynamoUploadStore, type UploadStore } from './upload-store';

export interface MediaServices {
  store: MediaBlobStore;
  uploads: UploadStore;
  /** Only with a bucket (AWS): locally images go through the synchronous upload route instead. */
  presigner?: UploadPresigner | undefined;
  /**
   * Private files (certificate evidence): a folder outside the served media root locally, a bucket
   * CloudFront never serves in AWS. Read back only through the authorised route. Undefined when not
   * configured (AWS without EVIDENCE_BUCKET): evidence is then refused plainly.
   */
  evidence?: MediaBlobStore | undefined;
}

export function createMediaServices(config: AppConfig, db: DynamoDBDocumentClient): MediaServices {
  const uploads = new DynamoUploadStore(db, config.tableName);
  if (!config.mediaBucket) return { store: new LocalMediaStore(config.mediaDir), uploads, evidence: new LocalMediaStore(config.evidenceDir) };
  const s3 = new S3Client({ region: config.region });
  return {
    store: new S3BlobStore(s3, config.mediaBucket, MEDIA_PREFIX),
    uploads,
    presigner: new S3UploadPresigner(s3, config.mediaBucket),
    // Evidence keys already start with EVIDENCE_PREFIX (evidence-keys.ts), the only prefix the API role may touch there.
    evidence: config.evidenceBucket ? new S3BlobStore(s3, config.evidenceBucket, '', 'private, no-store') : undefined,
  };
}
