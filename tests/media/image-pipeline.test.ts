import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/http/errors';
import { MAX_IMAGE_BYTES } from '../../shared/media/image-errors';
import { processImage } from '../../shared/media/image-pipeline';
import { hasGpsPointer, jpeg, MemoryBlobStore, png } from './images';

const key = 'products/htx-a/0b7c4d1e-1111-4222-8333-944445555666';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A PNG whose IHDR claims any size, with one tiny IDAT: a few dozen bytes, no real pixels. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

describe('image pipeline', () => {
  it('stores WebP variants at 320, 640 and 1280 px and returns the Image record', async () => {
    const store = new MemoryBlobStore();
    const image = await processImage(store, { bytes: await jpeg(2000, 1500), key, alt: 'Nước mắm' });
    expect(image).toEqual({ key, width: 1280, height: 960, widths: [320, 640, 1280], alt: 'Nước mắm' });
    expect([...store.objects.keys()].sort()).toEqual([`${key}-1280.webp`, `${key}-320.webp`, `${key}-640.webp`]);
    for (const w of image.widths) {
      const stored = store.objects.get(`${key}-${w}.webp`)!;
      expect(stored.contentType).toBe('image/webp');
      const meta = await sharp(stored.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(w);
      expect(meta.height).toBe((w * 3) / 4);
    }
  });

  it('never upscales: only widths up to the original, and at least one', async () => {
    const store = new MemoryBlobStore();
    expect((await processImage(store, { bytes: await png(700, 700), key, alt: '' })).widths).toEqual([320, 640]);
    const tiny = await processImage(store, { bytes: await png(200, 100), key: `${key}-t`, alt: '' });
    expect(tiny).toMatchObject({ width: 200, height: 100, widths: [200] });
    expect(store.objects.has(`${key}-t-200.webp`)).toBe(true);
  });

  it('turns a photo upright by its EXIF orientation and strips EXIF, GPS and ICC', async () => {
    const input = await jpeg(800, 400, { orientation: 6, gps: true });
    const inMeta = await sharp(input).metadata();
    expect(inMeta.orientation).toBe(6);
    expect(hasGpsPointer(inMeta.exif)).toBe(true);

    const store = new MemoryBlobStore();
    const image = await processImage(store, { bytes: input, key, alt: '' });
    // 800×400 on its side is 400×800 upright: only 320 fits.
    expect(image).toMatchObject({ width: 320, height: 640, widths: [320] });
    const out = await sharp(store.objects.get(`${key}-320.webp`)!.body).metadata();
    expect([out.width, out.height]).toEqual([320, 640]);
    expect(out.exif).toBeUndefined();
    expect(out.icc).toBeUndefined();
    expect(out.xmp).toBeUndefined();
    expect(out.orientation).toBeUndefined();
  });

  it('refuses more than 10 MB before looking at it', async () => {
    const bytes = Buffer.concat([await jpeg(10, 10), Buffer.alloc(MAX_IMAGE_BYTES)]);
    const error = await refusal(processImage(new MemoryBlobStore(), { bytes, key, alt: '' }));
    expect([error.status, error.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const error = await refusal(processImage(new MemoryBlobStore(), { bytes: pngHeader(50_000, 50_000), key, alt: '' }));
    expect([error.status, error.code]).toEqual([400, 'IMAGE_TOO_MANY_PIXELS']);
  });

  it.each([
    ['text', Buffer.from('xin chào, đây không phải ảnh')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['empty', Buffer.alloc(0)],
  ])('refuses %s as not an image', async (_label, bytes) => {
    const error = await refusal(processImage(new MemoryBlobStore(), { bytes, key, alt: '' }));
    expect([error.status, error.code]).toEqual([400, 'IMAGE_NOT_AN_IMAGE']);
  });

  it('refuses a JPEG cut off half-way as corrupt', async () => {
    const whole = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const store = new MemoryBlobStore();
    const error = await refusal(processImage(store, { bytes: whole.subarray(0, Math.floor(whole.length / 2)), key, alt: '' }));
    expect(error.status).toBe(400);
    expect(['IMAGE_CORRUPT', 'IMAGE_NOT_AN_IMAGE']).toContain(error.code);
    expect(store.objects.size).toBe(0);
  });

  it('refuses HEIC by name, with a hint', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    const error = await refusal(processImage(new MemoryBlobStore(), { bytes: heic, key, alt: '' }));
    expect([error.status, error.code]).toEqual([400, 'IMAGE_UNSUPPORTED_TYPE']);
  });

  it('accepts WebP and AVIF input', async () => {
    const base = sharp({ create: { width: 400, height: 300, channels: 3, background: '#246' } });
    for (const bytes of [await base.clone().webp().toBuffer(), await base.clone().avif().toBuffer()]) {
      const image = await processImage(new MemoryBlobStore(), { bytes, key, alt: '' });
      expect(image.widths).toEqual([320]);
    }
  });

  it('leaves nothing behind when the store fails on the second variant', async () => {
    const store = new MemoryBlobStore(2);
    const error = await refusal(processImage(store, { bytes: await jpeg(1500, 1000), key, alt: '' }));
    expect([error.status, error.code]).toEqual([503, 'MEDIA_STORE_UNAVAILABLE']);
    expect(store.puts).toBe(2);
    expect(store.objects.size).toBe(0);
  });
});
