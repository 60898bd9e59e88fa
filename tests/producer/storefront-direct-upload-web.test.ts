import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Image } from '../../shared/catalog/product';
import { uploadObjectKey } from '../../shared/media/image-keys';
import type { UploadRecord } from '../../shared/media/upload-record';
import type { Services } from '../../shared/services';
import type { Producer } from '../../shared/storefront/producer';
import { ManualClock } from '../../shared/time/clock';
import type { TestAccount } from '../authz/accounts';
import { ORIGIN } from '../identity/http';
import { twoStorefronts, withOfflinePresigner } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';

const A = 'htx-logo-s3-a';
const B = 'htx-logo-s3-b';
const BUCKET = 'ocop-media-test';

type Kind = 'logo' | 'banner';
const slugOf: Record<Kind, string> = { logo: 'logo', banner: 'anh-bia' };
const folderOf: Record<Kind, string> = { logo: 'logos', banner: 'banners' };

/** Every S3 form on the page (action and hidden fields), as a browser would read them. */
function s3Forms(html: string): { action: string; fields: Record<string, string>; body: string }[] {
  return [...html.matchAll(/<form method="post" action="(https:\/\/[^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/g)].map((form) => {
    const fields: Record<string, string> = {};
    for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
    return { action: form[1]!, fields, body: form[2]! };
  });
}

/** The S3 form whose redirect is this kind's return page. */
function s3FormOf(html: string, kind: Kind) {
  const form = s3Forms(html).find((f) => f.fields.success_action_redirect?.includes(`/co-so-cua-toi/${slugOf[kind]}/xong?`));
  if (!form) throw new Error(`no S3 form for ${kind} on the page`);
  return form;
}

describe('direct-to-S3 logo and banner upload from the dashboard (presigned POST, no JavaScript)', () => {
  const clock = new ManualClock('2026-11-24T03:00:00Z');
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

  const get = (path: string, who?: TestAccount) => aws.request(path, { headers: { accept: 'text/html', ...who?.cookie } });
  const producer = async (id: string) => (await services.producers.getProducer(id)) as Producer;
  const done = (kind: Kind, uploadId: string) => `/co-so-cua-toi/${slugOf[kind]}/xong?tai-len=${uploadId}`;
  const dashboard = async (who: TestAccount) => (await get('/co-so-cua-toi', who)).text();

  /** The upload the dashboard just recorded for this kind, as the image processor would find it. */
  async function uploadOf(html: string, kind: Kind): Promise<UploadRecord> {
    const key = s3FormOf(html, kind).fields.key!;
    const upload = await services.media!.uploads.get(key.split('/').pop()!);
    if (!upload) throw new Error(`no upload record for ${key}`);
    return upload;
  }
  const processed = (upload: UploadRecord, kind: Kind, image: Partial<Image> = {}): UploadRecord => ({
    ...upload,
    status: 'processed',
    image: { key: `${folderOf[kind]}/${upload.producerId}/${upload.id}`, width: 1280, height: 1280, widths: [320, 640, 1280], alt: '', ...image },
    updatedAt: clock.now().toISOString(),
  });

  for (const kind of ['logo', 'banner'] as const) {
    describe(kind, () => {
      it('renders a form that posts the file straight to S3: signed fields, ≤ 10 MB, purpose, the return page', async () => {
        const res = await get('/co-so-cua-toi', ownerA);
        expect(res.status).toBe(200);
        const html = await res.text();
        const { action, fields, body } = s3FormOf(html, kind);
        expect(new URL(action).hostname).toBe(`${BUCKET}.s3.ap-southeast-1.amazonaws.com`);

        const upload = await uploadOf(html, kind);
        expect(upload).toMatchObject({ producerId: A, purpose: kind, status: 'pending', alt: '' });
        expect(upload).not.toHaveProperty('productId');
        expect(fields.key).toBe(uploadObjectKey(A, upload.id));
        expect(fields.success_action_redirect).toBe(`http://localhost${done(kind, upload.id)}`);
        expect(fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
        expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
        const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
        expect(policy.conditions).toContainEqual(['content-length-range', 1, 10 * 1024 * 1024]);
        expect(policy.conditions).toContainEqual({ key: fields.key });
        expect(policy.conditions).toContainEqual({ success_action_redirect: fields.success_action_redirect });
        // The file input, named `file`, after every signed field.
        expect(body.indexOf('name="file"')).toBeGreaterThan(body.lastIndexOf('type="hidden"'));
        // Not the local multipart post to the app, and no note about the API.
        expect(html).not.toContain(`action="/co-so-cua-toi/${slugOf[kind]}"`);
        expect(html).not.toContain('POST /api/media/uploads');
      });

      it('while the processor works: 200, "Ảnh đang được xử lý…", refresh every 2 s, links back', async () => {
        const upload = await uploadOf(await dashboard(ownerA), kind);
        // S3 appends bucket, key and etag to the redirect.
        const res = await get(`${done(kind, upload.id)}&bucket=${BUCKET}&key=${encodeURIComponent(uploadObjectKey(A, upload.id))}&etag=%22abc%22`, ownerA);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('refresh')).toBe('2');
        const html = await res.text();
        expect(html).toContain('<meta http-equiv="refresh" content="2"/>');
        expect(html).toContain('Ảnh đang được xử lý…');
        expect(html).toContain(`href="${done(kind, upload.id)}"`);
        expect(html).toContain('href="/co-so-cua-toi"');
        expect((await producer(A))[kind === 'logo' ? 'logoKey' : 'bannerKey']).toBeUndefined();
      });

      it('once processed: saved through editStorefront (key + record), 303 to the dashboard\'s confirmation; a reload changes nothing', async () => {
        const upload = await uploadOf(await dashboard(ownerA), kind);
        const settled = processed(upload, kind);
        await services.media!.uploads.put(settled);
        clock.advance(1000);

        const res = await get(done(kind, upload.id), ownerA);
        expect(res.status, await res.clone().text()).toBe(303);
        expect(res.headers.get('location')).toBe(`/co-so-cua-toi?da-luu=${slugOf[kind]}`);
        const saved = await producer(A);
        const keyField = kind === 'logo' ? 'logoKey' : 'bannerKey';
        expect(saved[keyField]).toBe(settled.image!.key);
        expect(saved[kind]).toEqual(settled.image);
        expect(await (await get(res.headers.get('location')!, ownerA)).text()).toContain(kind === 'logo' ? 'Đã cập nhật logo.' : 'Đã cập nhật ảnh bìa.');

        const again = await get(done(kind, upload.id), ownerA);
        expect(again.status).toBe(303);
        expect((await producer(A)).updatedAt).toBe(saved.updatedAt);
      });

      it('when the pipeline rejected the file: the dashboard with its message on the form (400), nothing saved', async () => {
        const before = await producer(A);
        const upload = await uploadOf(await dashboard(ownerA), kind);
        await services.media!.uploads.put({ ...upload, status: 'rejected', reason: { code: 'IMAGE_TOO_SMALL', message: 'Ảnh quá nhỏ: hãy chọn ảnh lớn hơn' }, updatedAt: clock.now().toISOString() });
        const res = await get(done(kind, upload.id), ownerA);
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toMatch(new RegExp(`id="truong-${kind}"[^>]*aria-invalid="true"`));
        expect(html).toContain('Ảnh quá nhỏ: hãy chọn ảnh lớn hơn');
        // A fresh signed form to try another picture.
        expect(s3FormOf(html, kind).fields.key).not.toBe(uploadObjectKey(A, upload.id));
        expect((await producer(A)).updatedAt).toBe(before.updatedAt);
      });

      it('keeps producer B out (403), 404s an unknown, malformed or other-purpose upload; anonymous signs in first', async () => {
        const before = await producer(A);
        const html = await dashboard(ownerA);
        const upload = await uploadOf(html, kind);
        await services.media!.uploads.put(processed(upload, kind));

        expect((await get(done(kind, upload.id), ownerB)).status).toBe(403);
        expect((await get(done(kind, '0b7c4d1e-1111-4222-8333-944445555666'), ownerA)).status).toBe(404);
        expect((await get(done(kind, 'khong-phai-uuid'), ownerA)).status).toBe(404);
        // The logo's upload on the banner's return page, and the other way round.
        const other: Kind = kind === 'logo' ? 'banner' : 'logo';
        expect((await get(done(other, upload.id), ownerA)).status).toBe(404);
        expect((await producer(A)).updatedAt).toBe(before.updatedAt);
        expect((await producer(B)).logoKey).toBeUndefined();
        expect((await producer(B)).bannerKey).toBeUndefined();

        const anon = await get(done(kind, upload.id));
        expect(anon.status).toBe(303);
        expect(anon.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent(done(kind, upload.id))}`);
      });
    });
  }

  it('answers a stale multipart post with the dashboard and fresh S3 forms (409)', async () => {
    const form = new FormData();
    form.set('logo', new Blob([new Uint8Array([1, 2, 3])]), 'anh.png');
    const res = await aws.request('/co-so-cua-toi/logo', { method: 'POST', headers: { accept: 'text/html', origin: ORIGIN, ...ownerA.cookie }, body: form });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Ảnh được tải thẳng lên kho lưu trữ ảnh');
    expect(s3FormOf(html, 'logo').action).toContain(BUCKET);
  });

  it('locally (no bucket) nothing changes: multipart forms post to the app and no upload is recorded', async () => {
    const local = createApp({ ...services, media: { store: services.media!.store, uploads: services.media!.uploads } });
    const html = await (await local.request('/co-so-cua-toi', { headers: { accept: 'text/html', ...ownerB.cookie } })).text();
    expect(html).toContain('action="/co-so-cua-toi/logo" enctype="multipart/form-data"');
    expect(html).toContain('action="/co-so-cua-toi/anh-bia" enctype="multipart/form-data"');
    expect(html).not.toContain('amazonaws.com');
  });
});
