import { z } from '@hono/zod-openapi';

/**
 * What the image pipeline returns and pages render: the key, the largest variant's size and the
 * widths stored as `<key>-<w>.webp`. Here (not in catalog/product) so the Producer schema can use it
 * without an import cycle; catalog/product re-exports it.
 */
export const ImageSchema = z
  .object({
    key: z.string().openapi({ description: 'Media key; variants at {key}-{width}.webp' }),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    widths: z.array(z.number().int().positive()).min(1),
    alt: z.string(),
  })
  .openapi('Image');
export type Image = z.infer<typeof ImageSchema>;
