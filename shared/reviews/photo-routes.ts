import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ImageSchema } from '../catalog/product';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { Conflict, PayloadTooLarge } from '../http/errors';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireSignedIn } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { MAX_IMAGE_BYTES } from '../media/image-errors';
import { newReviewPhotoKey } from '../media/review-photo-input';
import { IMAGE_UPLOAD_BODY_LIMIT } from '../media/routes';
import { requireFile, textField } from '../media/upload-form';

/** Takes a file: the reviews module exempts it from the 64 KB API body limit and sets its own. */
export const REVIEW_PHOTO_UPLOAD_PATH = '/api/reviews/photos';

const uploadDoc = createRoute({
  tags: ['reviews'],
  security: securedBy,
  method: 'post',
  path: '/reviews/photos',
  summary: "Upload a photo for your review (local runs): the image pipeline stores it in your own folder `reviews/<accountId>/<uuid>`",
  description: 'Validated, turned upright and stripped of EXIF/GPS like product images (docs/images.md). Send the answer in `photos` of the review (at most 5).',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string().openapi({ type: 'string', format: 'binary', description: `JPEG, PNG, WebP or AVIF, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB` }), alt: z.string().max(300).optional() }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: ImageSchema } }, description: 'The stored photo' },
    400: errorResponse('IMAGE_NOT_AN_IMAGE, IMAGE_UNSUPPORTED_TYPE, IMAGE_CORRUPT, IMAGE_TOO_MANY_PIXELS, IMAGE_FILE_MISSING'),
    401: errorResponse('Not signed in'),
    409: errorResponse('REVIEW_PHOTOS_UNAVAILABLE: this deployment has no synchronous image pipeline (AWS)'),
    413: errorResponse('Larger than 10 MB'),
  },
});

export function reviewPhotoRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Documented through the registry, parsed by hand (multipart): sign-in is checked before the body is read.
  app.openAPIRegistry.registerPath(uploadDoc);
  app.post(
    '/reviews/photos',
    bodyLimit({
      maxSize: IMAGE_UPLOAD_BODY_LIMIT,
      onError: () => {
        throw new PayloadTooLarge(IMAGE_UPLOAD_BODY_LIMIT);
      },
    }),
    requireSignedIn(),
    async (c) => {
      const principal = requirePrincipal(c);
      const media = c.get('services').media;
      // The API Lambda has no sharp and a 6 MB payload cap; review photos have no presigned path yet (docs/reviews.md).
      if (!media || media.presigner) throw new Conflict('Chưa tải được ảnh đánh giá trên bản này', 'REVIEW_PHOTOS_UNAVAILABLE');
      const form = await c.req.parseBody();
      const file = requireFile(form.file);
      const alt = (textField(form.alt) ?? '').trim().slice(0, 300);
      const { processImage } = await import('../media/image-pipeline');
      const image = await processImage(media.store, { bytes: new Uint8Array(await file.arrayBuffer()), key: newReviewPhotoKey(principal.accountId), alt });
      c.header('Cache-Control', 'no-store');
      return c.json(image, 201);
    },
  );
  return app;
}
