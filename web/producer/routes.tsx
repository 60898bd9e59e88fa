import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../shared/http/app-env';
import { Forbidden } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { ApplicationInputSchema } from '../../shared/onboarding/application';
import { submitApplication } from '../../shared/onboarding/service';
import { emptyForm, type FormState } from '../components/form/form';
import { fieldErrorsOf, formFailure, readForm } from '../components/form/form-state';
import { NO_STORE, renderDocument } from '../render';
import { APPLICATION_PATH, applicationFields, ApplicationPage } from './application-page';
import { DASHBOARD_PATH, DashboardPage, NoStorefrontPage, STOREFRONT_FORM_PATH, storefrontFields, storefrontFormValues } from './dashboard-page';
import { storefrontPatchFromForm } from './storefront-form';
import { editStorefront } from '../../shared/storefront/edit-service';
import type { Context } from 'hono';
import { INBOX_LIMIT, NotificationsPage } from './notifications';
import { NOTIFICATIONS_PATH } from './paths';
import { productWebRoutes } from './product-routes';
import { IMAGE_UPLOAD_BODY_LIMIT } from '../../shared/media/routes';
import { MAX_IMAGE_BYTES } from '../../shared/media/image-errors';
import { AppError } from '../../shared/http/errors';
import type { Producer } from '../../shared/storefront/producer';
import {
  removeStorefrontImage,
  saveUploadedStorefrontImage,
  setStorefrontImage,
  startStorefrontUpload,
  storefrontImageDonePath,
  storefrontImageDoneUrl,
  storefrontImageKinds,
  storefrontImagePath,
  storefrontImageRemovePath,
  type StorefrontImageKind,
} from './storefront-images';
import { renderUploadWait, returnedUpload, siteOrigin } from './direct-upload';
import type { StorefrontImageForms } from './storefront-images-section';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { bankPreviewOf } from './bank-account-section';

type DashboardStatus = 200 | 400 | 401 | 403 | 409 | 413 | 429;

/** `?da-luu=<what>` after a redirect: the dashboard's confirmation. */
const savedMessages: Record<string, string> = {
  '1': 'Đã lưu gian hàng.',
  logo: 'Đã cập nhật logo.',
  'anh-bia': 'Đã cập nhật ảnh bìa.',
  'go-logo': 'Đã gỡ logo.',
  'go-anh-bia': 'Đã gỡ ảnh bìa.',
};
const savedOf = (value: string | undefined) => (value !== undefined && Object.hasOwn(savedMessages, value) ? savedMessages[value] : undefined);

/** The caller's own storefront (the forms have no id: a producer only ever edits their own). */
function ownStorefrontId(c: Context<AppEnv>): { principal: ReturnType<typeof requirePrincipal>; producerId: string } {
  const principal = requirePrincipal(c);
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Bạn chưa có gian hàng');
  return { principal, producerId: principal.producerId };
}

async function ownProducer(c: Context<AppEnv>, producerId: string): Promise<Producer> {
  const producer = await c.get('services').producers.getProducer(producerId);
  if (!producer) throw new Forbidden('Gian hàng chưa được duyệt', 'STOREFRONT_NOT_APPROVED');
  return producer;
}

const STOREFRONT_CONFLICT = 'Gian hàng vừa được sửa ở nơi khác. Trang đã tải lại bản mới nhất: hãy thử lại.';

/** A refused logo/banner action as that form's message (a 5xx goes to the error page). */
function imageFailure(error: unknown, kind: StorefrontImageKind): { forms: StorefrontImageForms; status: DashboardStatus } | undefined {
  if (!(error instanceof AppError) || ![400, 401, 403, 409, 413, 429].includes(error.status)) return undefined;
  const message = error.code === 'PRODUCER_CONFLICT' ? STOREFRONT_CONFLICT : error.message;
  return { forms: { [kind]: { values: {}, errors: { [kind]: message } } }, status: error.status as DashboardStatus };
}

/** The producer's own pages: personal, never cached; plain forms that work without JavaScript. */
export function producerWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(APPLICATION_PATH, async (c) => {
    if (!currentPrincipal(c)) return toLogin(c, APPLICATION_PATH);
    c.header('Cache-Control', NO_STORE);
    return c.html(await renderDocument(<ApplicationPage assets={assetsOf(c)} state={emptyForm()} submitted={c.req.query('da-gui') === '1'} />));
  });

  web.post(APPLICATION_PATH, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    if (principal.role !== 'producer') throw new Forbidden('Chỉ tài khoản cơ sở sản xuất mới đăng ký gian hàng');
    const values = await readForm(c, applicationFields);
    const render = async (state: FormState, status: 400 | 401 | 403 | 409 | 429) => {
      c.header('Cache-Control', NO_STORE);
      return c.html(await renderDocument(<ApplicationPage assets={assetsOf(c)} state={state} />), status);
    };
    const parsed = ApplicationInputSchema.safeParse(values);
    if (!parsed.success) return render({ values, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      await submitApplication(c.get('services'), principal, parsed.data);
      return c.redirect(`${APPLICATION_PATH}?da-gui=1`, 303);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(failure.state, failure.status);
    }
  });

  web.get(DASHBOARD_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c, DASHBOARD_PATH);
    if (principal.role !== 'producer') throw new Forbidden('Trang này dành cho tài khoản cơ sở sản xuất');
    c.header('Cache-Control', NO_STORE);
    if (!principal.producerId) return c.html(await renderDocument(<NoStorefrontPage assets={assetsOf(c)} />));
    return renderDashboard(c, principal.producerId, undefined, 200, savedOf(c.req.query('da-luu')));
  });

  web.post(STOREFRONT_FORM_PATH, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Bạn chưa có gian hàng');
    const values = await readForm(c, storefrontFields);
    const parsed = storefrontPatchFromForm(values);
    if (!parsed.ok) return renderDashboard(c, principal.producerId, { values, errors: parsed.errors }, 400);
    try {
      await editStorefront(c.get('services'), principal, principal.producerId, parsed.patch);
      return c.redirect(`${DASHBOARD_PATH}?da-luu=1`, 303);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return renderDashboard(c, principal.producerId, failure.state, failure.status);
    }
  });

  // Logo and banner: multipart through the image pipeline, then editStorefront (storefront-images.ts).
  for (const kind of Object.keys(storefrontImageKinds) as StorefrontImageKind[]) {
    const { slug } = storefrontImageKinds[kind];
    const uploadLimit = bodyLimit({
      maxSize: IMAGE_UPLOAD_BODY_LIMIT,
      onError: async (c) => {
        const { producerId } = ownStorefrontId(c as Context<AppEnv>);
        const message = `Ảnh lớn hơn ${MAX_IMAGE_BYTES / 1024 / 1024} MB: hãy chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh`;
        return renderDashboard(c as Context<AppEnv>, producerId, undefined, 413, undefined, { [kind]: { values: {}, errors: { [kind]: message } } });
      },
    });

    web.post(storefrontImagePath(kind), uploadLimit, async (c) => {
      const { principal, producerId } = ownStorefrontId(c);
      const producer = await ownProducer(c, producerId);
      const body = await c.req.parseBody();
      try {
        await setStorefrontImage(c.get('services'), principal, producer, kind, body[kind]);
        return c.redirect(`${DASHBOARD_PATH}?da-luu=${slug}`, 303);
      } catch (error) {
        const failure = imageFailure(error, kind);
        if (!failure) throw error;
        return renderDashboard(c, producerId, undefined, failure.status, undefined, failure.forms);
      }
    });

    // Where S3 sends the browser after a direct upload (AWS). A GET with an effect, but only this: the
    // owner's own processed upload, made for this picture, is saved (a reload changes nothing).
    web.get(storefrontImageDonePath(kind), async (c) => {
      const principal = currentPrincipal(c);
      if (!principal) return toLogin(c);
      const upload = await returnedUpload(c, principal, (u) => u.purpose === storefrontImageKinds[kind].purpose);
      const { producerId } = ownStorefrontId(c);
      const producer = await ownProducer(c, producerId);
      if (upload.status === 'processed') {
        try {
          await saveUploadedStorefrontImage(c.get('services'), principal, producer, kind, upload);
          return c.redirect(`${DASHBOARD_PATH}?da-luu=${slug}`, 303);
        } catch (error) {
          const failure = imageFailure(error, kind);
          if (!failure) throw error;
          return renderDashboard(c, producerId, undefined, failure.status, undefined, failure.forms);
        }
      }
      if (upload.status === 'rejected') {
        const message = upload.reason?.message ?? 'Ảnh không dùng được: hãy chọn ảnh khác';
        return renderDashboard(c, producerId, undefined, 400, undefined, { [kind]: { values: {}, errors: { [kind]: message } } });
      }
      const back = { href: DASHBOARD_PATH, link: 'Quay lại trang gian hàng', noun: 'trang gian hàng' };
      return renderUploadWait(c, upload, storefrontImageDoneUrl(kind, upload.id), back);
    });

    web.post(storefrontImageRemovePath(kind), formLimit, async (c) => {
      const { principal, producerId } = ownStorefrontId(c);
      const producer = await ownProducer(c, producerId);
      const values = await readForm(c, ['key']);
      try {
        await removeStorefrontImage(c.get('services'), principal, producer, kind, values.key ?? '');
        return c.redirect(`${DASHBOARD_PATH}?da-luu=go-${slug}`, 303);
      } catch (error) {
        const failure = imageFailure(error, kind);
        if (!failure) throw error;
        return renderDashboard(c, producerId, undefined, failure.status, undefined, failure.forms);
      }
    });
  }

  web.get(NOTIFICATIONS_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c, NOTIFICATIONS_PATH);
    if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Trang này dành cho cơ sở đã có gian hàng');
    const inbox = await c.get('services').notifications.latest(principal.producerId, { limit: INBOX_LIMIT });
    c.header('Cache-Control', NO_STORE);
    return c.html(await renderDocument(<NotificationsPage assets={assetsOf(c)} items={inbox.items} total={inbox.total} />));
  });

  // Products: new, edit, publish, stock, certificate, images, archive (product-routes.tsx).
  web.route('/', productWebRoutes());

  return web;
}

/**
 * One GetItem and three Queries (and in AWS two upload records), in parallel: products and certificates on GSI1 `PRODUCER#<id>`,
 * notifications on `NOTIFY#<id>`. The form shows `state` when re-rendered with errors.
 */
async function renderDashboard(c: Context<AppEnv>, producerId: string, state: FormState | undefined, status: DashboardStatus, saved?: string, imageForms?: StorefrontImageForms) {
  const services = c.get('services');
  const origin = siteOrigin(c);
  const [producer, page, certificates, notifications, logoUpload, bannerUpload] = await Promise.all([
    services.producers.getProducer(producerId),
    services.producerProducts.page(producerId, { limit: 100 }),
    services.producerCertificates.list(producerId),
    services.notifications.latest(producerId, { limit: INBOX_LIMIT }),
    // AWS only (undefined locally): two PutItems, one signed form each for logo and banner.
    startStorefrontUpload(services, producerId, 'logo', origin),
    startStorefrontUpload(services, producerId, 'banner', origin),
  ]);
  const directImages = logoUpload && bannerUpload ? { logo: logoUpload, banner: bannerUpload } : undefined;
  if (!producer) throw new Forbidden('Gian hàng chưa được duyệt', 'STOREFRONT_NOT_APPROVED');
  c.header('Cache-Control', NO_STORE);
  const form = state ?? { values: storefrontFormValues(producer), errors: {} };
  const bankPreview = await bankPreviewOf(producer);
  return c.html(
    await renderDocument(
      <DashboardPage assets={assetsOf(c)} producer={producer} products={page.items} certificates={certificates} notifications={notifications} now={services.clock.now()} state={form} saved={saved} imageForms={imageForms} directImages={directImages} bankPreview={bankPreview} />,
    ),
    status,
  );
}
