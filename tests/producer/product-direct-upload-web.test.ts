import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Image, Product } from '../../shared/catalog/product';
import { uploadObjectKey } from '../../shared/media/image-keys';
import { pendingUpload, type UploadRecord } from '../../shared/media/upload-record';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import type { TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { twoStorefronts, withOfflinePresigner } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';
import { draftProductOf } from './fixtures';

const A = 'htx-tai-thang-a';
const B = 'htx-tai-thang-b';
const BUCKET = 'ocop-media-test';

/** The S3 form's action and hidden fields, as a browser would read them from the page. */
function s3Form(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form method="post" action="(https:\/\/[^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('no S3 form on the page');
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  return { action: form[1]!, fields };
}

describe('direct-to-S3 image upload from the edit page (presigned POST, no JavaScript)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let aws: App;
  let ownerA: TestAccount;
  let ownerB: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock });
    services = withOfflinePresigner(services, BUCKET);
    aws = createApp(services);
    ({ ownerA, ownerB } = await twoStorefronts(services, [A, B]));
  });

  const get = (path: string, who?: TestAccount, headers: Record<string, string> = {}) => aws.request(path, { headers: { accept: 'text/html', ...who?.cookie, ...headers } });
  const product = async (id: string) => (await services.catalog.getProduct(id)) as Product;
  const done = (productId: string, uploadId: string) => `/co-so-cua-toi/san-pham/${productId}/anh/xong?tai-len=${uploadId}`;

  /** The upload the edit page just recorded, as the image processor would find and settle it. */
  async function uploadOf(html: string): Promise<UploadRecord> {
    const key = s3Form(html).fields.key!;
    const upload = await services.media!.uploads.get(key.split('/').pop()!);
    if (!upload) throw new Error(`no upload record for ${key}`);
    return upload;
  }
  const processed = (upload: UploadRecord, image: Partial<Image> = {}): UploadRecord => ({
    ...upload,
    status: 'processed',
    image: { key: `products/${upload.producerId}/${upload.id}`, width: 1280, height: 960, widths: [320, 640, 1280], alt: '', ...image },
    updatedAt: clock.now().toISOString(),
  });

  it('renders a form that posts the file straight to S3: signed fields, ≤ 10 MB, the processor\'s key, the return page', async () => {
    const p = await draftProductOf(services, A);
    const res = await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA);
    expect(res.status).toBe(200);
    const html = await res.text();
    const { action, fields } = s3Form(html);
    expect(new URL(action).hostname).toBe(`${BUCKET}.s3.ap-southeast-1.amazonaws.com`);

    const upload = await uploadOf(html);
    expect(upload).toMatchObject({ producerId: A, purpose: 'product', productId: p.id, status: 'pending', alt: '' });
    expect(fields.key).toBe(uploadObjectKey(A, upload.id));
    expect(fields.success_action_redirect).toBe(`http://localhost${done(p.id, upload.id)}`);
    expect(fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
    expect(fields['X-Amz-Credential']).toMatch(/^AKIATEST\/\d{8}\/ap-southeast-1\/s3\/aws4_request$/);
    expect(fields['X-Amz-Security-Token']).toBe('test-token');
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);

    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 10 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual({ key: fields.key });
    expect(policy.conditions).toContainEqual({ success_action_redirect: fields.success_action_redirect });
    expect(policy.conditions).toContainEqual({ bucket: BUCKET });
    // The file input comes after every signed field (S3 ignores fields after the file), and nothing unsigned is sent.
    const form = html.slice(html.indexOf(action));
    expect(form.indexOf('name="file"')).toBeGreaterThan(form.lastIndexOf('type="hidden"'));
    expect(form.slice(0, form.indexOf('</form>'))).not.toContain('name="alt"');
    // Not the local multipart post to the app.
    expect(html).not.toContain(`action="/co-so-cua-toi/san-pham/${p.id}/anh"`);
  });

  it('sends S3 back to the site as the browser sees it behind CloudFront (X-Forwarded-Host, when trusted)', async () => {
    const p = await draftProductOf(services, A);
    const behindCloudFront = createApp({ ...services, config: { ...services.config, trustForwardedHost: true } });
    const html = await (await behindCloudFront.request(`/co-so-cua-toi/san-pham/${p.id}`, { headers: { accept: 'text/html', 'x-forwarded-host': 'cho-ocop.example', ...ownerA.cookie } })).text();
    expect(s3Form(html).fields.success_action_redirect).toMatch(new RegExp(`^https://cho-ocop\\.example/co-so-cua-toi/san-pham/${p.id}/anh/xong\\?tai-len=[0-9a-f-]{36}$`));
    // Untrusted (the default), the header is ignored.
    const plain = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA, { 'x-forwarded-host': 'ke-gian.example' })).text();
    expect(s3Form(plain).fields.success_action_redirect).toMatch(/^http:\/\/localhost\//);
  });

  it('while the processor works: 200, "Ảnh đang được xử lý…", refresh every 2 s and a link', async () => {
    const p = await draftProductOf(services, A);
    const upload = await uploadOf(await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA)).text());
    // S3 appends bucket, key and etag to the redirect.
    const res = await get(`${done(p.id, upload.id)}&bucket=${BUCKET}&key=${encodeURIComponent(uploadObjectKey(A, upload.id))}&etag=%22abc%22`, ownerA);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('refresh')).toBe('2');
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(html).toContain('Ảnh đang được xử lý…');
    expect(html).toContain(`href="${done(p.id, upload.id)}"`);
    expect(html).toContain(`href="/co-so-cua-toi/san-pham/${p.id}"`);

    // Long past the form's life, it stops reloading and says what to do.
    clock.advance(2 * 60 * 60 * 1000);
    const stuck = await get(done(p.id, upload.id), ownerA);
    expect(stuck.headers.get('refresh')).toBeNull();
    const stuckHtml = await stuck.text();
    expect(stuckHtml).not.toContain('http-equiv="refresh"');
    expect(stuckHtml).toContain('tải ảnh lên lần nữa');
  });

  it('once processed: appends the image (alt: the product name) and redirects 303 to "Đã thêm ảnh"; a reload adds nothing', async () => {
    const p = await draftProductOf(services, A);
    const upload = await uploadOf(await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA)).text());
    const settled = processed(upload);
    await services.media!.uploads.put(settled);

    const res = await get(done(p.id, upload.id), ownerA);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/co-so-cua-toi/san-pham/${p.id}?da-luu=anh`);
    const saved = await product(p.id);
    expect(saved.images).toEqual([{ ...settled.image, alt: p.name }]);
    expect(await (await get(res.headers.get('location')!, ownerA)).text()).toContain('Đã thêm ảnh');

    const again = await get(done(p.id, upload.id), ownerA);
    expect(again.status).toBe(303);
    expect((await product(p.id)).images).toHaveLength(1);
  });

  it('when the pipeline rejected the file: the edit page with its message on the file field (400), nothing appended', async () => {
    const p = await draftProductOf(services, A);
    const upload = await uploadOf(await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA)).text());
    await services.media!.uploads.put({ ...upload, status: 'rejected', reason: { code: 'IMAGE_UNSUPPORTED_TYPE', message: 'Ảnh HEIC chưa được hỗ trợ: hãy lưu lại dưới dạng JPEG' }, updatedAt: clock.now().toISOString() });
    const res = await get(done(p.id, upload.id), ownerA);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="truong-file"[^>]*aria-invalid="true"/);
    expect(html).toContain('Ảnh HEIC chưa được hỗ trợ: hãy lưu lại dưới dạng JPEG');
    // A new signed form to try another photo.
    expect(s3Form(html).fields.key).not.toBe(uploadObjectKey(A, upload.id));
    expect((await product(p.id)).images).toEqual([]);
  });

  it('keeps producer B out (403), 404s an unknown or malformed upload, and one made for another product', async () => {
    const p = await draftProductOf(services, A);
    const other = await draftProductOf(services, A);
    const upload = await uploadOf(await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA)).text());
    await services.media!.uploads.put(processed(upload));

    expect((await get(done(p.id, upload.id), ownerB)).status).toBe(403);
    // B's own product with A's upload: the upload is not B's.
    const bProduct = await draftProductOf(services, B);
    expect((await get(done(bProduct.id, upload.id), ownerB)).status).toBe(403);
    expect((await get(done(p.id, '0b7c4d1e-1111-4222-8333-944445555666'), ownerA)).status).toBe(404);
    expect((await get(done(p.id, 'khong-phai-uuid'), ownerA)).status).toBe(404);
    expect((await get(done(other.id, upload.id), ownerA)).status).toBe(404);
    expect((await product(p.id)).images).toEqual([]);
    expect((await product(other.id)).images).toEqual([]);
    expect((await product(bProduct.id)).images).toEqual([]);

    // Anonymous: sign in first and come back to the same upload.
    const anon = await get(done(p.id, upload.id));
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent(done(p.id, upload.id))}`);
  });

  it('answers a stale multipart post with the fresh S3 form (409), and signs nothing for a full gallery', async () => {
    const p = await draftProductOf(services, A);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array([1, 2, 3])]), 'anh.png');
    const res = await aws.request(`/co-so-cua-toi/san-pham/${p.id}/anh`, { method: 'POST', headers: { accept: 'text/html', origin: 'http://localhost', ...ownerA.cookie }, body: form });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Ảnh được tải thẳng lên kho lưu trữ ảnh');
    expect(s3Form(html).action).toContain(BUCKET);

    const images = Array.from({ length: 12 }, (_, i) => ({ key: `products/${A}/anh-${i}`, width: 640, height: 480, widths: [320, 640], alt: `Ảnh ${i}` }));
    clock.advance(1000);
    const full = { ...p, images, updatedAt: clock.now().toISOString() };
    await services.catalog.saveProduct(full, p);
    const fullHtml = await (await get(`/co-so-cua-toi/san-pham/${p.id}`, ownerA)).text();
    expect(fullHtml).toContain('Đã đủ 12 ảnh');
    expect(fullHtml).not.toContain('amazonaws.com');
  });

  it('locally (no bucket) nothing changes: the multipart form posts to the app and no upload is recorded', async () => {
    const local = createApp({ ...services, media: { store: services.media!.store, uploads: services.media!.uploads } });
    const p = await draftProductOf(services, A);
    const html = await (await local.request(`/co-so-cua-toi/san-pham/${p.id}`, { headers: { accept: 'text/html', ...ownerA.cookie } })).text();
    expect(html).toContain(`action="/co-so-cua-toi/san-pham/${p.id}/anh" enctype="multipart/form-data"`);
    expect(html).toContain('name="alt"');
    expect(html).not.toContain('amazonaws.com');
  });

  it('the upload record matches what POST /api/media/uploads writes, plus the product', () => {
    const record = pendingUpload({ producerId: A, purpose: 'product', alt: '', productId: 'sp-1' }, clock.now());
    expect(record).toMatchObject({ producerId: A, purpose: 'product', alt: '', productId: 'sp-1', status: 'pending', createdAt: clock.now().toISOString() });
    expect(pendingUpload({ producerId: A, purpose: 'logo', alt: 'Logo' }, clock.now())).not.toHaveProperty('productId');
  });

  it('leaves the other forms of the page posting to the app', async () => {
    const p = await draftProductOf(services, A);
    clock.advance(1000);
    const res = await postForm(aws, `/co-so-cua-toi/san-pham/${p.id}/ton-kho`, { stock: '4' }, ownerA.cookie);
    expect(res.status).toBe(303);
  });
});
