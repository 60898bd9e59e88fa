import { z } from '@hono/zod-openapi';
import { InvalidInput } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { imagePurposes } from './image-keys';

/** The text fields of an image upload, in multipart (local route) or JSON (presigned upload). */
export const ImageUploadFieldsSchema = z.object({
  producerId: PublicIdSchema.openapi({ description: 'The storefront the image belongs to (its owner uploads)' }),
  purpose: z.enum(imagePurposes),
  alt: z.string().trim().max(300).default('').openapi({ description: 'Text for screen readers; the product name will do' }),
});
export type ImageUploadFields = z.infer<typeof ImageUploadFieldsSchema>;

export const MultipartImageSchema = ImageUploadFieldsSchema.extend({
  file: z.string().openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or AVIF, at most 10 MB and 40 MP' }),
});

/** A form field as text, whatever parseBody made of it (a repeated field is an array). */
export function textField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function parseUploadFields(raw: Record<string, unknown>): ImageUploadFields {
  const result = ImageUploadFieldsSchema.safeParse({ producerId: textField(raw.producerId), purpose: textField(raw.purpose), alt: textField(raw.alt) });
  if (!result.success) {
    throw new InvalidInput('Request parameters are invalid', 'INVALID_INPUT', result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return result.data;
}

export function requireFile(value: unknown): File {
  if (value instanceof File && value.size > 0) return value;
  throw new InvalidInput('Chưa chọn tệp ảnh (trường "file")', 'IMAGE_FILE_MISSING');
}
