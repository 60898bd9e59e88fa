import { readdir, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { Conflict } from '../../shared/http/errors';
import type { UploadPresigner } from '../../shared/media/upload-presigner';
import type { Services } from '../../shared/services';
import type { Producer } from '../../shared/storefront/producer';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { ORIGIN, postForm } from '../identity/http';
import { png } from '../media/images';
import { twoStorefronts, useTempMediaStore } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';

const A = 'htx-logo-bia-a';
const B = 'htx-logo-bia-b';

describe('storefront logo and banner from the dashboard (multipart forms)', () => {
  let services: Services;
  let app: App;
  let mediaDir: string;
  let ownerA: TestAccount;
  let ownerB: TestAccount;
  let shopper: TestAccount;

  beforeAll(async () => {
    services = await createTestServices();
    mediaDir = await useTempMediaStore(services, 'web-storefront-images');
    app = createApp(services);
    ({ ownerA, ownerB } = await twoStorefronts(services, [A, B], (id) => `HTX Mật ong ${id}`));
    shopper = await createTestAccount(services, 'shopper');
  });
  afterAll(() => rm(mediaDir, { recursive: true, force: true }));

  function upload(slug: 'logo' | 'anh-bia', field: string, file: Blob | undefined, who: TestAccount) {
    const form = new FormData();
    if (file) form.set(field, file, 'anh.png');
    return app.request(`/co-so-cua-toi/${slug}`, { method: 'POST', headers: { accept: 'text/html', origin: ORIGIN, ...who.cookie }, body: form });
  }
  const producer = async (id: string) => (await services.producers.getProducer(id)) as Producer;
  const files = async () => (await readdir(mediaDir, { recursive: true })).filter((f) => f.endsWith('.webp'));
  const pngBlob = async (w: number, h: number) => new Blob([new Uint8Array(await png(w, h))], { type: 'image/png' });
  const media = () => services.config.mediaBaseUrl;

  it('stores a logo and a banner through the pipeline, previews them on the dashboard and shows them to shoppers', async () => {
    const plain = await (await app.request(`/co-so/${A}`, { headers: { accept: 'text/html' } })).text();
    expect(plain).not.toContain('storefront-logo');
    expect(plain).not.toContain('storefront-banner');

    const logo = await upload('logo', 'logo', await pngBlob(400, 400), ownerA);
    expect(logo.status, await logo.clone().text()).toBe(303);
    expect(logo.headers.get('location')).toBe('/co-so-cua-toi?da-luu=logo');
    const banner = await upload('anh-bia', 'banner', await pngBlob(1500, 500), ownerA);
    expect(banner.status, await banner.clone().text()).toBe(303);

    const saved = await producer(A);
    expect(saved.logoKey).toMatch(new RegExp(`^logos/${A}/[0-9a-f-]{36}$`));
    expect(saved.bannerKey).toMatch(new RegExp(`^banners/${A}/[0-9a-f-]{36}$`));
    // Never upscaled: a 400 px logo is stored at 320 px only.
    expect(saved.logo).toMatchObject({ key: saved.logoKey, width: 320, height: 320, widths: [320] });
    expect(saved.banner).toMatchObject({ key: saved.bannerKey, width: 1280, height: 427, widths: [320, 640, 1280] });
    expect(await files()).toEqual(
      expect.arrayContaining([`${saved.logoKey}-320.webp`, `${saved.bannerKey}-320.webp`, `${saved.bannerKey}-640.webp`, `${saved.bannerKey}-1280.webp`]),
    );

    const dashboard = await (await app.request('/co-so-cua-toi?da-luu=anh-bia', { headers: { accept: 'text/html', ...ownerA.cookie } })).text();
    expect(dashboard).toContain('Đã cập nhật ảnh bìa.');
    expect(dashboard).toContain('Logo và ảnh bìa');
    expect(dashboard).toContain(`src="${media()}/${saved.logoKey}-320.webp"`);
    expect(dashboard).toContain(`src="${media()}/${saved.bannerKey}-320.webp"`);
    expect(dashboard).toContain('Gỡ logo');
    expect(dashboard).toContain('Gỡ ảnh bìa');

    const page = await (await app.request(`/co-so/${A}`, { headers: { accept: 'text/html' } })).text();
    const name = `HTX Mật ong ${A}`;
    expect(page).toContain(`alt="Logo ${name}"`);
    expect(page).toContain(`alt="Ảnh bìa của ${name}"`);
    expect(page).toContain(`srcset="${media()}/${saved.bannerKey}-320.webp 320w, ${media()}/${saved.bannerKey}-640.webp 640w, ${media()}/${saved.bannerKey}-1280.webp 1280w"`);
    expect(page).toContain(`srcset="${media()}/${saved.logoKey}-320.webp 320w"`);
    expect(page).toMatch(/<img[^>]*width="1280" height="427" loading="eager" class="storefront-banner"[^>]*fetchpriority="high"/);
    expect(page).toMatch(/<img[^>]*width="320" height="320"[^>]*class="storefront-logo"/);
    // The banner comes before the name (it is the page's top picture), the logo beside it.
    expect(page.indexOf('storefront-banner')).toBeLessThan(page.indexOf('id="ten-co-so"'));

    // Replacing the logo keeps the banner; removing takes the key and its record off.
    expect((await upload('logo', 'logo', await pngBlob(300, 300), ownerA)).status).toBe(303);
    const replaced = await producer(A);
    expect(replaced.logoKey).not.toBe(saved.logoKey);
    expect(replaced.bannerKey).toBe(saved.bannerKey);
    const removed = await postForm(app, '/co-so-cua-toi/logo/go', { key: replaced.logoKey! }, ownerA.cookie);
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/co-so-cua-toi?da-luu=go-logo');
    const after = await producer(A);
    expect(after.logoKey).toBeUndefined();
    expect(after.logo).toBeUndefined();
    expect(after.bannerKey).toBe(saved.bannerKey);
    expect((await postForm(app, '/co-so-cua-toi/anh-bia/go', { key: saved.bannerKey! }, ownerA.cookie)).status).toBe(303);
    expect((await producer(A)).bannerKey).toBeUndefined();
    const back = await (await app.request(`/co-so/${A}`, { headers: { accept: 'text/html' } })).text();
    expect(back).not.toContain('storefront-logo');
    expect(back).not.toContain('storefront-banner');
  });

  it('refuses a file that is not an image with a message on the page, storing and changing nothing', async () => {
    const before = await files();
    const p = await producer(B);
    const res = await upload('logo', 'logo', new Blob(['tên,giá\nmật ong,150000\n'], { type: 'image/png' }), ownerB);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="truong-logo"[^>]*aria-invalid="true"/);
    expect(html).toContain('Tệp không phải là ảnh JPEG, PNG, WebP hoặc AVIF');
    expect(await files()).toEqual(before);
    expect(await producer(B)).toEqual(p);

    const none = await upload('anh-bia', 'banner', undefined, ownerB);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Chọn một tệp ảnh để tải lên');
  });

  it('deletes the stored variants when the save fails', async () => {
    const before = await files();
    const original = services.producers;
    // The write fails after the pipeline stored the variants (as a concurrent edit would make it).
    services.producers = new Proxy(original, {
      get(target, prop) {
        if (prop === 'updateProducer') return () => Promise.reject(new Conflict('Gian hàng vừa được sửa ở nơi khác, vui lòng tải lại', 'PRODUCER_CONFLICT'));
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const res = await upload('anh-bia', 'banner', await pngBlob(800, 300), ownerB);
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('Gian hàng vừa được sửa ở nơi khác');
    } finally {
      services.producers = original;
    }
    expect(await files()).toEqual(before);
    expect((await producer(B)).bannerKey).toBeUndefined();
  });

  it("keeps each producer to their own storefront: B's forms never touch A; other roles get 403", async () => {
    const first = await upload('logo', 'logo', await pngBlob(320, 320), ownerA);
    expect(first.status, await first.clone().text()).toBe(303);
    const a = await producer(A);
    // B posting A's key removes nothing (B's form edits B's storefront, which has no such logo).
    expect((await postForm(app, '/co-so-cua-toi/logo/go', { key: a.logoKey! }, ownerB.cookie)).status).toBe(303);
    expect((await producer(A)).logoKey).toBe(a.logoKey);
    expect((await upload('logo', 'logo', await pngBlob(320, 320), ownerB)).status).toBe(303);
    expect((await producer(A)).logoKey).toBe(a.logoKey);
    expect((await producer(B)).logoKey).toMatch(new RegExp(`^logos/${B}/`));

    const before = await files();
    expect((await upload('logo', 'logo', await pngBlob(320, 320), shopper)).status).toBe(403);
    expect((await postForm(app, '/co-so-cua-toi/logo/go', { key: a.logoKey! }, shopper.cookie)).status).toBe(403);
    expect(await files()).toEqual(before);
    expect((await producer(A)).logoKey).toBe(a.logoKey);
  });

  it('in AWS (a media bucket) renders forms straight to S3 and answers a stale multipart post with 409', async () => {
    const media = services.media!;
    const presigner: UploadPresigner = {
      presignPut: () => Promise.reject(new Error('not used')),
      presignPost: (key, redirect) => Promise.resolve({ url: 'https://bucket.example', fields: { key, success_action_redirect: redirect }, expiresAt: '2099-01-01T00:00:00Z' }),
    };
    services.media = { ...media, presigner };
    try {
      const html = await (await app.request('/co-so-cua-toi', { headers: { accept: 'text/html', ...ownerA.cookie } })).text();
      expect(html).toContain('action="https://bucket.example"');
      expect(html).not.toContain('action="/co-so-cua-toi/logo"');
      expect(html).not.toContain('action="/co-so-cua-toi/anh-bia"');
      expect((await upload('logo', 'logo', await pngBlob(320, 320), ownerA)).status).toBe(409);
    } finally {
      services.media = media;
    }
  });

  it('accepts the pipeline key shape through the API PATCH; a key without its record falls back to the 320 px variant', async () => {
    const key = `logos/${B}/0f0e0d0c-0b0a-4000-8000-000000000001`;
    const res = await app.request(`/api/producers/${B}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...ownerB.bearer }, body: JSON.stringify({ logoKey: key }) });
    expect(res.status, await res.clone().text()).toBe(200);
    const p = await producer(B);
    expect(p.logoKey).toBe(key);
    expect(p.logo).toBeUndefined();
    const page = await (await app.request(`/co-so/${B}`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain(`src="${media()}/${key}-320.webp"`);
    expect(page).toContain(`alt="Logo HTX Mật ong ${B}"`);
  });
});
