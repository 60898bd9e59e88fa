import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Product } from '../../shared/catalog/product';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { ORIGIN, postForm } from '../identity/http';
import { png } from '../media/images';
import { makeProducer } from '../support/catalog-fixtures';
import { createTestServices } from '../support/test-services';
import { draftProductOf } from './fixtures';

const A = 'htx-anh-trang-a';
const B = 'htx-anh-trang-b';

describe('product images from the edit page (multipart form)', () => {
  let services: Services;
  let app: App;
  let mediaDir: string;
  let ownerA: TestAccount;
  let ownerB: TestAccount;

  beforeAll(async () => {
    services = await createTestServices();
    mediaDir = await mkdtemp(join(tmpdir(), 'ocop-web-upload-'));
    services.media = { store: new LocalMediaStore(mediaDir), uploads: services.media!.uploads };
    app = createApp(services);
    for (const id of [A, B]) await services.producers.createProducer(makeProducer({ id, name: `Cơ sở ${id}` }));
    ownerA = await createTestAccount(services, 'producer', { producerId: A });
    ownerB = await createTestAccount(services, 'producer', { producerId: B });
  });
  afterAll(() => rm(mediaDir, { recursive: true, force: true }));

  /** As a browser sends the form: multipart, with the page's Origin (the CSRF check applies to multipart too). */
  function upload(productId: string, file: Blob | undefined, who: TestAccount, fields: Record<string, string> = {}, origin = ORIGIN) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set('file', file, 'anh.png');
    return app.request(`/co-so-cua-toi/san-pham/${productId}/anh`, { method: 'POST', headers: { accept: 'text/html', origin, ...who.cookie }, body: form });
  }
  const product = async (id: string) => (await services.catalog.getProduct(id)) as Product;
  const files = async () => (await readdir(mediaDir, { recursive: true })).filter((f) => f.endsWith('.webp'));

  it('runs a real PNG through the image pipeline, appends it to the product and shows the thumbnail', async () => {
    const p = await draftProductOf(services, A);
    const res = await upload(p.id, new Blob([new Uint8Array(await png(800, 600))], { type: 'image/png' }), ownerA, { alt: 'Hũ mật ong nhãn xanh' });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=anh`);

    const saved = await product(p.id);
    expect(saved.images).toHaveLength(1);
    const image = saved.images[0]!;
    expect(image.key).toMatch(new RegExp(`^products/${A}/[0-9a-f-]{36}$`));
    expect(image).toMatchObject({ width: 640, height: 480, widths: [320, 640], alt: 'Hũ mật ong nhãn xanh' });
    const stored = await services.media!.store.get(`${image.key}-320.webp`);
    expect((await sharp(stored!.body).metadata()).format).toBe('webp');

    const html = await (await app.request(res.headers.get('location')!, { headers: { accept: 'text/html', ...ownerA.cookie } })).text();
    expect(html).toContain('Đã thêm ảnh');
    expect(html).toContain(`src="${services.config.mediaBaseUrl}/${image.key}-320.webp"`);
    expect(html).toContain('alt="Hũ mật ong nhãn xanh"');

    // A second image is appended after the first; removing the first leaves the second.
    expect((await upload(p.id, new Blob([new Uint8Array(await png(400, 300))]), ownerA)).status).toBe(303);
    const two = await product(p.id);
    expect(two.images.map((i) => i.key)[0]).toBe(image.key);
    expect(two.images[1]?.alt).toBe(p.name);
    const removed = await postForm(app, `/co-so-cua-toi/san-pham/${p.id}/anh/xoa`, { key: image.key }, ownerA.cookie);
    expect(removed.status).toBe(303);
    expect((await product(p.id)).images.map((i) => i.key)).toEqual([two.images[1]!.key]);
  });

  it('refuses a file that is not an image with a clear message, storing and changing nothing', async () => {
    const p = await draftProductOf(services, A);
    const before = await files();
    const res = await upload(p.id, new Blob(['tên,giá\nmật ong,150000\n'], { type: 'image/png' }), ownerA);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="truong-file"[^>]*aria-invalid="true"/);
    expect(html).toContain('Tệp không phải là ảnh JPEG, PNG, WebP hoặc AVIF');
    expect(await files()).toEqual(before);
    expect(await product(p.id)).toEqual(p);
  });

  it('asks for a file when none was chosen', async () => {
    const p = await draftProductOf(services, A);
    const res = await upload(p.id, undefined, ownerA, { alt: 'x' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Chọn một tệp ảnh để tải lên');
  });

  it("refuses producer B on producer A's product before decoding anything, and a cross-site post", async () => {
    const p = await draftProductOf(services, A);
    const before = await files();
    const file = new Blob([new Uint8Array(await png(400, 300))]);
    expect((await upload(p.id, file, ownerB)).status).toBe(403);
    expect((await upload(p.id, file, ownerA, {}, 'https://ke-gian.example')).status).toBe(403);
    expect(await files()).toEqual(before);
    expect(await product(p.id)).toEqual(p);
  });

  it('takes files above the 64 KB form limit (up to the 10 MB image limit) and refuses larger ones on the page', async () => {
    const p = await draftProductOf(services, A);
    const noisy = await sharp(Buffer.from(Array.from({ length: 300 * 200 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 300, height: 200, channels: 3 } })
      .resize(1200, 800)
      .png()
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(100 * 1024);
    expect((await upload(p.id, new Blob([new Uint8Array(noisy)]), ownerA)).status).toBe(303);

    const huge = await upload(p.id, new Blob([new Uint8Array(11 * 1024 * 1024)]), ownerA);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Ảnh lớn hơn 10 MB');
    expect((await product(p.id)).images).toHaveLength(1);
  });
});
