/**
 * Where product images and other uploaded media live. Keys are relative, lower-case paths such as
 * `demo/products/nuoc-mam-phu-quoc-40-do-dam-1a2b-640.webp`; the same key works for the local
 * directory and for S3, so what the app stores in DynamoDB never depends on the host.
 */
export interface MediaObject {
  body: Buffer;
  contentType: string;
}

export interface MediaStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Undefined when nothing is stored under the key. */
  get(key: string): Promise<MediaObject | undefined>;
}

const SEGMENT = /^[a-z0-9][a-z0-9_.-]*$/;
export const MAX_MEDIA_KEY_LENGTH = 512;

/**
 * A key is one or more `/`-separated segments of [a-z0-9_.-], none empty and none starting with a
 * dot: no `..`, no absolute paths, no hidden files, so a key can never leave the store's root.
 */
export function isValidMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_MEDIA_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment));
}

const typesByExtension: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

/** The content type a key's extension implies, if it is a known one. */
export function contentTypeForKey(key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  if (dot < 0 || dot < key.lastIndexOf('/')) return undefined;
  return typesByExtension[key.slice(dot + 1)];
}
