import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { Forbidden } from '../http/errors';
import { IMAGE_WIDTHS } from './image-widths';
import { isPipelineWidths } from './product-image-input';

export const MAX_REVIEW_PHOTOS = 5;

const OWNER = '[a-z0-9-]{3,80}';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * A buyer's photo lives in the buyer's own folder, `reviews/<accountId>/<uuid>`. Nothing else: the key
 * is pasted into `src`/`srcset`, where a space, comma or `//host` would make browsers fetch elsewhere.
 */
const REVIEW_PHOTO_KEY = new RegExp(`^reviews/(${OWNER})/${UUID}$`);

export const newReviewPhotoKey = (accountId: string) => `reviews/${accountId}/${randomUUID()}`;

/** A photo in a review's create or edit body: the Image record the upload answered, checked like a product image. */
export const ReviewPhotoInputSchema = z
  .object({
    key: z.string().regex(REVIEW_PHOTO_KEY, 'Mã ảnh không hợp lệ').openapi({ description: 'reviews/{accountId}/{uuid} from POST /api/reviews/photos' }),
    width: z.number().int().positive().max(Math.max(...IMAGE_WIDTHS)),
    height: z.number().int().positive().max(40_000),
    widths: z
      .array(z.number().int().positive())
      .min(1)
      .refine(isPipelineWidths, `Các cỡ ảnh phải là ${IMAGE_WIDTHS.join(', ')} theo thứ tự (hoặc một cỡ nhỏ hơn ${IMAGE_WIDTHS[0]})`),
    alt: z.string().trim().max(300),
  })
  .strict()
  .refine((image) => image.width === image.widths[image.widths.length - 1], { message: 'Chiều rộng ảnh là cỡ lớn nhất', path: ['width'] })
  .openapi('ReviewPhotoInput');

export const ReviewPhotosSchema = z
  .array(ReviewPhotoInputSchema)
  .max(MAX_REVIEW_PHOTOS, `Tối đa ${MAX_REVIEW_PHOTOS} ảnh`)
  .refine((photos) => new Set(photos.map((p) => p.key)).size === photos.length, 'Mỗi ảnh một lần');

/** 403 IMAGE_NOT_OWNED for a photo outside the author's folder (photos already on the review stay). */
export function assertOwnReviewPhotos(photos: readonly { key: string }[] | undefined, accountId: string, current: readonly { key: string }[] = []): void {
  for (const { key } of photos ?? []) {
    if (current.some((p) => p.key === key)) continue;
    if (REVIEW_PHOTO_KEY.exec(key)?.[1] !== accountId) throw new Forbidden('Ảnh này không phải của bạn', 'IMAGE_NOT_OWNED');
  }
}
