import { randomUUID } from 'node:crypto';
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
    /** Set by the dashboard's upload form: the product the image is for (the return page appends it there only). */
    productId: z.string().optional(),
    status: z.enum(['pending', 'processed', 'rejected']),
    image: ImageSchema.optional(),
    /** For a rejected upload: the pipeline's error code (IMAGE_NOT_AN_IMAGE, …) and message. */
    reason: z.object({ code: z.string(), message: z.string() }).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ImageUpload');
export type UploadRecord = z.infer<typeof UploadRecordSchema>;

/** A new upload, pending until the processor settles it; written before any URL or form is signed. */
export function pendingUpload(fields: Pick<UploadRecord, 'producerId' | 'purpose' | 'alt'> & { productId?: string | undefined }, now: Date): UploadRecord {
  const at = now.toISOString();
  const { productId, ...rest } = fields;
  return { id: randomUUID(), ...rest, ...(productId ? { productId } : {}), status: 'pending', createdAt: at, updatedAt: at };
}
