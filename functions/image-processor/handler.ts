import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { createDocumentClient, createDynamoClient } from '../../shared/db/client';
import { MEDIA_PREFIX } from '../../shared/media/image-keys';
import { S3BlobStore } from '../../shared/media/s3-media-store';
import { DynamoUploadStore } from '../../shared/media/upload-store';
import { systemClock } from '../../shared/time/clock';
import { createUploadProcessor } from './process-upload';

// Built once per container; warm invocations reuse the clients.
const bucket = process.env.MEDIA_BUCKET ?? '';
const s3 = new S3Client({});
const db = createDocumentClient(createDynamoClient({ region: process.env.AWS_REGION }));
const processUpload = createUploadProcessor({
  s3,
  bucket,
  media: new S3BlobStore(s3, bucket, MEDIA_PREFIX),
  uploads: new DynamoUploadStore(db, process.env.TABLE_NAME ?? ''),
  clock: systemClock,
  logger: new Logger({ serviceName: 'ocop-image-processor' }),
});

export const handler = (event: S3Event) => processUpload(event);
