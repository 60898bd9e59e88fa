import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ImageSchema } from '../catalog/product';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { Conflict, NotFound, PayloadTooLarge } from '../http/errors';
import { validationHook } from '../http/validation-hook';
import { currentPrincipal } from '../identity/authenticate';
import { assertOwnsStorefront, requireRole } from '../identity/authorize';
import type { Services } from '../services';
import { MAX_IMAGE_BYTES } from './image-errors';
import { newImageKey, uploadObjectKey } from './image-keys';
import type { MediaServices } from './services';
import { ImageUploadFieldsSchema, MultipartImageSchema, parseUploadFields, requireFile } from './upload-form';
import { pendingUpload, UploadRecordSchema } from './upload-record';

/** The one API route that takes a file: app.ts exempts it from the 64 KB API body limit. */
export const IMAGE_UPLOAD_PATH = '/api/media/images';
/** The file plus the form's few text fields and multipart boundaries. */
export const IMAGE_UPLOAD_BODY_LIMIT = MAX_IMAGE_BYTES + 64 * 1024;

const security: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }];

const uploadImageDoc = createRoute({
  method: 'post',
  path: '/media/images',
  tags: ['media'],
  summary: 'Upload an image for your storefront; stored as WebP variants (local runs)',
  description:
    'Synchronous: validates, turns upright, strips EXIF/GPS and stores 320/640/1280 px WebP variants at `{key}-{width}.webp`. In AWS use POST /api/media/uploads (the API Lambda payload limit is 6 MB).',
  security,
  request: { body: { content: { 'multipart/form-data': { schema: MultipartImageSchema } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: ImageSchema } }, description: 'The stored image' },
    400: errorResponse('Not an image (IMAGE_NOT_AN_IMAGE, IMAGE_UNSUPPORTED_TYPE, IMAGE_CORRUPT), too many pixels (IMAGE_TOO_MANY_PIXELS) or missing fields'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the storefront owner'),
    409: errorResponse('This deployment takes presigned uploads (USE_PRESIGNED_UPLOAD)'),
    413: errorResponse('Larger than 10 MB'),
  },
});

const createUpload = createRoute({
  method: 'post',
  path: '/media/uploads',
  tags: ['media'],
  summary: 'Start a direct-to-S3 image upload (AWS): a presigned PUT URL, then poll the upload',
  security,
  middleware: [requireRole('producer')] as const,
  request: { body: { content: { 'application/json': { schema: ImageUploadFieldsSchema } }, required: true } },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({
            upload: UploadRecordSchema,
            put: z.object({ url: z.url(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.iso.datetime() }),
            maxBytes: z.number().int(),
          }),
        },
      },
      description: 'Upload the file with the given method and URL, then poll GET /api/media/uploads/{id}',
    },
    400: errorResponse('Invalid fields'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the storefront owner'),
    409: errorResponse('No bucket here: use POST /api/media/images (DIRECT_UPLOAD_UNAVAILABLE)'),
  },
});

const getUpload = createRoute({
  method: 'get',
  path: '/media/uploads/{id}',
  tags: ['media'],
  summary: 'The state of a presigned upload: pending, processed (with the Image) or rejected (with the reason)',
  security,
  middleware: [requireRole('producer', 'admin')] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { content: { 'application/json': { schema: UploadRecordSchema } }, description: 'The upload' },
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the storefront owner'),
    404: errorResponse('No such upload'),
  },
});

function mediaOf(services: Services): MediaServices {
  if (!services.media) throw new Error('media services are not wired');
  return services.media;
}

export function mediaRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Documented through the registry but parsed by hand: the owner check must come before the
  // file is read, and it needs the producerId field of the same form.
  app.openAPIRegistry.registerPath(uploadImageDoc);
  app.post(
    '/media/images',
    bodyLimit({
      maxSize: IMAGE_UPLOAD_BODY_LIMIT,
      onError: () => {
        throw new PayloadTooLarge(IMAGE_UPLOAD_BODY_LIMIT);
      },
    }),
    requireRole('producer'),
    async (c) => {
      const services = c.get('services');
      const media = mediaOf(services);
      if (media.presigner) throw new Conflict('Hãy tải ảnh lên qua POST /api/media/uploads', 'USE_PRESIGNED_UPLOAD');
      const form = await c.req.parseBody();
      const fields = parseUploadFields(form);
      assertOwnsStorefront(currentPrincipal(c), fields.producerId);
      const file = requireFile(form.file);
      // sharp only in this route's code path: the API Lambda bundle never loads it at cold start.
      const { processImage } = await import('./image-pipeline');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const image = await processImage(media.store, { bytes, key: newImageKey(fields.purpose, fields.producerId), alt: fields.alt });
      return c.json(image, 201);
    },
  );

  app.openapi(createUpload, async (c) => {
    const services = c.get('services');
    const fields = c.req.valid('json');
    assertOwnsStorefront(currentPrincipal(c), fields.producerId);
    const media = mediaOf(services);
    if (!media.presigner) throw new Conflict('Hãy tải ảnh lên qua POST /api/media/images', 'DIRECT_UPLOAD_UNAVAILABLE');
    const now = services.clock.now();
    const upload = pendingUpload(fields, now);
    // Recorded before the URL exists: the processor only accepts uploads it can find here.
    await media.uploads.put(upload);
    const put = await media.presigner.presignPut(uploadObjectKey(fields.producerId, upload.id), now);
    return c.json({ upload, put, maxBytes: MAX_IMAGE_BYTES }, 201);
  });

  app.openapi(getUpload, async (c) => {
    const { id } = c.req.valid('param');
    const upload = await mediaOf(c.get('services')).uploads.get(id);
    if (!upload) throw new NotFound('Không tìm thấy lượt tải ảnh này', 'UPLOAD_NOT_FOUND');
    assertOwnsStorefront(currentPrincipal(c), upload.producerId, { orAdmin: true });
    return c.json(upload, 200);
  });

  return app;
}
