import { z } from '@hono/zod-openapi';
import { ImageSchema } from '../catalog/product';
import { imagePurposes } from './image-keys';

/** A presigned upload's life: issued by the API, settled by the image processor, polled by the page. */
export const UploadRecordSchema = z
  .object({
    id: z.uuid(),
    producerId: z.string(),
    purpose: z.enum(imagePurposes),
    alt: z.string(),
    status: z.enum(['pending', 'processed', 'rejected']),
    image: ImageSchema.optional(),
    /** For a rejected upload: the pipeline's error code (IMAGE_NOT_AN_IMAGE, …) and message. */
    reason: z.object({ code: z.string(), message: z.string() }).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ImageUpload');
export type UploadRecord = z.infer<typeof UploadRecordSchema>;
