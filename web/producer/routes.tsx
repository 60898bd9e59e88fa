import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../shared/http/app-env';
import { Forbidden, PayloadTooLarge } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { ApplicationInputSchema } from '../../shared/onboarding/application';
import { submitApplication } from '../../shared/onboarding/onboarding-flows';
import { emptyForm, type FormState } from '../identity/form';
import { fieldErrorsOf, formFailure, readForm } from '../identity/form-state';
import { NO_STORE, renderDocument } from '../render';
import { APPLICATION_PATH, applicationFields, ApplicationPage } from './application-page';
import { assetsOf } from './assets';
import { DASHBOARD_PATH, DashboardPage, NoStorefrontPage, STOREFRONT_FORM_PATH, storefrontFields, storefrontFormValues } from './dashboard-page';
import { storefrontPatchFromForm } from './storefront-form';
import { editStorefront } from '../../shared/storefront/edit-storefront';
import { producerProductsPage } from '../../shared/catalog/producer-products';
import { latestNotifications } from '../../shared/registry/notification-inbox';
import { producerCertificates } from '../../shared/registry/producer-certificates';
import type { Context } from 'hono';
import { INBOX_LIMIT, NotificationsPage } from './notifications';
import { NOTIFICATIONS_PATH } from './paths';
import { productWebRoutes } from './product-routes';

const FORM_LIMIT_BYTES = 16 * 1024;

/** The producer's own pages: personal, never cached; plain forms that work without JavaScript. */
export function producerWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = bodyLimit({
    maxSize: FORM_LIMIT_BYTES,
    onError: () => {
      throw new PayloadTooLarge(FORM_LIMIT_BYTES);
    },
  });

  web.get(APPLICATION_PATH, async (c) => {
    if (!currentPrincipal(c)) return c.redirect(`/dang-nhap?next=${encodeURIComponent(APPLICATION_PATH)}`, 303);
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
    if (!principal) return c.redirect(`/dang-nhap?next=${encodeURIComponent(DASHBOARD_PATH)}`, 303);
    if (principal.role !== 'producer') throw new Forbidden('Trang này dành cho tài khoản cơ sở sản xuất');
    c.header('Cache-Control', NO_STORE);
    if (!principal.producerId) return c.html(await renderDocument(<NoStorefrontPage assets={assetsOf(c)} />));
    return renderDashboard(c, principal.producerId, undefined, 200, c.req.query('da-luu') === '1');
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

  web.get(NOTIFICATIONS_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return c.redirect(`/dang-nhap?next=${encodeURIComponent(NOTIFICATIONS_PATH)}`, 303);
    if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Trang này dành cho cơ sở đã có gian hàng');
    const { config, db } = c.get('services');
    const inbox = await latestNotifications(db, config.tableName, principal.producerId, { limit: INBOX_LIMIT });
    c.header('Cache-Control', NO_STORE);
    return c.html(await renderDocument(<NotificationsPage assets={assetsOf(c)} items={inbox.items} total={inbox.total} />));
  });

  // Products: new, edit, publish, stock, certificate, images, archive (product-routes.tsx).
  web.route('/', productWebRoutes());

  return web;
}

/**
 * One GetItem and three Queries, in parallel: products and certificates on GSI1 `PRODUCER#<id>`,
 * notifications on `NOTIFY#<id>`. The form shows `state` when re-rendered with errors.
 */
async function renderDashboard(c: Context<AppEnv>, producerId: string, state: FormState | undefined, status: 200 | 400 | 401 | 403 | 409 | 429, saved = false) {
  const services = c.get('services');
  const [producer, page, certificates, notifications] = await Promise.all([
    services.producers.getProducer(producerId),
    producerProductsPage(services.db, services.config.tableName, producerId, { limit: 100 }),
    producerCertificates(services.db, services.config.tableName, producerId),
    latestNotifications(services.db, services.config.tableName, producerId, { limit: INBOX_LIMIT }),
  ]);
  if (!producer) throw new Forbidden('Gian hàng chưa được duyệt', 'STOREFRONT_NOT_APPROVED');
  c.header('Cache-Control', NO_STORE);
  const form = state ?? { values: storefrontFormValues(producer), errors: {} };
  return c.html(await renderDocument(<DashboardPage assets={assetsOf(c)} producer={producer} products={page.items} certificates={certificates} notifications={notifications} now={services.clock.now()} state={form} saved={saved} />), status);
}
