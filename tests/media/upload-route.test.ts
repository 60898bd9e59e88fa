import { readdir, rm } from 'node:fs/promises';
import { S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Image } from '../../shared/catalog/product';
import { S3UploadPresigner } from '../../shared/media/upload-presigner';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createLocalServerApp } from '../../app/local-server';
import { twoStorefronts, useTempMediaStore } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';
import { jpeg } from './images';

const A = 'htx-anh-a';
const B = 'htx-anh-b';

let services: Services;
let app: App;
let mediaDir: string;
let ownerA: TestAccount;
let ownerB: TestAccount;
let shopper: TestAccount;

beforeAll(async () => {
  services = await createTestServices();
  mediaDir = await useTempMediaStore(services, 'upload');
  app = createApp(services);
  ({ ownerA, ownerB } = await twoStorefronts(services, [A, B]));
  shopper = await createTestAccount(services, 'shopper');
});
afterAll(() => rm(mediaDir, { recursive: true, force: true }));

function upload(file: Blob | undefined, who?: TestAccount, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ producerId: A, purpose: 'product', alt: 'Mật ong bạc hà', ...fields })) form.set(k, v);
  if (file) form.set('file', file, 'anh.jpg');
  return app.request('/api/media/images', { method: 'POST', headers: { accept: 'application/json', ...who?.bearer }, body: form });
}

const files = async () => (await readdir(mediaDir, { recursive: true })).filter((f) => f.endsWith('.webp'));

describe('POST /api/media/images (multipart)', () => {
  it('stores the owner\'s photo and the URLs the pages build resolve on the local server', async () => {
    // ~100 KB+ of noise: well past the 64 KB API body limit the route is exempt from.
    const noisy = await sharp(Buffer.from(Array.from({ length: 400 * 300 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 400, height: 300, channels: 3 } })
      .resize(1600, 1200)
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(100 * 1024);
    const res = await upload(new Blob([noisy], { type: 'image/jpeg' }), ownerA);
    expect(res.status, await res.clone().text()).toBe(201);
    const image = (await res.json()) as Image;
    expect(image.key).toMatch(new RegExp(`^products/${A}/[0-9a-f-]{36}$`));
    expect(image).toMatchObject({ width: 1280, height: 960, widths: [320, 640, 1280], alt: 'Mật ong bạc hà' });

    const server = createLocalServerApp(services, { mediaDir, staticDir: mediaDir });
    for (const w of image.widths) {
      const served = await server.request(`${services.config.mediaBaseUrl}/${image.key}-${w}.webp`);
      expect(served.status).toBe(200);
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(w);
    }
  });

  it.each([
    ['anonymous', undefined, 401],
    ['a shopper', 'shopper', 403],
    ["another storefront's producer", 'ownerB', 403],
  ] as const)('refuses %s with %i, storing nothing', async (_label, who, status) => {
    const before = await files();
    const caller = who === 'shopper' ? shopper : who === 'ownerB' ? ownerB : undefined;
    const res = await upload(new Blob([new Uint8Array(await jpeg(400, 300))]), caller);
    expect(res.status).toBe(status);
    await expectErrorShape(res);
    expect(await files()).toEqual(before);
  });

  it.each([
    ['text', new Blob(['xin chào']), 400, 'IMAGE_NOT_AN_IMAGE'],
    ['SVG', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }), 400, 'IMAGE_NOT_AN_IMAGE'],
    ['no file', undefined, 400, 'IMAGE_FILE_MISSING'],
  ] as const)('answers %s with a typed 4xx', async (_label, file, status, code) => {
    const before = await files();
    const res = await upload(file, ownerA);
    expect(res.status).toBe(status);
    await expectErrorShape(res, code);
    expect(await files()).toEqual(before);
  });

  it('refuses an unknown purpose in the shared error shape', async () => {
    const res = await upload(new Blob([new Uint8Array(await jpeg(400, 300))]), ownerA, { purpose: 'avatar' });
    expect(res.status).toBe(400);
    await expectErrorShape(res, 'INVALID_INPUT');
  });

  it('refuses a body over 10 MB with 413', async () => {
    const res = await upload(new Blob([new Uint8Array(11 * 1024 * 1024).fill(1)]), ownerA);
    expect(res.status).toBe(413);
    await expectErrorShape(res, 'PAYLOAD_TOO_LARGE');
  });

  it('keeps the 64 KB limit on every other API route', async () => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    await expectErrorShape(res, 'PAYLOAD_TOO_LARGE');
  });
});

describe('OpenAPI', () => {
  it('documents the multipart upload, the presign and the poll routes', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    expect(Object.keys(doc.paths['/api/media/images']!.post!.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/media/uploads']!.post).toBeDefined();
    expect(doc.paths['/api/media/uploads/{id}']!.get).toBeDefined();
  });
});

describe('presigned uploads', () => {
  let aws: App;
  beforeAll(() => {
    // Presigning is local computation: fake credentials, no network.
    const s3 = new S3Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test-secret' } });
    aws = createApp({ ...services, media: { ...services.media!, presigner: new S3UploadPresigner(s3, 'ocop-media-test') } });
  });

  const start = (who?: TestAccount, producerId = A) =>
    aws.request('/api/media/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...who?.bearer },
      body: JSON.stringify({ producerId, purpose: 'logo', alt: 'Logo' }),
    });

  it('gives the owner a signed PUT for uploads/<producer>/<id> and a pending record to poll', async () => {
    const res = await start(ownerA);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { upload: { id: string; status: string }; put: { url: string; method: string }; maxBytes: number };
    expect(body.upload.status).toBe('pending');
    expect(body.maxBytes).toBe(10 * 1024 * 1024);
    const url = new URL(body.put.url);
    expect(url.pathname).toBe(`/uploads/${A}/${body.upload.id}`);
    expect(url.hostname).toContain('ocop-media-test');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

    const poll = await aws.request(`/api/media/uploads/${body.upload.id}`, { headers: ownerA.bearer });
    expect(poll.status).toBe(200);
    expect(await poll.json()).toMatchObject({ id: body.upload.id, producerId: A, purpose: 'logo', status: 'pending' });
    const other = await aws.request(`/api/media/uploads/${body.upload.id}`, { headers: ownerB.bearer });
    expect(other.status).toBe(403);
    await expectErrorShape(other);
  });

  it('refuses another storefront, and the direct route refuses here (the API Lambda has no sharp)', async () => {
    expect((await start(ownerB)).status).toBe(403);
    expect((await start(undefined)).status).toBe(401);
    const direct = await aws.request('/api/media/images', { method: 'POST', headers: ownerA.bearer, body: new FormData() });
    expect(direct.status).toBe(409);
    await expectErrorShape(direct, 'USE_PRESIGNED_UPLOAD');
  });

  it('404s an unknown upload id', async () => {
    const res = await aws.request('/api/media/uploads/0b7c4d1e-1111-4222-8333-944445555666', { headers: ownerA.bearer });
    expect(res.status).toBe(404);
    await expectErrorShape(res, 'UPLOAD_NOT_FOUND');
  });
});
