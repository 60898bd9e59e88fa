import { z } from '@hono/zod-openapi';
import { Forbidden } from '../http/errors';
import { IMAGE_WIDTHS } from './image-widths';

const SLUG = '[a-z0-9-]{3,80}';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * The two key forms a product image can have: the pipeline's `products/<producer>/<uuid>`
 * (newImageKey) and the demo seed's `demo/products/<product>`. Nothing else: the key is pasted into
 * `src` and `srcset`, where a space, comma or `//host` would make shoppers' browsers fetch elsewhere.
 */
const PRODUCT_IMAGE_KEY = new RegExp(`^(products/(${SLUG})/${UUID}|demo/products/${SLUG})$`);

/** The producer whose folder a pipeline key is in; undefined for a demo key. */
function folderOwner(key: string): string | undefined {
  return PRODUCT_IMAGE_KEY.exec(key)?.[2];
}

/**
 * What the pipeline can have produced: every standard width up to the image's own (320, 640, 1280
 * in order), or one width under 320 for a smaller picture; the record's width is the largest.
 */
export function isPipelineWidths(widths: number[]): boolean {
  if (widths.length === 1 && widths[0]! < IMAGE_WIDTHS[0]) return true;
  return widths.length <= IMAGE_WIDTHS.length && widths.every((w, i) => w === IMAGE_WIDTHS[i]);
}

/** An image in a product's create or edit body: the Image record, checked against the pipeline's formats. */
export const ProductImageInputSchema = z
  .object({
    key: z.string().regex(PRODUCT_IMAGE_KEY, 'Mã ảnh không hợp lệ').openapi({ description: 'products/{producerId}/{uuid} from the upload, or a key already on the product' }),
    width: z.number().int().positive().max(Math.max(...IMAGE_WIDTHS)),
    height: z.number().int().positive().max(40_000),
    widths: z
      .array(z.number().int().positive())
      .min(1)
      .refine(isPipelineWidths, `Các cỡ ảnh phải là ${IMAGE_WIDTHS.join(', ')} theo thứ tự (hoặc một cỡ nhỏ hơn ${IMAGE_WIDTHS[0]})`),
    alt: z.string().max(300),
  })
  .strict()
  .refine((image) => image.width === image.widths[image.widths.length - 1], { message: 'Chiều rộng ảnh là cỡ lớn nhất', path: ['width'] })
  .openapi('ImageInput');

/**
 * A product may show its producer's own uploads, and keep any image it already has (the demo
 * seed's among them); another producer's key, or a demo key from another product, is not its to show.
 */
export function isOwnProductImage(key: string, producerId: string, current: readonly { key: string }[]): boolean {
  if (current.some((image) => image.key === key)) return true;
  return folderOwner(key) === producerId;
}

/** 403 IMAGE_NOT_OWNED (the storefront's code for the same refusal) for the first image that is not the product's to show. */
export function assertOwnProductImages(images: readonly { key: string }[] | undefined, producerId: string, current: readonly { key: string }[] = []): void {
  for (const { key } of images ?? []) {
    if (!isOwnProductImage(key, producerId, current)) throw new Forbidden('Ảnh này không thuộc cơ sở của bạn', 'IMAGE_NOT_OWNED');
  }
}
