import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { NotFound } from '../../shared/http/errors';
import { assertOwnsStorefront } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import type { ImagePurpose } from '../../shared/media/image-keys';
import { uploadObjectKey } from '../../shared/media/image-keys';
import { POST_EXPIRES_IN_SECONDS, type PresignedPostForm } from '../../shared/media/upload-presigner';
import { pendingUpload, type UploadRecord } from '../../shared/media/upload-record';
import type { Services } from '../../shared/services';
import { NO_STORE, renderDocument } from '../render';
import { assetsOf } from '../http';
import { UploadWaitPage, type UploadWaitBack } from './upload-wait-page';

/**
 * The dashboard's direct-to-S3 uploads (AWS), shared by product images and the storefront's logo and
 * banner: a pending upload record and a signed form when the page is rendered, then a return page
 * that S3 sends the browser to, which finds the upload, waits for the image processor and saves it.
 */

type Env = Context<AppEnv>;

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;

/**
 * The site's origin as the browser sees it, for S3's redirect back after a direct upload: behind
 * CloudFront the Lambda sees API Gateway's host, and CloudFront's X-Forwarded-Host names the real one
 * (trusted only when configured, as for the CSRF check).
 */
export function siteOrigin(c: Env): string {
  const { config } = c.get('services');
  const forwarded = config.trustForwardedHost ? c.req.header('x-forwarded-host') : undefined;
  if (forwarded && HOST.test(forwarded)) return `https://${forwarded}`;
  return config.publicOrigins[0] ?? new URL(c.req.url).origin;
}

/**
 * In AWS: a pending upload record (as POST /api/media/uploads writes it) and a form signed for S3
 * that sends the browser back to `returnPath(uploadId)` on this site. One PutItem per call; unused
 * records expire with their TTL (a day), unused raw keys never exist. Undefined locally (no bucket).
 */
export async function startDirectUpload(
  services: Services,
  fields: { producerId: string; purpose: ImagePurpose; productId?: string | undefined },
  returnPath: (uploadId: string) => string,
  origin: string,
): Promise<PresignedPostForm | undefined> {
  const media = services.media;
  if (!media?.presigner) return undefined;
  const now = services.clock.now();
  const upload = pendingUpload({ ...fields, alt: '' }, now);
  // Recorded before the form is signed: the processor only accepts uploads it can find.
  await media.uploads.put(upload);
  return media.presigner.presignPost(uploadObjectKey(fields.producerId, upload.id), `${origin}${returnPath(upload.id)}`, now);
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The upload a return page names (`?tai-len=<id>`): 404 when malformed, unknown or not made for this
 * page (`fits`), 403 when it belongs to another storefront.
 */
export async function returnedUpload(c: Env, principal: Principal, fits: (upload: UploadRecord) => boolean): Promise<UploadRecord> {
  const uploadId = c.req.query('tai-len') ?? '';
  const upload = UPLOAD_ID.test(uploadId) ? await c.get('services').media?.uploads.get(uploadId) : undefined;
  if (!upload) throw new NotFound('Không tìm thấy lượt tải ảnh này', 'UPLOAD_NOT_FOUND');
  assertOwnsStorefront(principal, upload.producerId);
  if (!fits(upload)) throw new NotFound('Không tìm thấy lượt tải ảnh này', 'UPLOAD_NOT_FOUND');
  return upload;
}

/** Past the signed form's life and then some, a pending upload will not settle by itself any more. */
const UPLOAD_GIVE_UP_MS = (POST_EXPIRES_IN_SECONDS + 10 * 60) * 1000;

/** Still in the image processor: a page that reloads itself every 2 seconds (no JavaScript), with links. */
export async function renderUploadWait(c: Env, upload: UploadRecord, reload: string, back: UploadWaitBack) {
  const stuck = c.get('services').clock.now().getTime() - Date.parse(upload.createdAt) > UPLOAD_GIVE_UP_MS;
  c.header('Cache-Control', NO_STORE);
  if (!stuck) c.header('Refresh', '2');
  return c.html(await renderDocument(<UploadWaitPage assets={assetsOf(c)} back={back} reload={reload} stuck={stuck} />), 200);
}

/** The signed policy's fields as hidden inputs; the file input must come after them (S3 ignores fields after the file). */
export function SignedFields({ direct }: { direct: PresignedPostForm }) {
  return (
    <>
      {Object.entries(direct.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
