import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUploadProcessor } from '../../functions/image-processor/process-upload';
import { DynamoUploadStore } from '../../shared/media/upload-store';
import type { UploadRecord } from '../../shared/media/upload-record';
import type { EdgeServices as Services } from '../../app/create-services';
import { createTestServices, silentLogger } from '../support/test-services';
import { jpeg, MemoryBlobStore } from './images';

const BUCKET = 'ocop-media-test';
const s3Mock = mockClient(S3Client);
let services: Services;
let uploads: DynamoUploadStore;
let n = 0;

beforeAll(async () => {
  services = await createTestServices();
  uploads = new DynamoUploadStore(services.db, services.config.tableName);
});
beforeEach(() => s3Mock.reset());

async function pending(producerId = 'htx-anh-a'): Promise<UploadRecord> {
  const id = `0b7c4d1e-1111-4222-8333-${String(++n).padStart(12, '0')}`;
  const record: UploadRecord = { id, producerId, purpose: 'product', alt: 'Trà shan tuyết', status: 'pending', createdAt: '2026-11-23T03:00:00.000Z', updatedAt: '2026-11-23T03:00:00.000Z' };
  await uploads.put(record);
  return record;
}

const event = (key: string, size: number): S3Event =>
  ({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: BUCKET }, object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size } } }] }) as unknown as S3Event;

function serve(bytes: Buffer) {
  // Only the stream method the processor uses; the SDK's stream mixin is not a direct dependency.
  const body = { transformToByteArray: async () => new Uint8Array(bytes) };
  s3Mock.on(GetObjectCommand).resolves({ Body: body as never });
  s3Mock.on(DeleteObjectCommand).resolves({});
}

function processor(media = new MemoryBlobStore()) {
  return { media, run: createUploadProcessor({ s3: new S3Client({ region: 'local' }), bucket: BUCKET, media, uploads, clock: services.clock, logger: silentLogger() }) };
}

const deletedKeys = () => s3Mock.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key);

describe('image processor Lambda (S3 ObjectCreated on uploads/)', () => {
  it('stores the variants, records the Image and deletes the raw upload', async () => {
    const upload = await pending();
    const bytes = await jpeg(1000, 800);
    serve(bytes);
    const { media, run } = processor();
    await run(event(`uploads/${upload.producerId}/${upload.id}`, bytes.length));

    const settled = await uploads.get(upload.id);
    expect(settled).toMatchObject({ status: 'processed', image: { width: 640, height: 512, widths: [320, 640], alt: 'Trà shan tuyết' } });
    expect(settled?.image?.key).toMatch(/^products\/htx-anh-a\/[0-9a-f-]{36}$/);
    expect([...media.objects.keys()].sort()).toEqual([`${settled!.image!.key}-320.webp`, `${settled!.image!.key}-640.webp`]);
    expect(deletedKeys()).toEqual([`uploads/${upload.producerId}/${upload.id}`]);
  });

  it('rejects a non-image with the reason, writes nothing and deletes the upload', async () => {
    const upload = await pending();
    serve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    const { media, run } = processor();
    await run(event(`uploads/${upload.producerId}/${upload.id}`, 40));
    expect(await uploads.get(upload.id)).toMatchObject({ status: 'rejected', reason: { code: 'IMAGE_NOT_AN_IMAGE' } });
    expect(media.objects.size).toBe(0);
    expect(deletedKeys()).toHaveLength(1);
  });

  it('rejects an oversized upload from the event alone, without downloading it', async () => {
    const upload = await pending();
    s3Mock.on(DeleteObjectCommand).resolves({});
    await processor().run(event(`uploads/${upload.producerId}/${upload.id}`, 11 * 1024 * 1024));
    expect(await uploads.get(upload.id)).toMatchObject({ status: 'rejected', reason: { code: 'IMAGE_TOO_LARGE' } });
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('drops an object no pending record vouches for (wrong producer in the key)', async () => {
    const upload = await pending('htx-anh-a');
    s3Mock.on(DeleteObjectCommand).resolves({});
    await processor().run(event(`uploads/htx-anh-b/${upload.id}`, 100));
    expect(await uploads.get(upload.id)).toMatchObject({ status: 'pending' });
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(deletedKeys()).toEqual([`uploads/htx-anh-b/${upload.id}`]);
  });

  it('throws on an S3 outage so Lambda retries, keeping the upload and the pending record', async () => {
    const upload = await pending();
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable' }));
    await expect(processor().run(event(`uploads/${upload.producerId}/${upload.id}`, 100))).rejects.toThrow('service unavailable');
    expect(await uploads.get(upload.id)).toMatchObject({ status: 'pending' });
    expect(deletedKeys()).toEqual([]);
  });

  it('throws when storing a variant fails, leaving no variant behind', async () => {
    const upload = await pending();
    const bytes = await jpeg(1000, 800);
    serve(bytes);
    const { media, run } = processor(new MemoryBlobStore(2));
    await expect(run(event(`uploads/${upload.producerId}/${upload.id}`, bytes.length))).rejects.toMatchObject({ code: 'MEDIA_STORE_UNAVAILABLE' });
    expect(media.objects.size).toBe(0);
    expect(await uploads.get(upload.id)).toMatchObject({ status: 'pending' });
  });
});
