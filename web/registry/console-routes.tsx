import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { recordCertificate } from '../../shared/registry/service';
import { emptyForm, type FormState } from '../components/form/form';
import { fieldErrorsOf, readForm } from '../components/form/form-state';
import { CONSOLE_PATH, ConsolePage, RECORD_PATH } from './console-page';
import { IMPORT_PATH, ImportPage } from './import-page';
import { readCertificateCsv } from '../../shared/registry/csv-import';
import { advanceImportJob, importJobRows, startImportJob } from '../../shared/registry/import-job';
import { IMPORT_REFRESH_SECONDS, ImportJobPage, importJobPath } from './import-job-page';
import { parseRecordForm, RECORD_FIELDS } from './record-form';
import { asRegistrar, sendConsolePage as send, type Registrar } from './console-http';
import { assetsOf, formBodyLimit, toLogin } from '../http';

/** A CSV of a few thousand certificates. */
const IMPORT_LIMIT_BYTES = 1024 * 1024;

/**
 * The province console. Input problems and conflicts re-render the form; 401/403 go to the error
 * handler like any other request, so an officer of another province sees the same refusal as the API.
 */
export function consoleWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(CONSOLE_PATH, (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c, CONSOLE_PATH);
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
    if (!principal) return toLogin(c, IMPORT_PATH);
    return send(c, <ImportPage assets={assetsOf(c)} principal={asRegistrar(principal)} />);
  });

  const importLimit = formBodyLimit(IMPORT_LIMIT_BYTES);
  // A file upload (multipart) or pasted text, stored whole as a job; each row then goes through the
  // same checks as the API, a slice per request (shared/registry/import-job.ts), so no request runs
  // into the Lambda timeout however long the file.
  web.post(IMPORT_PATH, importLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const body = await c.req.parseBody();
    const file = body.csvFile;
    const pasted = typeof body.csvText === 'string' ? body.csvText : '';
    const uploaded = file instanceof File && file.size > 0 ? file : undefined;
    const text = uploaded ? await uploaded.text() : pasted;
    if (!text.trim()) return send(c, <ImportPage assets={assetsOf(c)} principal={principal} error="Chưa chọn tệp hoặc dán nội dung CSV" />, 400);
    let jobId: string;
    try {
      const rows = readCertificateCsv(text);
      jobId = (await startImportJob(c.get('services'), principal, rows, { dryRun: body.dryRun === '1', fileName: uploaded?.name })).id;
    } catch (error) {
      if (error instanceof AppError && error.status === 400) return send(c, <ImportPage assets={assetsOf(c)} principal={principal} error={error.message} />, 400);
      throw error;
    }
    return sendImportJob(c, principal, jobId);
  });
  // Each view of a running job runs its next slice: the page refreshes itself (a `Refresh` header,
  // which needs no script and no CSP exception) until the job is done.
  web.get(`${IMPORT_PATH}/:jobId`, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    return sendImportJob(c, asRegistrar(principal), c.req.param('jobId'));
  });
  return web;
}

async function sendImportJob(c: Context<AppEnv>, principal: Registrar, jobId: string) {
  const services = c.get('services');
  const job = await advanceImportJob(services, principal, jobId);
  const rows = await importJobRows(services, job);
  if (job.status === 'running') c.header('Refresh', `${IMPORT_REFRESH_SECONDS}; url=${importJobPath(job.id)}`);
  return send(c, <ImportJobPage assets={assetsOf(c)} principal={principal} job={job} rows={rows} />, 200);
}

