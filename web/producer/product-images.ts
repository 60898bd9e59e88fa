import type { Product } from '../../shared/catalog/product';
import { editProduct, ownedProduct } from '../../shared/catalog/management-service';
import { ProductPatchSchema } from '../../shared/catalog/management-schemas';
import { AppError, Conflict, InvalidInput } from '../../shared/http/errors';
import type { Principal } from '../../shared/identity/principal';
import { newImageKey, variantKey } from '../../shared/media/image-keys';
import type { MediaServices } from '../../shared/media/services';
import { ImageUploadFieldsSchema } from '../../shared/media/upload-form';
import type { PresignedPostForm } from '../../shared/media/upload-presigner';
import type { UploadRecord } from '../../shared/media/upload-record';
import type { Services } from '../../shared/services';
import { startDirectUpload } from './direct-upload';
import { imageDonePath } from './paths';
import { MAX_PRODUCT_IMAGES } from './product-form';

function mediaOf(services: Services): MediaServices {
  if (!services.media) throw new Error('media services are not wired');
  return services.media;
}

/** The product's images replaced through editProduct: ownership, archive and schema rules stay the API's. */
function saveImages(services: Services, principal: Principal, product: Product, images: Product['images']): Promise<Product> {
  const patch = ProductPatchSchema.safeParse({ images, expectedUpdatedAt: product.updatedAt });
  if (!patch.success) throw new InvalidInput(`Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh`, 'TOO_MANY_IMAGES');
  // Conditional on the version just read, not on the page's: an image added in another tab is kept,
  // and a write racing this one is a 409 rather than a lost image.
  return editProduct(services, principal, product.id, patch.data);
}

/**
 * A file from the edit page's form through the same pipeline as POST /api/media/images (validated,
 * EXIF/GPS stripped, WebP variants), then appended to the product. `product` must come from
 * ownedProduct: nothing is decoded for a stranger. A bad file is refused before anything is stored.
 */
export async function addProductImage(services: Services, principal: Principal, product: Product, file: unknown, altInput: string): Promise<Product> {
  const media = mediaOf(services);
  // With a bucket (AWS) the API Lambda has no sharp and a 6 MB payload limit: images go straight to S3.
  // The edit page renders the S3 form there (startProductUpload); this post comes from a page rendered before.
  if (media.presigner) throw new Conflict('Ảnh được tải thẳng lên kho lưu trữ ảnh: trang đã tải lại, hãy chọn ảnh lần nữa', 'USE_PRESIGNED_UPLOAD');
  if (product.status === 'archived') throw new Conflict('Sản phẩm đã lưu trữ, không sửa được', 'PRODUCT_ARCHIVED');
  // Checked before decoding, so a full gallery costs no image processing (the schema re-checks on save).
  if (product.images.length >= MAX_PRODUCT_IMAGES) throw new InvalidInput(`Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh: gỡ bớt một ảnh trước`, 'TOO_MANY_IMAGES');
  if (!(file instanceof File) || file.size === 0) throw new InvalidInput('Chọn một tệp ảnh để tải lên', 'IMAGE_FILE_MISSING');
  const alt = ImageUploadFieldsSchema.shape.alt.safeParse(altInput);
  if (!alt.success) throw new InvalidInput('Mô tả ảnh tối đa 300 ký tự', 'INVALID_INPUT', [{ path: 'alt', message: 'Tối đa 300 ký tự' }]);

  // sharp only on this path, as in the API route: nothing else in the bundle loads it.
  const { processImage } = await import('../../shared/media/image-pipeline');
  const image = await processImage(media.store, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    key: newImageKey('product', product.producerId),
    alt: alt.data || product.name,
  });
  try {
    return await saveImages(services, principal, product, [...product.images, image]);
  } catch (error) {
    // Not attached to any product: stored variants would only be litter.
    await Promise.allSettled(image.widths.map((w) => media.store.delete(variantKey(image.key, w))));
    throw error;
  }
}

/**
 * Takes the image off the product. Its files stay: a product page cached for a minute may still
 * show it, and keys are never reused.
 */
export async function removeProductImage(services: Services, principal: Principal, product: Product, key: string): Promise<Product> {
  if (!product.images.some((i) => i.key === key)) return product;
  return saveImages(
    services,
    principal,
    product,
    product.images.filter((i) => i.key !== key),
  );
}

/**
 * In AWS: a pending upload record for this product (as POST /api/media/uploads writes it) and a
 * form signed for S3 that sends the browser back to the return page. One PutItem per render of
 * the edit page; unused records expire with their TTL (a day), unused raw keys never exist.
 * Undefined locally (no bucket), for an archived product and for a full gallery.
 */
export function startProductUpload(services: Services, product: Product, siteOrigin: string): Promise<PresignedPostForm | undefined> {
  if (product.status === 'archived' || product.images.length >= MAX_PRODUCT_IMAGES) return Promise.resolve(undefined);
  return startDirectUpload(services, { producerId: product.producerId, purpose: 'product', productId: product.id }, (uploadId) => imageDonePath(product.id, uploadId), siteOrigin);
}

/**
 * A processed direct upload appended to the product (owner-checked by the caller and again by
 * editProduct). Idempotent: reloading the return page finds the image already there. A product
 * edited in the meantime is re-read once rather than answering 409 to a page the producer never typed in.
 */
export async function appendUploadedImage(services: Services, principal: Principal, product: Product, upload: UploadRecord): Promise<Product> {
  const image = upload.image;
  if (upload.status !== 'processed' || !image) throw new Conflict('Ảnh chưa xử lý xong', 'UPLOAD_NOT_PROCESSED');
  const append = (p: Product) => {
    if (p.images.some((i) => i.key === image.key)) return Promise.resolve(p);
    if (p.status === 'archived') throw new Conflict('Sản phẩm đã lưu trữ, không sửa được', 'PRODUCT_ARCHIVED');
    if (p.images.length >= MAX_PRODUCT_IMAGES) throw new InvalidInput(`Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh: gỡ bớt một ảnh rồi tải lại`, 'TOO_MANY_IMAGES');
    return saveImages(services, principal, p, [...p.images, { ...image, alt: image.alt.trim() || p.name }]);
  };
  try {
    return await append(product);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'PRODUCT_CONFLICT') throw error;
    return append(await ownedProduct(services, principal, product.id));
  }
}
