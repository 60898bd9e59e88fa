import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, InvalidInput } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { certificateDetail } from '../../shared/registry/certificate-detail';
import { listProvinceCertificates } from '../../shared/registry/province-certificates';
import { attachEvidence, EVIDENCE_UPLOAD_BODY_LIMIT, MAX_EVIDENCE_BYTES, readEvidence } from '../../shared/registry/registry-evidence';
import { downgradeCertificate, renewCertificate, revokeCertificate, type RegistryResult } from '../../shared/registry/service';
import type { Certificate } from '../../shared/registry/certificate';
import type { DowngradeBody, RenewBody, RevokeBody } from '../../shared/registry/schemas';
import { formatVietnamDate } from '../../shared/time/vietnam-time';
import type { FormState } from '../components/form/form';
import { readForm } from '../components/form/form-state';
import { CertificateDetailPage, type ChangeDone } from './certificate-detail-page';
import { CertificateListPage } from './certificate-list-page';
import { CERTIFICATES_PATH, certificatesListPath, changeActions, type ChangeAction } from './certificate-paths';

const MAX_EVIDENCE_MB = MAX_EVIDENCE_BYTES / 1024 / 1024;
import { fieldOfCode, fieldsOf, parseChangeForm } from './change-forms';
import { asRegistrar, sendConsolePage, type Registrar } from './console-http';
import { assetsOf, formBodyLimit, toLogin } from '../http';

const MAX_CURSOR_CHARS = 2000;

type Services = AppEnv['Variables']['services'];

/** The three changes, each through the same service function as the JSON API. */
const changes: Record<ChangeAction, (s: Services, p: Registrar, no: string, body: Record<string, unknown>) => Promise<RegistryResult>> = {
  revoke: (s, p, no, body) => revokeCertificate(s, p, no, body as RevokeBody),
  downgrade: (s, p, no, body) => downgradeCertificate(s, p, no, body as DowngradeBody),
  renew: (s, p, no, body) => renewCertificate(s, p, no, body as RenewBody),
};

async function renderDetail(
  c: Context<AppEnv>,
  principal: Registrar,
  no: string,
  status: 200 | 400 | 409 | 413,
  extra: { forms?: Partial<Record<ChangeAction, FormState>>; done?: ChangeDone; evidenceError?: string; evidenceSaved?: Certificate } = {},
) {
  const services = c.get('services');
  // The certificate just written is shown as written: the reads after a change may be eventually consistent.
  const detail = await certificateDetail(services, principal, no, extra.done?.result.certificate ?? extra.evidenceSaved);
  const today = formatVietnamDate(services.clock.now());
  return sendConsolePage(c, <CertificateDetailPage assets={assetsOf(c)} principal={principal} detail={detail} forms={extra.forms} done={extra.done} evidenceError={extra.evidenceError} evidenceSaved={extra.evidenceSaved !== undefined} today={today} />, status);
}

/**
 * The console's certificate pages: the province list, one certificate, and its three change forms.
 * Bad input (400) and conflicts (409) re-render the certificate page with the posted form's errors;
 * 401/403/404 go to the app's error handler, so an officer of another province gets the API's 403.
 */
export function certificateConsoleRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(CERTIFICATES_PATH, async (c) => {
    const signedIn = currentPrincipal(c);
    if (!signedIn) return toLogin(c);
    const principal = asRegistrar(signedIn);
    // Officers see their own province unless they name one (another province is refused in the service).
    const requested = c.req.query('tinh')?.trim() || undefined;
    const provinceCode = requested ?? (principal.role === 'officer' ? principal.provinceCode : undefined);
    const expiringSoon = c.req.query('sap-het-han') === '1';
    const cursor = c.req.query('cursor')?.trim() || undefined;
    if (cursor && cursor.length > MAX_CURSOR_CHARS) throw new InvalidInput('Cursor too long', 'INVALID_CURSOR');
    const list = provinceCode ? await listProvinceCertificates(c.get('services'), principal, { provinceCode, expiringSoon, cursor }) : undefined;
    const params = { tinh: requested, sapHetHan: expiringSoon };
    return sendConsolePage(
      c,
      <CertificateListPage
        assets={assetsOf(c)}
        principal={principal}
        provinceCode={provinceCode}
        expiringSoon={expiringSoon}
        list={list}
        nextHref={list?.nextCursor ? certificatesListPath({ ...params, cursor: list.nextCursor }) : undefined}
        firstHref={cursor ? certificatesListPath(params) : undefined}
      />,
    );
  });

  web.get(`${CERTIFICATES_PATH}/:no`, async (c) => {
    const signedIn = currentPrincipal(c);
    if (!signedIn) return toLogin(c);
    return renderDetail(c, asRegistrar(signedIn), c.req.param('no'), 200);
  });

  for (const action of Object.keys(changeActions) as ChangeAction[]) {
    web.post(`${CERTIFICATES_PATH}/:no/${changeActions[action]}`, formLimit, async (c) => {
      const principal = asRegistrar(requirePrincipal(c));
      const no = c.req.param('no');
      const values = await readForm(c, fieldsOf(action));
      const parsed = parseChangeForm(action, values);
      if (!parsed.success) {
        const formError = Object.keys(parsed.errors).length > 0 ? undefined : 'Dữ liệu không hợp lệ';
        return renderDetail(c, principal, no, 400, { forms: { [action]: { values, errors: parsed.errors, formError } } });
      }
      let result: RegistryResult;
      try {
        result = await changes[action](c.get('services'), principal, no, parsed.data);
      } catch (error) {
        if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 409)) throw error;
        const field = fieldOfCode(action, error.code);
        const state: FormState = field ? { values, errors: { [field]: error.message } } : { values, errors: {}, formError: error.message };
        return renderDetail(c, principal, no, error.status, { forms: { [action]: state } });
      }
      return renderDetail(c, principal, no, 200, { done: { action, result } });
    });
  }

  // The scanned decision: multipart with one file, sniffed by its magic bytes in the service.
  const evidenceLimit = bodyLimit({
    maxSize: EVIDENCE_UPLOAD_BODY_LIMIT,
    onError: async (c) => {
      const principal = asRegistrar(requirePrincipal(c as Context<AppEnv>));
      return renderDetail(c as Context<AppEnv>, principal, (c as Context<AppEnv>).req.param('no') ?? '', 413, {
        evidenceError: `Tệp lớn hơn ${MAX_EVIDENCE_MB} MB: hãy quét lại với độ phân giải thấp hơn`,
      });
    },
  });

  web.post(`${CERTIFICATES_PATH}/:no/minh-chung`, evidenceLimit, async (c) => {
    const principal = asRegistrar(requirePrincipal(c));
    const no = c.req.param('no');
    const body = await c.req.parseBody();
    const file = body.evidence;
    let saved: Certificate;
    try {
      // A missing file still goes through the service, so the scope check (403) comes before the 400.
      const input = file instanceof File ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : { bytes: new Uint8Array(), fileName: '' };
      saved = await attachEvidence(c.get('services'), principal, no, input);
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 409)) throw error;
      return renderDetail(c, principal, no, error.status, { evidenceError: error.message });
    }
    return renderDetail(c, principal, no, 200, { evidenceSaved: saved });
  });

  web.get(`${CERTIFICATES_PATH}/:no/minh-chung`, async (c) => {
    const signedIn = currentPrincipal(c);
    if (!signedIn) return toLogin(c);
    const { object, fileName } = await readEvidence(c.get('services'), asRegistrar(signedIn), c.req.param('no'));
    return c.body(new Uint8Array(object.body), 200, {
      'content-type': object.contentType,
      'content-length': String(object.body.length),
      'cache-control': 'no-store',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'x-content-type-options': 'nosniff',
    });
  });
  return web;
}
