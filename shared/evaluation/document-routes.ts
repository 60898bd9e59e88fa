import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { InvalidInput, PayloadTooLarge } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole, requireSignedIn } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { EVIDENCE_UPLOAD_BODY_LIMIT, MAX_EVIDENCE_BYTES } from '../registry/registry-evidence';
import { DossierSchema, documentKinds, dossierView } from './dossier';
import { attachDocument, readDocument } from './dossier-service';

/** Takes a file: a fixed path, so the module can exempt it from the 64 KB API limit and set its own. */
export const DOSSIER_DOCUMENT_UPLOAD_PATH = '/api/dossier-documents';

const uploadDoc = createRoute({
  tags: ['evaluation'],
  security: securedBy,
  method: 'post',
  path: '/dossier-documents',
  summary: "The producer adds a document to their dossier while it is with them (submitted or sent back): PDF, JPEG or PNG by its first bytes, stored privately",
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            dossierId: z.string().openapi({ example: 'hs-3f9a0c1b2d4e' }),
            kind: z.enum(documentKinds),
            file: z.string().openapi({ type: 'string', format: 'binary', description: `PDF, JPEG or PNG, at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: DossierSchema } }, description: 'The dossier with the document (a new version)' },
    400: errorResponse('DOCUMENT_FILE_MISSING, DOCUMENT_TYPE_UNSUPPORTED, DOCUMENT_TOO_LARGE, INVALID_DOCUMENT_KIND'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_DOSSIER_PRODUCER'),
    404: errorResponse('DOSSIER_NOT_FOUND'),
    409: errorResponse('DOSSIER_LOCKED, TOO_MANY_DOCUMENTS, DOSSIER_CONFLICT'),
    413: errorResponse('Larger than the limit'),
    503: errorResponse('EVIDENCE_STORE_UNAVAILABLE'),
  },
});

const readDocRoute = createRoute({
  tags: ['evaluation'],
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/dossiers/{id}/documents/{docId}',
  summary: 'A document of the dossier, for those who may read it; never cached',
  request: { params: z.object({ id: PublicIdSchema.openapi({ example: 'hs-3f9a0c1b2d4e' }), docId: z.uuid().openapi({ example: '0b6c1c8e-7f0a-4a51-9d0e-6c4f5a8e2b11' }) }) },
  responses: {
    200: { content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, description: 'The file' },
    400: errorResponse('Malformed id'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_DOSSIER_READER'),
    404: errorResponse('DOSSIER_NOT_FOUND, DOCUMENT_NOT_FOUND'),
  },
});

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function documentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerPath(uploadDoc);
  app.post(
    '/dossier-documents',
    bodyLimit({
      maxSize: EVIDENCE_UPLOAD_BODY_LIMIT,
      onError: () => {
        throw new PayloadTooLarge(EVIDENCE_UPLOAD_BODY_LIMIT);
      },
    }),
    requireRole('producer'),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw new InvalidInput('Gửi biểu mẫu multipart/form-data', 'INVALID_INPUT');
      });
      const dossierId = text(form.dossierId);
      if (!dossierId || !PublicIdSchema.safeParse(dossierId).success) throw new InvalidInput('Thiếu mã hồ sơ', 'INVALID_INPUT');
      const file = form.file;
      const input = file instanceof File ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : { bytes: new Uint8Array(), fileName: '' };
      const saved = await attachDocument(c.get('services'), requirePrincipal(c), dossierId, text(form.kind) ?? '', input);
      return c.json(dossierView(saved), 201);
    },
  );
  app.openapi(readDocRoute, async (c) => {
    const { id, docId } = c.req.valid('param');
    const doc = await readDocument(c.get('services'), requirePrincipal(c), id, docId);
    return c.body(new Uint8Array(doc.body), 200, {
      'content-type': doc.contentType,
      'cache-control': 'no-store',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'x-content-type-options': 'nosniff',
    }) as never;
  });
  return app;
}
