import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, InvalidInput } from '../../shared/http/errors';
import { PublicIdSchema } from '../../shared/http/ids';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { assertOfficerOf, requirePrincipal } from '../../shared/identity/authorize';
import { csvDownloadHeaders, exportProvinceCsv } from '../../shared/locator/csv-export';
import { importPointsCsv, MAX_IMPORT_BYTES } from '../../shared/locator/csv-import';
import { decideDeclaration } from '../../shared/locator/declarations';
import { pointNotFound } from '../../shared/locator/errors';
import type { PointOfSale } from '../../shared/locator/point-of-sale';
import { createPoint, deletePoint, getPoint, updatePoint } from '../../shared/locator/service';
import { provinceCodes } from '../../shared/reference/provinces';
import { emptyForm, type FormState } from '../components/form/form';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { asRegistrar, sendConsolePage as send, type Registrar } from '../registry/console-http';
import { FORM_FIELDS, parsePointForm, valuesOf } from './console-form';
import { PointFormPage, PointsConsolePage, PointsImportPage } from './console-pages';
import { NEW_POINT_PATH, POINTS_CONSOLE_PATH, POINTS_EXPORT_PATH, POINTS_IMPORT_PATH, withProvince } from './console-paths';

/** ?province= for an admin (any) or an officer (their own only); an officer without it gets theirs. */
function provinceOf(c: Context<AppEnv>, principal: Registrar): string | undefined {
  const asked = c.req.query('province');
  const code = asked && (provinceCodes as readonly string[]).includes(asked) ? asked : undefined;
  const province = code ?? (principal.role === 'officer' ? principal.provinceCode : undefined);
  if (province) assertOfficerOf(principal, province, { orAdmin: true });
  return province;
}

function requireProvince(c: Context<AppEnv>, principal: Registrar): string {
  const province = provinceOf(c, principal);
  if (!province) throw new InvalidInput('Chọn tỉnh, thành phố', 'INVALID_INPUT', [{ path: 'province', message: 'Required' }]);
  return province;
}

async function ownPoint(c: Context<AppEnv>, principal: Registrar): Promise<PointOfSale> {
  const id = c.req.param('id') ?? '';
  if (!PublicIdSchema.safeParse(id).success) throw pointNotFound();
  const point = await getPoint(c.get('services'), id);
  assertOfficerOf(principal, point.provinceCode, { orAdmin: true });
  return point;
}

/** A form-level refusal (unknown product, someone saved first) is shown on the form; 401/403 go to the error handler. */
const formLevel = (error: unknown): error is AppError => error instanceof AppError && [409, 422].includes(error.status);
const formStatus = (e: AppError) => (e.status === 409 ? 409 : 400) as 400 | 409;

/**
 * The officers' point-of-sale pages: list, create, edit, delete, CSV import (dry run → confirm) and
 * export. Every write goes through the same service functions as the API, so the same province rule holds.
 */
export function locatorConsoleRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();
  // A 1 MB CSV, as a file or pasted (and sent back once more in the confirm form).
  const importLimit = formBodyLimit(2 * MAX_IMPORT_BYTES);

  web.get(POINTS_CONSOLE_PATH, async (c) => {
    const p = currentPrincipal(c);
    if (!p) return toLogin(c);
    const principal = asRegistrar(p);
    const province = provinceOf(c, principal);
    const services = c.get('services');
    const [points, declarations] = province ? await Promise.all([services.points.inProvince(province), services.pointDeclarations.pending(province)]) : [[], []];
    const notice = { tao: 'Đã thêm điểm bán.', luu: 'Đã lưu thay đổi.', xoa: 'Đã xoá điểm bán.', 'xac-nhan': 'Đã xác nhận khai báo.', 'tu-choi': 'Đã từ chối khai báo.' }[c.req.query('da') ?? ''];
    return send(c, <PointsConsolePage assets={assetsOf(c)} principal={principal} province={province} points={points} declarations={declarations} notice={notice} />);
  });

  web.get(POINTS_EXPORT_PATH, async (c) => {
    const p = currentPrincipal(c);
    if (!p) return toLogin(c);
    const { csv, fileName } = await exportProvinceCsv(c.get('services'), asRegistrar(p), requireProvince(c, asRegistrar(p)));
    return c.body(csv, 200, csvDownloadHeaders(fileName));
  });

  web.get(NEW_POINT_PATH, (c) => {
    const p = currentPrincipal(c);
    if (!p) return toLogin(c);
    const principal = asRegistrar(p);
    return send(c, <PointFormPage assets={assetsOf(c)} principal={principal} province={requireProvince(c, principal)} state={emptyForm({ type: 'center', status: 'open' })} />);
  });

  web.post(NEW_POINT_PATH, formLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const province = requireProvince(c, principal);
    const values = await readForm(c, FORM_FIELDS);
    const render = (state: FormState, status: 400 | 409) => send(c, <PointFormPage assets={assetsOf(c)} principal={principal} province={province} state={state} />, status);
    const parsed = parsePointForm(values, province);
    if (!parsed.ok) return render({ values, errors: parsed.errors }, 400);
    try {
      await createPoint(c.get('services'), principal, parsed.input);
    } catch (error) {
      if (formLevel(error)) return render({ values, errors: {}, formError: error.message }, formStatus(error));
      throw error;
    }
    return c.redirect(`${withProvince(POINTS_CONSOLE_PATH, province)}&da=tao`, 303);
  });

  web.get(`${POINTS_CONSOLE_PATH}/:id/sua`, async (c) => {
    const p = currentPrincipal(c);
    if (!p) return toLogin(c);
    const principal = asRegistrar(p);
    const point = await ownPoint(c, principal);
    return send(c, <PointFormPage assets={assetsOf(c)} principal={principal} province={point.provinceCode} point={point} state={emptyForm(valuesOf(point))} />);
  });

  web.post(`${POINTS_CONSOLE_PATH}/:id/sua`, formLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const point = await ownPoint(c, principal);
    const values = await readForm(c, FORM_FIELDS);
    const render = (state: FormState, status: 400 | 409) => send(c, <PointFormPage assets={assetsOf(c)} principal={principal} province={point.provinceCode} point={point} state={state} />, status);
    const parsed = parsePointForm(values, point.provinceCode);
    if (!parsed.ok) return render({ values, errors: parsed.errors }, 400);
    const { provinceCode: _same, phone, ...rest } = parsed.input;
    try {
      await updatePoint(c.get('services'), principal, point.id, { ...rest, phone: phone ?? null });
    } catch (error) {
      if (formLevel(error)) return render({ values, errors: {}, formError: error.message }, formStatus(error));
      throw error;
    }
    return c.redirect(`${withProvince(POINTS_CONSOLE_PATH, point.provinceCode)}&da=luu`, 303);
  });

  web.post(`${POINTS_CONSOLE_PATH}/:id/xoa`, formLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const point = await ownPoint(c, principal);
    await deletePoint(c.get('services'), principal, point.id);
    return c.redirect(`${withProvince(POINTS_CONSOLE_PATH, point.provinceCode)}&da=xoa`, 303);
  });

  web.post(`${POINTS_CONSOLE_PATH}/:id/khai-bao/:producerId`, formLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const point = await ownPoint(c, principal);
    const body = await c.req.parseBody();
    const decision = body.decision === 'confirm' ? 'confirm' : body.decision === 'reject' ? 'reject' : undefined;
    if (!decision) throw new InvalidInput('Chọn xác nhận hoặc từ chối', 'INVALID_INPUT', [{ path: 'decision', message: 'Required' }]);
    await decideDeclaration(c.get('services'), principal, point.id, c.req.param('producerId') ?? '', decision);
    return c.redirect(`${withProvince(POINTS_CONSOLE_PATH, point.provinceCode)}&da=${decision === 'confirm' ? 'xac-nhan' : 'tu-choi'}`, 303);
  });

  web.get(POINTS_IMPORT_PATH, (c) => {
    const p = currentPrincipal(c);
    if (!p) return toLogin(c);
    const principal = asRegistrar(p);
    return send(c, <PointsImportPage assets={assetsOf(c)} principal={principal} province={provinceOf(c, principal)} />);
  });

  web.post(POINTS_IMPORT_PATH, importLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const province = provinceOf(c, principal);
    const body = await c.req.parseBody();
    const file = body.csvFile instanceof File && body.csvFile.size > 0 ? body.csvFile : undefined;
    const csv = file ? await file.text() : typeof body.csvText === 'string' ? body.csvText : '';
    const page = (props: Partial<Parameters<typeof PointsImportPage>[0]>, status: 200 | 400 = 200) =>
      send(c, <PointsImportPage assets={assetsOf(c)} principal={principal} province={province} {...props} />, status);
    if (!csv.trim()) return page({ error: 'Chưa chọn tệp hoặc dán nội dung CSV' }, 400);
    try {
      const report = await importPointsCsv(c.get('services'), principal, csv, { dryRun: body.dryRun !== '0' });
      return page({ report, csv });
    } catch (error) {
      if (error instanceof AppError && error.status === 400) {
        const d = error.details as { unknown?: string[]; missing?: string[] } | undefined;
        const more = [d?.unknown?.length ? `cột lạ: ${d.unknown.join(', ')}` : '', d?.missing?.length ? `thiếu cột: ${d.missing.join(', ')}` : ''].filter(Boolean).join('; ');
        return page({ error: more ? `${error.message} (${more})` : error.message }, 400);
      }
      throw error;
    }
  });

  return web;
}
