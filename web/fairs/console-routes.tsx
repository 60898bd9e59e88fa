import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError } from '../../shared/http/errors';
import { requirePrincipal } from '../../shared/identity/authorize';
import { Forbidden } from '../../shared/http/errors';
import type { Principal } from '../../shared/identity/principal';
import { fairDashboard } from '../../shared/fairs/analytics';
import { fairNotFound } from '../../shared/fairs/errors';
import { ApplicationIdSchema, CreateFairSchema, FairIdSchema } from '../../shared/fairs/schemas';
import { acceptApplication, applicationsOf, createFair, fairView, moveFair, organisedFairs, rejectApplication } from '../../shared/fairs/service';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { ConsoleFairPage, ConsoleFairsPage } from './console-pages';
import { CONSOLE_FAIRS_PATH, consoleFairPath } from './paths';

const vietnamLocal = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value);
const refusal = (error: unknown) => (error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 ? error : undefined);

function organiser(c: Context<AppEnv>): Principal {
  const principal = requirePrincipal(c);
  if (principal.role !== 'officer' && principal.role !== 'admin') throw new Forbidden('Trang này dành cho cán bộ tỉnh và quản trị viên');
  return principal;
}

const createFields = ['name', 'theme', 'description', 'bannerUrl', 'startsAt', 'endsAt', 'provinceCodes', ...[1, 2, 3].flatMap((i) => [`hall${i}Name`, `hall${i}Kind`, `hall${i}Code`, `hall${i}Count`])];

async function listPage(c: Context<AppEnv>, principal: Principal, values: Record<string, string>, error?: string, status: 200 | 400 | 409 = 200) {
  const fairs = await organisedFairs(c.get('services'), principal);
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<ConsoleFairsPage assets={assetsOf(c)} fairs={fairs} values={values} error={error} message={c.req.query('da-tao') ? 'Đã tạo bản nháp.' : undefined} />), status);
}

async function fairPage(c: Context<AppEnv>, principal: Principal, id: string, error?: string, status: 200 | 400 | 409 = 200) {
  const services = c.get('services');
  const [applications, dashboard] = await Promise.all([applicationsOf(services, principal, id), fairDashboard(services, principal, id)]);
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<ConsoleFairPage assets={assetsOf(c)} fair={fairView(dashboard.fair)} applications={applications} dashboard={dashboard} error={error} message={c.req.query('da-luu') ? 'Đã lưu.' : undefined} />), status);
}

export function consoleFairRoutes() {
  const web = new Hono<AppEnv>();
  web.get(CONSOLE_FAIRS_PATH, async (c) => listPage(c, organiser(c), {}));
  web.post(CONSOLE_FAIRS_PATH, formBodyLimit(), async (c) => {
    const principal = organiser(c);
    const values = await readForm(c, createFields);
    const halls = [1, 2, 3]
      .filter((i) => values[`hall${i}Name`]?.trim())
      .map((i) => ({ name: values[`hall${i}Name`], kind: values[`hall${i}Kind`] || 'group', code: values[`hall${i}Code`]?.trim(), boothCount: Number(values[`hall${i}Count`]) }));
    const provinces = (values.provinceCodes ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const parsed = CreateFairSchema.safeParse({
      name: values.name,
      theme: values.theme,
      ...(values.description?.trim() ? { description: values.description } : {}),
      ...(values.bannerUrl?.trim() ? { bannerUrl: values.bannerUrl } : {}),
      startsAt: vietnamLocal(values.startsAt ?? ''),
      endsAt: vietnamLocal(values.endsAt ?? ''),
      provinceCodes: principal.role === 'officer' ? [principal.provinceCode] : provinces,
      national: principal.role === 'admin' && provinces.length === 0,
      halls,
    });
    if (!parsed.success) return listPage(c, principal, values, 'Kiểm tra lại: ' + parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
    try {
      const fair = await createFair(c.get('services'), principal, parsed.data);
      c.header('Cache-Control', NO_STORE);
      return c.redirect(`${consoleFairPath(fair.id)}?da-luu=1`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return listPage(c, principal, values, refused.message, 400);
    }
  });
  web.get(`${CONSOLE_FAIRS_PATH}/:id`, async (c) => {
    const id = c.req.param('id');
    if (!FairIdSchema.safeParse(id).success) throw fairNotFound();
    return fairPage(c, organiser(c), id);
  });
  web.post(`${CONSOLE_FAIRS_PATH}/:id/chuyen`, formBodyLimit(), async (c) => {
    const principal = organiser(c);
    const id = c.req.param('id');
    if (!FairIdSchema.safeParse(id).success) throw fairNotFound();
    const { to } = await readForm(c, ['to']);
    if (to !== 'open' && to !== 'live' && to !== 'closed') return fairPage(c, principal, id, 'Bước chuyển không hợp lệ', 400);
    try {
      await moveFair(c.get('services'), principal, id, to);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return fairPage(c, principal, id, refused.message, 409);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${consoleFairPath(id)}?da-luu=1`, 303);
  });
  for (const action of ['nhan', 'tu-choi'] as const) {
    web.post(`${CONSOLE_FAIRS_PATH}/don/:appId/${action}`, formBodyLimit(), async (c) => {
      const principal = organiser(c);
      const appId = c.req.param('appId');
      if (!ApplicationIdSchema.safeParse(appId).success) throw fairNotFound();
      const services = c.get('services');
      const application = await services.fairs.getApplication(appId);
      if (!application) throw fairNotFound();
      const values = await readForm(c, ['boothNo', 'reason']);
      try {
        if (action === 'nhan') {
          const boothNo = Number(values.boothNo);
          if (!Number.isInteger(boothNo) || boothNo < 1) return fairPage(c, principal, application.fairId, 'Nhập số gian', 400);
          await acceptApplication(services, principal, appId, boothNo);
        } else {
          if ((values.reason?.trim().length ?? 0) < 3) return fairPage(c, principal, application.fairId, 'Nhập lý do từ chối (ít nhất 3 ký tự)', 400);
          await rejectApplication(services, principal, appId, values.reason!.trim());
        }
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        return fairPage(c, principal, application.fairId, refused.message, 409);
      }
      c.header('Cache-Control', NO_STORE);
      return c.redirect(`${consoleFairPath(application.fairId)}?da-luu=1`, 303);
    });
  }
  return web;
}
