import type { Logger } from '@aws-lambda-powertools/logger';
import { DeleteObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { AppError } from '../../shared/http/errors';
import type { MediaBlobStore } from '../../shared/media/blob-store';
import { ImageTooLarge, MAX_IMAGE_BYTES } from '../../shared/media/image-errors';
import { newImageKey, parseUploadObjectKey } from '../../shared/media/image-keys';
import { processImage } from '../../shared/media/image-pipeline';
import type { UploadRecord } from '../../shared/media/upload-record';
import type { UploadStore } from '../../shared/media/upload-store';
import type { Clock } from '../../shared/time/clock';

export interface ProcessorDeps {
  s3: S3Client;
  bucket: string;
  /** Where variants go: the same bucket under `media/`. */
  media: MediaBlobStore;
  uploads: UploadStore;
  clock: Clock;
  logger: Logger;
}

/**
 * One raw upload → variants under media/, a settled UPLOAD# record, and the raw object gone.
 * A bad file is settled as rejected (the producer sees why); only our own failures throw, so
 * Lambda's retry of the async invocation is spent on what a retry can fix.
 */
export function createUploadProcessor(deps: ProcessorDeps) {
  return async (event: S3Event): Promise<void> => {
    for (const record of event.Records) await processRecord(deps, record);
  };
}

async function processRecord(deps: ProcessorDeps, record: S3EventRecord): Promise<void> {
  const { s3, bucket, logger } = deps;
  // S3 event keys are URL-encoded, with spaces as '+'.
  const objectKey = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  const removeRaw = () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
  const parsed = parseUploadObjectKey(objectKey);
  const upload = parsed ? await deps.uploads.get(parsed.uploadId) : undefined;
  // Only a URL the API issued can have put it there; anything else is dropped, not processed.
  if (!parsed || !upload || upload.producerId !== parsed.producerId || upload.status !== 'pending') {
    logger.warn('dropping an upload with no pending record', { objectKey });
    await removeRaw();
    return;
  }

  let settled: UploadRecord;
  try {
    // A presigned PUT has no size condition: the event's size is checked before any download.
    if (record.s3.object.size > MAX_IMAGE_BYTES) throw new ImageTooLarge(record.s3.object.size);
    const bytes = await download(s3, bucket, objectKey);
    const image = await processImage(deps.media, { bytes, key: newImageKey(upload.purpose, upload.producerId), alt: upload.alt });
    settled = { ...upload, status: 'processed', image, updatedAt: deps.clock.now().toISOString() };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    logger.info('upload rejected', { objectKey, code: error.code });
    settled = { ...upload, status: 'rejected', reason: { code: error.code, message: error.message }, updatedAt: deps.clock.now().toISOString() };
  }
  await deps.uploads.put(settled);
  await removeRaw();
}

async function download(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`empty body for ${key}`);
  const bytes = await out.Body.transformToByteArray();
  // The event's size can lag an overwrite; the bytes themselves are the last word.
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageTooLarge(bytes.length);
  return bytes;
}
