import type { Certificate } from '../../shared/registry/certificate';
import { Choice, emptyForm, ErrorSummary, Field, Submit, type FormState } from '../components/form/form';
import { changePath, type ChangeAction } from './certificate-paths';
import { changeForms } from './change-forms';

export type ChangeFormStates = Partial<Record<ChangeAction, FormState>>;

const DATE_HINT = 'Ngày/tháng/năm, ví dụ 20/11/2026';
const labelOf = (labels: Record<string, string>, name: string) => labels[name] ?? name;

/**
 * Revoke, downgrade and renew as three plain POST forms (no script). Only the form that was posted
 * carries values and errors; the others start empty. The service re-checks everything on submit.
 */
export function ChangeForms({ cert, admin, states, today }: { cert: Certificate; admin: boolean; states: ChangeFormStates; today: string }) {
  const state = (action: ChangeAction, initial: Record<string, string> = {}) => states[action] ?? emptyForm(initial);
  return (
    <div class="change-forms">
      <RevokeForm cert={cert} state={state('revoke', { revokedOn: today })} />
      <DowngradeForm cert={cert} state={state('downgrade')} />
      <RenewForm cert={cert} admin={admin} state={state('renew', { renewStars: '' })} />
    </div>
  );
}

function RevokeForm({ cert, state }: { cert: Certificate; state: FormState }) {
  const { labels } = changeForms.revoke;
  return (
    <form method="post" action={changePath(cert.certificateNo, 'revoke')} novalidate aria-labelledby="form-thu-hoi">
      <h3 id="form-thu-hoi">Thu hồi</h3>
      <p class="hint">Có hiệu lực ngay: sản phẩm bị ẩn khỏi chợ và không thể hoàn tác (sản phẩm đánh giá lại sẽ có chứng nhận mới).</p>
      <ErrorSummary state={state} labels={labels} />
      <Field name="revokeDecisionNo" label={labelOf(labels, 'revokeDecisionNo')} state={state} autocomplete="off" hint="Ví dụ: 88/QĐ-UBND" maxlength={80} />
      <Field name="revokedOn" label={labelOf(labels, 'revokedOn')} state={state} autocomplete="off" hint={DATE_HINT} />
      <Field name="revokeReason" label={labelOf(labels, 'revokeReason')} state={state} autocomplete="off" maxlength={1000} />
      <Submit>Thu hồi chứng nhận</Submit>
    </form>
  );
}

function DowngradeForm({ cert, state }: { cert: Certificate; state: FormState }) {
  const { labels } = changeForms.downgrade;
  if (cert.stars <= 1) {
    return (
      <section aria-labelledby="form-ha-hang">
        <h3 id="form-ha-hang">Hạ hạng</h3>
        <p>Kết quả đang ở hạng thấp nhất (1 sao).</p>
      </section>
    );
  }
  const options = Array.from({ length: cert.stars - 1 }, (_, i) => i + 1).map((n) => ({
    value: String(n),
    label: `${n} sao`,
    ...(n < 3 ? { hint: 'sản phẩm sẽ bị ẩn khỏi chợ' } : {}),
  }));
  return (
    <form method="post" action={changePath(cert.certificateNo, 'downgrade')} novalidate aria-labelledby="form-ha-hang">
      <h3 id="form-ha-hang">Hạ hạng</h3>
      <p class="hint">Thời hạn hiệu lực giữ nguyên. Dưới 3 sao không còn là chứng nhận OCOP.</p>
      <ErrorSummary state={state} labels={labels} />
      <Choice name="downgradeStars" legend={labelOf(labels, 'downgradeStars')} state={state} options={options} />
      <Field name="downgradeDecisionNo" label={labelOf(labels, 'downgradeDecisionNo')} state={state} autocomplete="off" hint="Ví dụ: 89/QĐ-UBND" maxlength={80} />
      <Field name="downgradeScore" label={labelOf(labels, 'downgradeScore')} state={state} autocomplete="off" required={false} hint="0–100, ví dụ 48,5" />
      <Field name="downgradeReason" label={labelOf(labels, 'downgradeReason')} state={state} autocomplete="off" maxlength={1000} />
      <Submit>Hạ hạng</Submit>
    </form>
  );
}

function RenewForm({ cert, admin, state }: { cert: Certificate; admin: boolean; state: FormState }) {
  const { labels } = changeForms.renew;
  // 5★ is the Ministry's decision: only an admin may renew into it (recording-policy.ts).
  const stars = [1, 2, 3, 4, ...(admin ? [5] : [])];
  const options = [
    { value: '', label: `Giữ nguyên (${cert.stars} sao)` },
    ...stars.filter((n) => n !== cert.stars).map((n) => ({ value: String(n), label: `${n} sao` })),
  ];
  return (
    <form method="post" action={changePath(cert.certificateNo, 'renew')} novalidate aria-labelledby="form-cong-nhan-lai">
      <h3 id="form-cong-nhan-lai">Công nhận lại</h3>
      <p class="hint">Sau khi đánh giá, phân hạng lại: quyết định mới, hiệu lực mới 36 tháng kể từ ngày ký.</p>
      <ErrorSummary state={state} labels={labels} />
      <Field name="renewDecisionNo" label={labelOf(labels, 'renewDecisionNo')} state={state} autocomplete="off" hint="Ví dụ: 90/QĐ-UBND" maxlength={80} />
      <Field name="renewDecisionDate" label={labelOf(labels, 'renewDecisionDate')} state={state} autocomplete="off" hint={`${DATE_HINT}; sau ngày quyết định hiện tại`} />
      <Choice name="renewStars" legend={labelOf(labels, 'renewStars')} state={state} options={options} />
      <Field name="renewScore" label={labelOf(labels, 'renewScore')} state={state} autocomplete="off" required={false} hint="0–100, ví dụ 75,5" />
      <Field name="renewReason" label={labelOf(labels, 'renewReason')} state={state} autocomplete="off" required={false} maxlength={1000} />
      <Submit>Công nhận lại</Submit>
    </form>
  );
}
