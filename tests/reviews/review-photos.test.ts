import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { jpeg } from '../media/images';
import { openShop, type Shop } from '../orders/fixtures';
import { expectErrorShape } from '../support/error-shape';
import { useTempMediaStore } from '../support/media-fixtures';
import { deliveredOrder, reviewRequest } from './fixtures';

interface Photo {
  key: string;
  width: number;
  height: number;
  widths: number[];
  alt: string;
}

/** Review photos through the image pipeline (docs/reviews.md, "Photos"), on DynamoDB Local and a temp media folder. */
describe('review photos', () => {
  let shop: Shop;
  let mediaDir: string;
  beforeAll(async () => {
    shop = await openShop();
    mediaDir = await useTempMediaStore(shop.services, 'review-photos');
  });
  afterAll(async () => {
    await rm(mediaDir, { recursive: true, force: true });
  });

  async function upload(who: TestAccount | undefined, bytes: Uint8Array, alt = 'Hũ mật ong') {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'anh.jpg');
    form.set('alt', alt);
    return shop.app.request('/api/reviews/photos', { method: 'POST', headers: { ...(who?.bearer ?? {}) }, body: form });
  }
  const photoOf = async (who: TestAccount) => {
    const res = await upload(who, await jpeg(800, 600));
    expect(res.status).toBe(201);
    return (await res.json()) as Photo;
  };

  it('stores an upload in the uploader\'s own folder as the pipeline\'s WebP variants; refuses non-images and anonymous callers', async () => {
    const photo = await photoOf(shop.shopper);
    expect(photo.key).toMatch(new RegExp(`^reviews/${shop.shopper.account.id}/[0-9a-f-]{36}$`));
    expect(photo.widths).toEqual([320, 640]);
    expect(await shop.services.media!.store.get(`${photo.key}-640.webp`)).toBeDefined();
    const text = await upload(shop.shopper, new TextEncoder().encode('<svg onload=alert(1)>'));
    expect(text.status).toBe(400);
    await expectErrorShape(text, 'IMAGE_NOT_AN_IMAGE');
    expect((await upload(undefined, await jpeg(100, 100))).status).toBe(401);
  });

  it('accepts up to 5 own photos on POST and PATCH, lists them with withPhotos=true, and refuses a 6th, a stranger\'s, or a forged key', async () => {
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
    const honeyLine = `${order.subOrders[0]!.id}.0`;
    const photos = await Promise.all([1, 2, 3, 4, 5, 6].map(() => photoOf(shop.shopper)));

    const six = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, text: 'Trà thơm', photos });
    expect(six.status).toBe(400);
    await expectErrorShape(six, 'INVALID_INPUT');

    const stranger = await createTestAccount(shop.services, 'shopper');
    const theirs = await photoOf(stranger);
    const stolen = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, photos: [photos[0], theirs] });
    expect(stolen.status).toBe(403);
    await expectErrorShape(stolen, 'IMAGE_NOT_OWNED');

    const forged = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, photos: [{ ...photos[0]!, key: `reviews/${shop.shopper.account.id}/x 1w, //evil.example/a` }] });
    expect(forged.status).toBe(400);
    const widths = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, photos: [{ ...photos[0]!, widths: [320, 999], width: 999 }] });
    expect(widths.status).toBe(400);
    const twice = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, photos: [photos[0], photos[0]] });
    expect(twice.status).toBe(400);

    const created = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { stars: 5, text: 'Trà thơm', photos: photos.slice(0, 2) });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { photos: { url: string; key: string; alt: string }[] };
    expect(body.photos.map((p) => p.key)).toEqual([photos[0]!.key, photos[1]!.key]);
    expect(body.photos[0]!.url).toBe(`/media/${photos[0]!.key}-640.webp`);

    // PATCH: the whole list, photos already on it kept; still at most 5 and only the author's own.
    const stolenEdit = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { photos: [photos[0], theirs] }, 'PATCH');
    expect(stolenEdit.status).toBe(403);
    await expectErrorShape(stolenEdit, 'IMAGE_NOT_OWNED');
    expect((await reviewRequest(shop, shop.shopper, order.id, honeyLine, { photos }, 'PATCH')).status).toBe(400);
    const edited = await reviewRequest(shop, shop.shopper, order.id, honeyLine, { photos: photos.slice(0, 5) }, 'PATCH');
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { photos: unknown[]; edited: boolean }).photos).toHaveLength(5);

    // Another review of the same product without photos: withPhotos=true leaves it out.
    const other = await createTestAccount(shop.services, 'shopper');
    const order2 = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }], other);
    expect((await reviewRequest(shop, other, order2.id, `${order2.subOrders[0]!.id}.0`, { stars: 3, text: 'Tạm được' })).status).toBe(201);
    const all = (await (await shop.app.request(`/api/products/${shop.honey.id}/reviews`)).json()) as { items: { id: string }[] };
    expect(all.items).toHaveLength(2);
    const withPhotos = (await (await shop.app.request(`/api/products/${shop.honey.id}/reviews?withPhotos=true`)).json()) as { items: { id: string; photos: unknown[] }[] };
    expect(withPhotos.items.map((r) => r.id)).toEqual([honeyLine]);
    expect(withPhotos.items[0]!.photos).toHaveLength(5);

    // The product page shows them as lazy thumbnails with alt text.
    const page = await (await shop.app.request(`/san-pham/${shop.honey.id}`)).text();
    expect(page).toContain(`src="/media/${photos[0]!.key}-320.webp"`);
    expect(page).toMatch(/<img [^>]*alt="Hũ mật ong"[^>]*loading="lazy"/);
  });

  it('the review form takes photos from a file picker (multipart), keeps or removes them on edit, and refuses a 6th', async () => {
    const buyer = await createTestAccount(shop.services, 'shopper');
    const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }], buyer);
    const lineId = `${order.subOrders[0]!.id}.0`;
    const path = `/danh-gia/${order.id}/${lineId}`;
    const form = async (fields: Record<string, string | string[]>, files: number) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      for (let i = 0; i < files; i++) body.append('photos', new Blob([new Uint8Array(await jpeg(700, 500))], { type: 'image/jpeg' }), `anh-${i}.jpg`);
      return shop.app.request(path, { method: 'POST', headers: { ...buyer.cookie, origin: 'http://localhost', accept: 'text/html' }, body });
    };
    const picker = await (await shop.app.request(path, { headers: buyer.cookie })).text();
    expect(picker).toContain('enctype="multipart/form-data"');
    const input = /<input id="truong-photos-input"[^>]*>/.exec(picker)?.[0] ?? '';
    expect(input).toContain('type="file"');
    expect(input).toContain('name="photos"');
    expect(input).toMatch(/ multiple[ >=]/);
    expect(input).toContain('accept="image/jpeg,image/png,image/webp,image/avif"');

    const tooMany = await form({ stars: '4', text: 'Sáu ảnh' }, 6);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain('Tối đa 5 ảnh');
    expect(await shop.services.reviews.getReview(lineId)).toBeUndefined();

    expect((await form({ stars: '4', text: 'Hai ảnh' }, 2)).status).toBe(303);
    const written = (await shop.services.reviews.getReview(lineId))!;
    expect(written.photos).toHaveLength(2);
    expect(written.photos.every((p) => p.key.startsWith(`reviews/${buyer.account.id}/`))).toBe(true);

    // Edit: keep the first, drop the second, add one.
    expect((await form({ stars: '5', text: 'Sửa ảnh', keep: [written.photos[0]!.key] }, 1)).status).toBe(303);
    const edited = (await shop.services.reviews.getReview(lineId))!;
    expect(edited.photos).toHaveLength(2);
    expect(edited.photos[0]!.key).toBe(written.photos[0]!.key);
    expect(edited.photos.map((p) => p.key)).not.toContain(written.photos[1]!.key);
    // 2 kept + 4 new is over 5: refused, the review unchanged.
    const over = await form({ stars: '5', text: 'Quá nhiều', keep: edited.photos.map((p) => p.key) }, 4);
    expect(over.status).toBe(400);
    expect((await shop.services.reviews.getReview(lineId))!.photos).toHaveLength(2);
  });
});
