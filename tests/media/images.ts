import sharp from 'sharp';
import type { MediaBlobStore } from '../../shared/media/blob-store';
import type { MediaObject } from '../../shared/media/media-store';

/** A real JPEG, optionally with EXIF orientation and GPS tags as a phone writes them. */
export function jpeg(width: number, height: number, exif?: { orientation?: number; gps?: boolean }): Promise<Buffer> {
  let img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 30 } } }).jpeg();
  if (exif) {
    if (exif.orientation) img = img.withMetadata({ orientation: exif.orientation });
    img = img.withExif({
      IFD0: { Make: 'PhoneCo' },
      ...(exif.gps ? { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 41/1 0/1' } } : {}),
    });
  }
  return img.toBuffer();
}

export const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 60, alpha: 1 } } }).png().toBuffer();

/** An in-memory store whose puts can be made to fail, to prove a failed upload leaves nothing. */
export class MemoryBlobStore implements MediaBlobStore {
  readonly objects = new Map<string, MediaObject>();
  puts = 0;
  constructor(private readonly failOnPut?: number) {}

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    this.puts += 1;
    // Write first, then fail: the worst case, an object the caller was told did not arrive.
    this.objects.set(key, { body, contentType });
    if (this.puts === this.failOnPut) throw new Error('disk full');
  }
  async get(key: string) {
    return this.objects.get(key);
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
}

/** Whether EXIF holds a GPS IFD pointer (tag 0x8825, either byte order). */
export const hasGpsPointer = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
