import { raw } from 'hono/html';
import type { Principal } from '../../shared/identity/principal';
import { provinceLabelByCode } from '../../shared/reference/labels';
import type { RegistryResult } from '../../shared/registry/service';
import { formatVietnamDate } from '../../shared/time/vietnam-time';
import { Layout } from '../components/layout';
import { Choice, ErrorSummary, Field, Submit, type FormState } from '../components/form/form';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import { CERTIFICATES_PATH, certificatePath } from './certificate-paths';
import { ConsoleNav } from './console-nav';
import { consoleCss } from './console-styles';
import { recordLabels } from './record-form';
import { verifyPath } from './verification-url';

export const CONSOLE_PATH = '/quan-ly/tinh';
/** Recording POSTs to the certificate list's path (GET there is the list, certificate-routes.tsx). */
export const RECORD_PATH = CERTIFICATES_PATH;

const starOptions = (admin: boolean) =>
  [1, 2, 3, 4, ...(admin ? [5] : [])].map((n) => ({ value: String(n), label: `${n} sao`, ...(n < 3 ? { hint: 'kết quả, chưa phải chứng nhận OCOP' } : {}) }));

const levelOptions = (admin: boolean) => [
  { value: 'province', label: 'Cấp tỉnh' },
  { value: 'district', label: 'Cấp huyện', hint: 'chỉ quyết định trước 01/07/2025' },
  ...(admin ? [{ value: 'central', label: 'Cấp trung ương' }] : []),
];

export interface ConsoleProps {
  assets: AssetUrls;
  principal: Extract<Principal, { role: 'officer' | 'admin' }>;
  state: FormState;
  recorded?: RegistryResult | undefined;
}

/** The province officer's console: record an evaluation result for a subject of their province. */
export function ConsolePage({ assets, principal, state, recorded }: ConsoleProps) {
  const admin = principal.role === 'admin';
  const scope = principal.role === 'officer' ? provinceLabelByCode(principal.provinceCode) : 'mọi tỉnh, thành phố';
  return (
    <Layout title="Quản lý chứng nhận OCOP" description="Ghi nhận kết quả đánh giá, phân hạng sản phẩm OCOP" assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <h1>Quản lý chứng nhận OCOP — {scope}</h1>
        <ConsoleNav principal={principal} current="record" />
        {recorded ? (
          <section class="panel" role="status">
            <h2>Đã ghi nhận chứng nhận {recorded.certificate.certificateNo}</h2>
            <p>
              Hiệu lực đến hết ngày {formatVietnamDate(recorded.certificate.expiresOn)}.{' '}
              {recorded.productListed ? 'Sản phẩm đang được bày bán.' : 'Sản phẩm chưa được bày bán (cần chứng nhận từ 3 sao còn hiệu lực).'}
            </p>
            {recorded.warnings.length > 0 ? (
              <ul class="notice">
                {recorded.warnings.map((w) => (
                  <li>{w.message}</li>
                ))}
              </ul>
            ) : null}
            <p>
              <a href={certificatePath(recorded.certificate.certificateNo)}>Quản lý chứng nhận này</a> ·{' '}
              <a href={verifyPath(recorded.certificate.certificateNo)}>Trang xác minh và mã QR</a>
            </p>
          </section>
        ) : null}
        <form method="post" action={RECORD_PATH} novalidate id="ghi-nhan" aria-labelledby="ghi-nhan-tieu-de">
          <h2 id="ghi-nhan-tieu-de">Ghi nhận kết quả đánh giá, phân hạng</h2>
          <p class="hint">
            {admin
              ? 'Quản trị viên ghi nhận cả quyết định 5 sao của Bộ Nông nghiệp và Môi trường.'
              : 'Cán bộ tỉnh ghi nhận kết quả 1–4 sao do tỉnh (hoặc huyện, trước 01/07/2025) công nhận. Quyết định 5 sao do quản trị viên ghi nhận.'}{' '}
            Ngày hết hạn được tính tự động (36 tháng kể từ ngày ký).
          </p>
          <ErrorSummary state={state} labels={recordLabels} />
          <Field name="subjectId" label={recordLabels.subjectId} state={state} autocomplete="off" />
          <Field name="productId" label={recordLabels.productId} state={state} autocomplete="off" />
          <Field name="certificateNo" label={recordLabels.certificateNo} state={state} autocomplete="off" maxlength={80} />
          <Field name="decisionNo" label={recordLabels.decisionNo} state={state} autocomplete="off" hint="Ví dụ: 1234/QĐ-UBND" maxlength={80} />
          <Field name="decisionDate" label={recordLabels.decisionDate} state={state} autocomplete="off" hint="Năm-tháng-ngày, ví dụ 2026-10-01" />
          <Choice name="stars" legend={recordLabels.stars} state={state} options={starOptions(admin)} />
          <Field name="score" label={recordLabels.score} state={state} autocomplete="off" required={false} hint="0–100, một chữ số thập phân" />
          <Choice name="issuingLevel" legend={recordLabels.issuingLevel} state={state} options={levelOptions(admin)} />
          <Field name="issuingAuthority" label={recordLabels.issuingAuthority} state={state} autocomplete="off" maxlength={200} />
          <Field name="issuerProvinceLegacyName" label={recordLabels.issuerProvinceLegacyName} state={state} autocomplete="off" required={false} hint="Ví dụ: Trà Vinh" />
          <Field name="productGroup" label={recordLabels.productGroup} state={state} autocomplete="off" hint="Ví dụ: food" />
          <Field name="subgroup" label={recordLabels.subgroup} state={state} autocomplete="off" hint="Ví dụ: food-condiment" />
          <Submit>Ghi nhận</Submit>
        </form>
      </div>
    </Layout>
  );
}
