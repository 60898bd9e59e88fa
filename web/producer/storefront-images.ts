import { AppError, Conflict, InvalidInput } from '../../shared/http/errors';
import type { Principal } from '../../shared/identity/principal';
import { newImageKey, variantKey } from '../../shared/media/image-keys';
import type { PresignedPostForm } from '../../shared/media/upload-presigner';
import type { UploadRecord } from '../../shared/media/upload-record';
import type { Services } from '../../shared/services';
import { editStorefront } from '../../shared/storefront/edit-service';
import type { Producer } from '../../shared/storefront/producer';
import { startDirectUpload } from './direct-upload';

/** The storefront's two pictures: which pipeline purpose, which Producer fields, which address. */
export const storefrontImageKinds = {
  logo: { purpose: 'logo', keyField: 'logoKey', slug: 'logo', label: 'Logo' },
  banner: { purpose: 'banner', keyField: 'bannerKey', slug: 'anh-bia', label: 'Ảnh bìa' },
} as const;
export type StorefrontImageKind = keyof typeof storefrontImageKinds;

export const storefrontImagePath = (kind: StorefrontImageKind) => `/co-so-cua-toi/${storefrontImageKinds[kind].slug}`;
export const storefrontImageRemovePath = (kind: StorefrontImageKind) => `${storefrontImagePath(kind)}/go`;
/** Where S3 sends the browser back after a direct upload (AWS). */
export const storefrontImageDonePath = (kind: StorefrontImageKind) => `${storefrontImagePath(kind)}/xong`;
export const storefrontImageDoneUrl = (kind: StorefrontImageKind, uploadId: string) => `${storefrontImageDonePath(kind)}?tai-len=${encodeURIComponent(uploadId)}`;

/** Alt text on every page: from the storefront's current name, so a rename follows. */
export const storefrontImageAlt = (kind: StorefrontImageKind, name: string) => (kind === 'logo' ? `Logo ${name}` : `Ảnh bìa của ${name}`);

/**
 * A file from the dashboard's form through the same pipeline as POST /api/media/images (validated,
 * EXIF/GPS stripped, WebP variants under `logos/<id>/…` or `banners/<id>/…`), then saved through
 * editStorefront (owner check, conditional on the version just read). A bad file is refused before
 * anything is stored; if the save fails, the variants just stored are deleted.
 */
export async function setStorefrontImage(services: Services, principal: Principal, producer: Producer, kind: StorefrontImageKind, file: unknown): Promise<Producer> {
  const media = services.media;
  if (!media) throw new Error('media services are not wired');
  // AWS: the API Lambda has no sharp and a 6 MB payload limit: the dashboard renders forms straight to S3
  // there (startStorefrontUpload); this post comes from a page rendered before.
  if (media.presigner) throw new Conflict('Ảnh được tải thẳng lên kho lưu trữ ảnh: trang đã tải lại, hãy chọn ảnh lần nữa', 'USE_PRESIGNED_UPLOAD');
  if (!(file instanceof File) || file.size === 0) throw new InvalidInput('Chọn một tệp ảnh để tải lên', 'IMAGE_FILE_MISSING');
  const { purpose, keyField } = storefrontImageKinds[kind];
  // sharp only on this path, as in the API route.
  const { processImage } = await import('../../shared/media/image-pipeline');
  const image = await processImage(media.store, { bytes: new Uint8Array(await file.arrayBuffer()), key: newImageKey(purpose, producer.id), alt: '' });
  try {
    const { producer: next } = await editStorefront(services, principal, producer.id, { [keyField]: image.key, [kind]: image, expectedUpdatedAt: producer.updatedAt ?? producer.createdAt });
    return next;
  } catch (error) {
    // Not attached to the storefront: stored variants would only be litter.
    await Promise.allSettled(image.widths.map((w) => media.store.delete(variantKey(image.key, w))));
    throw error;
  }
}

/**
 * Takes the logo or banner off the storefront, if it is still the one the form showed (`key`): a form
 * from before a newer upload removes nothing. The files stay: cached pages may still show them.
 */
export async function removeStorefrontImage(services: Services, principal: Principal, producer: Producer, kind: StorefrontImageKind, key: string): Promise<Producer> {
  const { keyField } = storefrontImageKinds[kind];
  if (!producer[keyField] || producer[keyField] !== key) return producer;
  const { producer: next } = await editStorefront(services, principal, producer.id, { [keyField]: undefined, [kind]: undefined, expectedUpdatedAt: producer.updatedAt ?? producer.createdAt });
  return next;
}

/**
 * In AWS: a pending upload record with purpose 'logo' or 'banner' (the processor stores it under
 * `logos/<id>/…` or `banners/<id>/…`) and a form signed for S3 whose redirect is the return page.
 * Undefined locally (no bucket).
 */
export function startStorefrontUpload(services: Services, producerId: string, kind: StorefrontImageKind, siteOrigin: string): Promise<PresignedPostForm | undefined> {
  return startDirectUpload(services, { producerId, purpose: storefrontImageKinds[kind].purpose }, (uploadId) => storefrontImageDoneUrl(kind, uploadId), siteOrigin);
}

/**
 * A processed direct upload saved as the logo or banner through editStorefront (owner check, key
 * folder check). Idempotent: reloading the return page finds it already there. A storefront edited
 * in the meantime is re-read once rather than answering 409 to a page the producer never typed in.
 */
export async function saveUploadedStorefrontImage(services: Services, principal: Principal, producer: Producer, kind: StorefrontImageKind, upload: UploadRecord): Promise<Producer> {
  const image = upload.image;
  if (upload.status !== 'processed' || !image) throw new Conflict('Ảnh chưa xử lý xong', 'UPLOAD_NOT_PROCESSED');
  const { keyField } = storefrontImageKinds[kind];
  const save = async (p: Producer) => {
    if (p[keyField] === image.key && p[kind]?.key === image.key) return p;
    const { producer: next } = await editStorefront(services, principal, p.id, { [keyField]: image.key, [kind]: { ...image, alt: '' }, expectedUpdatedAt: p.updatedAt ?? p.createdAt });
    return next;
  };
  try {
    return await save(producer);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'PRODUCER_CONFLICT') throw error;
    const fresh = await services.producers.getProducer(producer.id);
    if (!fresh) throw error;
    return save(fresh);
  }
}
