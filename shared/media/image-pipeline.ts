import sharp from 'sharp';
import type { Image } from '../catalog/product';
import type { MediaBlobStore } from './blob-store';
import { corruptImage, ImageTooLarge, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MediaStoreUnavailable, notAnImage, tooManyPixels, unsupportedImage } from './image-errors';
import { variantKey } from './image-keys';
import { sniffImageType, type SniffedType } from './image-sniff';
import { IMAGE_WIDTHS } from './image-widths';

export { IMAGE_WIDTHS };

/** sharp's own name for each accepted type: the header must agree with the magic bytes. */
const sharpFormat: Record<Exclude<SniffedType, 'heic'>, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' };

export interface ProcessImageInput {
  bytes: Uint8Array;
  /** The media key the variants get (`<key>-<w>.webp`). */
  key: string;
  alt: string;
}

interface Variant {
  width: number;
  height: number;
  body: Buffer;
}

/**
 * Untrusted bytes in, a stored Image out — the same code behind the local upload route and the
 * S3-triggered Lambda. Either every variant is stored or none is.
 */
export async function processImage(store: MediaBlobStore, input: ProcessImageInput): Promise<Image> {
  const variants = await renderVariants(input.bytes);
  await storeAll(store, input.key, variants);
  const largest = variants[variants.length - 1]!;
  return { key: input.key, width: largest.width, height: largest.height, widths: variants.map((v) => v.width), alt: input.alt };
}

/** Validates and encodes in memory; nothing is written until every variant exists. */
export async function renderVariants(bytes: Uint8Array): Promise<Variant[]> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageTooLarge(bytes.length);
  const type = sniffImageType(bytes);
  if (!type) throw notAnImage();
  if (type === 'heic') throw unsupportedImage('HEIC');
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' } as const;

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    // Header only: the pixel count is checked before a single pixel is decoded.
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage('unreadable header');
  }
  if (meta.format !== sharpFormat[type]) throw notAnImage(`header says ${meta.format}`);
  // An AVIF container can hold HEVC; sharp reports the codec as compression.
  if (type === 'avif' && meta.compression !== 'av1') throw unsupportedImage('HEIC');
  const { width, height } = meta;
  if (!width || !height) throw notAnImage('no dimensions');
  if (width * height > MAX_IMAGE_PIXELS) throw tooManyPixels(width, height);

  // EXIF orientations 5–8 are quarter turns: the upright image has width and height swapped.
  const upright = (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
  const widths = IMAGE_WIDTHS.filter((w) => w <= upright.width);
  const targets = widths.length > 0 ? widths : [upright.width];

  try {
    // rotate() with no angle applies and then drops the EXIF orientation. No withMetadata(): sharp
    // writes no EXIF (GPS, camera serial), XMP or ICC profile unless asked to.
    const base = sharp(bytes, options).rotate();
    return await Promise.all(
      targets.map(async (w) => {
        const { data, info } = await base.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, body: data };
      }),
    );
  } catch {
    throw corruptImage();
  }
}

async function storeAll(store: MediaBlobStore, key: string, variants: Variant[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const v of variants) {
      const k = variantKey(key, v.width);
      // Recorded before the put: a put that failed half-way may still have left an object.
      written.push(k);
      await store.put(k, v.body, 'image/webp');
    }
  } catch (error) {
    await Promise.allSettled(written.map((k) => store.delete(k)));
    if (error instanceof Error && 'status' in error) throw error;
    throw new MediaStoreUnavailable();
  }
}
