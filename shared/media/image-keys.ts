import { randomUUID } from 'node:crypto';

/**
 * Image keys are relative to the media root, like the demo ones (`demo/products/…`): the pages
 * build `${mediaBaseUrl}/${key}-${w}.webp`, which is `.data/media/<key>…` locally and, through
 * CloudFront's /media/* behaviour, `media/<key>…` in the bucket. Raw uploads live outside that
 * root (`uploads/…` in the bucket), so an unprocessed file can never be served.
 */
export const imagePurposes = ['product', 'logo', 'banner'] as const;
export type ImagePurpose = (typeof imagePurposes)[number];

const folderOf: Record<ImagePurpose, string> = { product: 'products', logo: 'logos', banner: 'banners' };

export function newImageKey(purpose: ImagePurpose, producerId: string): string {
  return `${folderOf[purpose]}/${producerId}/${randomUUID()}`;
}

export const variantKey = (imageKey: string, width: number) => `${imageKey}-${width}.webp`;

/** The bucket folders (S3 keys, not media keys). */
export const UPLOADS_PREFIX = 'uploads/';
export const MEDIA_PREFIX = 'media/';

export const uploadObjectKey = (producerId: string, uploadId: string) => `${UPLOADS_PREFIX}${producerId}/${uploadId}`;

const UPLOAD_KEY = /^uploads\/([a-z0-9-]{3,80})\/([0-9a-f-]{36})$/;

/** The producer and upload id an S3 object key names, or undefined for anything else. */
export function parseUploadObjectKey(key: string): { producerId: string; uploadId: string } | undefined {
  const m = UPLOAD_KEY.exec(key);
  return m ? { producerId: m[1]!, uploadId: m[2]! } : undefined;
}
