import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, PayloadTooLarge } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { recordCertificate } from '../../shared/registry/service';
import { emptyForm, type FormState } from '../identity/form';
import { fieldErrorsOf, readForm } from '../identity/form-state';
import { CONSOLE_PATH, ConsolePage, RECORD_PATH } from './console-page';
import { IMPORT_PATH, ImportPage } from './import-page';
import { importCertificates, readCertificateCsv } from '../../shared/registry/csv-import';
import { parseRecordForm, RECORD_FIELDS } from './record-form';
import { asRegistrar, assetsOf, sendConsolePage as send } from './console-http';

const FORM_LIMIT_BYTES = 16 * 1024;
/** A CSV of a few thousand certificates. */
const IMPORT_LIMIT_BYTES = 1024 * 1024;

/**
 * The province console. Input problems and conflicts re-render the form; 401/403 go to the error
 * handler like any other request, so an officer of another province sees the same refusal as the API.
 */
export function consoleWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = bodyLimit({
    maxSize: FORM_LIMIT_BYTES,
    onError: () => {
      throw new PayloadTooLarge(FORM_LIMIT_BYTES);
    },
  });

  web.get(CONSOLE_PATH, (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return c.redirect(`/dang-nhap?next=${encodeURIComponent(CONSOLE_PATH)}`, 303);
    return send(c, <ConsolePage assets={assetsOf(c)} principal={asRegistrar(principal)} state={emptyForm({ stars: '4', issuingLevel: 'province' })} />);
  });

  web.post(RECORD_PATH, formLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const values = await readForm(c, RECORD_FIELDS);
    const render = (state: FormState, status: 400 | 409) => send(c, <ConsolePage assets={assetsOf(c)} principal={principal} state={state} />, status);
    const parsed = parseRecordForm(values);
    if (!parsed.success) return render({ values, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const recorded = await recordCertificate(c.get('services'), principal, parsed.data);
      return send(c, <ConsolePage assets={assetsOf(c)} principal={principal} state={emptyForm({ stars: '4', issuingLevel: 'province' })} recorded={recorded} />, 201);
    } catch (error) {
      if (error instanceof AppError && (error.status === 400 || error.status === 409)) {
        return render({ values, errors: {}, formError: error.message }, error.status);
      }
      throw error;
    }
  });
  web.get(IMPORT_PATH, (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return c.redirect(`/dang-nhap?next=${encodeURIComponent(IMPORT_PATH)}`, 303);
    return send(c, <ImportPage assets={assetsOf(c)} principal={asRegistrar(principal)} />);
  });

  const importLimit = bodyLimit({
    maxSize: IMPORT_LIMIT_BYTES,
    onError: () => {
      throw new PayloadTooLarge(IMPORT_LIMIT_BYTES);
    },
  });
  // A file upload (multipart) or pasted text; each row goes through the same checks as the API.
  web.post(IMPORT_PATH, importLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const body = await c.req.parseBody();
    const file = body.csvFile;
    const pasted = typeof body.csvText === 'string' ? body.csvText : '';
    const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!text.trim()) return send(c, <ImportPage assets={assetsOf(c)} principal={principal} error="Chưa chọn tệp hoặc dán nội dung CSV" />, 400);
    try {
      const rows = readCertificateCsv(text);
      const report = await importCertificates(c.get('services'), principal, rows, { dryRun: body.dryRun === '1' });
      return send(c, <ImportPage assets={assetsOf(c)} principal={principal} report={report} />, 200);
    } catch (error) {
      if (error instanceof AppError && error.status === 400) return send(c, <ImportPage assets={assetsOf(c)} principal={principal} error={error.message} />, 400);
      throw error;
    }
  });
  return web;
}
