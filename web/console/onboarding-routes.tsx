import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { RejectBodySchema } from '../../shared/onboarding/application';
import { approveApplication, listApplications, rejectApplication } from '../../shared/onboarding/service';
import { formBodyLimit } from '../http';
import { fieldErrorsOf, readForm } from '../components/form/form-state';
import { NO_STORE, renderDocument } from '../render';
import { QUEUE_PATH, QueuePage, type QueueProblem } from './onboarding-queue-page';
import { assetsOf, toLogin } from '../http';

async function renderQueue(c: Context<AppEnv>, status: 200 | 400 | 409, problem?: QueueProblem, done?: 'duyet' | 'tu-choi') {
  const principal = requirePrincipal(c);
  const applications = await listApplications(c.get('services'), principal, 'pending', 100);
  c.header('Cache-Control', NO_STORE);
  const provinceCode = principal.role === 'officer' ? principal.provinceCode : '';
  const registrar = principal.role === 'officer' || principal.role === 'admin' ? principal : undefined;
  return c.html(
    await renderDocument(<QueuePage assets={assetsOf(c)} principal={registrar} provinceCode={provinceCode} applications={applications} problem={problem} done={done} />),
    status,
  );
}

/** The officer's queue: plain forms posting back, post/redirect/get on success. */
export function onboardingConsoleRoutes() {
  const web = new Hono<AppEnv>();
  // The approve form has no fields and the reject form one reason (≤ 1,000 characters).
  const formLimit = formBodyLimit();
  web.get(QUEUE_PATH, (c) => {
    if (!currentPrincipal(c)) return toLogin(c, QUEUE_PATH);
    const done = c.req.query('xong');
    return renderQueue(c, 200, undefined, done === 'duyet' || done === 'tu-choi' ? done : undefined);
  });
  web.post(`${QUEUE_PATH}/:id/duyet`, formLimit, async (c) => {
    await approveApplication(c.get('services'), requirePrincipal(c), c.req.param('id'));
    return c.redirect(`${QUEUE_PATH}?xong=duyet`, 303);
  });
  web.post(`${QUEUE_PATH}/:id/tu-choi`, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    if (principal.role !== 'officer') throw new Forbidden('Chỉ cán bộ tỉnh, thành phố xử lý hồ sơ');
    const id = c.req.param('id');
    const values = await readForm(c, ['reason']);
    const parsed = RejectBodySchema.safeParse(values);
    if (!parsed.success) {
      return renderQueue(c, 400, { applicationId: id, reason: values.reason ?? '', message: fieldErrorsOf(parsed.error).reason ?? 'Lý do không hợp lệ' });
    }
    try {
      await rejectApplication(c.get('services'), principal, id, parsed.data.reason);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) return renderQueue(c, 409, { applicationId: id, reason: parsed.data.reason, message: error.message });
      throw error;
    }
    return c.redirect(`${QUEUE_PATH}?xong=tu-choi`, 303);
  });
  return web;
}
