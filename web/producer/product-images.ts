import type { Product } from '../../shared/catalog/product';
import { editProduct } from '../../shared/catalog/product-management';
import { ProductPatchSchema } from '../../shared/catalog/product-management-schemas';
import { Conflict, InvalidInput } from '../../shared/http/errors';
import type { Principal } from '../../shared/identity/principal';
import { newImageKey, variantKey } from '../../shared/media/image-keys';
import type { MediaServices } from '../../shared/media/media-services';
import { ImageUploadFieldsSchema } from '../../shared/media/upload-form';
import type { Services } from '../../shared/services';
import { MAX_PRODUCT_IMAGES } from './product-form';

function mediaOf(services: Services): MediaServices {
  if (!services.media) throw new Error('media services are not wired');
  return services.media;
}

/** The product's images replaced through editProduct: ownership, archive and schema rules stay the API's. */
function saveImages(services: Services, principal: Principal, product: Product, images: Product['images']): Promise<Product> {
  const patch = ProductPatchSchema.safeParse({ images, expectedUpdatedAt: product.updatedAt });
  if (!patch.success) throw new InvalidInput(`Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh`, undefined, 'TOO_MANY_IMAGES');
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
  if (media.presigner) throw new Conflict('Máy chủ này nhận ảnh qua tải lên trực tiếp (POST /api/media/uploads); biểu mẫu này chưa dùng được ở đây', 'USE_PRESIGNED_UPLOAD');
  if (product.status === 'archived') throw new Conflict('Sản phẩm đã lưu trữ, không sửa được', 'PRODUCT_ARCHIVED');
  // Checked before decoding, so a full gallery costs no image processing (the schema re-checks on save).
  if (product.images.length >= MAX_PRODUCT_IMAGES) throw new InvalidInput(`Mỗi sản phẩm có tối đa ${MAX_PRODUCT_IMAGES} ảnh: gỡ bớt một ảnh trước`, undefined, 'TOO_MANY_IMAGES');
  if (!(file instanceof File) || file.size === 0) throw new InvalidInput('Chọn một tệp ảnh để tải lên', undefined, 'IMAGE_FILE_MISSING');
  const alt = ImageUploadFieldsSchema.shape.alt.safeParse(altInput);
  if (!alt.success) throw new InvalidInput('Mô tả ảnh tối đa 300 ký tự', [{ path: 'alt', message: 'Tối đa 300 ký tự' }]);

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
