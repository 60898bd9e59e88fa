import { raw } from 'hono/html';
import { Field, type FormState } from '../components/form/form';
import { formatVnd } from '../../shared/money/vnd';
import { napasBanks, vietQrPayment, vietQrSvg, type VietQrPayment } from '../../shared/payments/vietqr';
import type { Producer } from '../../shared/storefront/producer';
import { SelectField } from './form-fields';

export const bankAccountLabels = {
  bankBin: 'Ngân hàng',
  accountNumber: 'Số tài khoản',
  accountName: 'Tên chủ tài khoản',
};

/** The test transfer the dashboard draws, for the producer to scan (and not pay). */
export const BANK_PREVIEW_AMOUNT_VND = 10_000;
export const BANK_PREVIEW_PURPOSE = 'OCOP KIEM TRA';

export type BankPreview = { payment: VietQrPayment; svg: string } | { problem: string };

export const bankAccountCss = `
.vietqr-preview{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.vietqr-preview .qr{flex:none;width:12rem;height:12rem;background:#fff;border:1px solid #e4dfd3;border-radius:.5rem}
.vietqr-preview .qr svg{display:block;width:100%;height:100%}
.vietqr-preview dl{margin:0}`;

const bankOptions = napasBanks().map((b) => ({ value: b.bin, label: `${b.shortName} — ${b.name}` }));

/** Inside the storefront form: the VietQR account (all three blank removes it). */
export function BankAccountFields({ state }: { state: FormState }) {
  return (
    <fieldset id="tai-khoan-vietqr">
      <legend>Tài khoản nhận chuyển khoản (VietQR)</legend>
      <p class="hint">Người mua quét mã VietQR ở trang thanh toán đơn hàng để chuyển khoản vào tài khoản này. Tài khoản không hiện trên trang gian hàng công khai. Để trống cả ba ô để gỡ tài khoản.</p>
      <SelectField name="bankBin" label={bankAccountLabels.bankBin} state={state} options={bankOptions} placeholder="— Chọn ngân hàng —" required={false} />
      <Field name="accountNumber" label={bankAccountLabels.accountNumber} inputmode="numeric" autocomplete="off" state={state} required={false} maxlength={40} hint="6–19 chữ số, có thể gõ cả dấu cách" />
      <Field
        name="accountName"
        label={bankAccountLabels.accountName}
        autocomplete="off"
        state={state}
        required={false}
        maxlength={100}
        hint="Như ngân hàng in: viết hoa, không dấu (gõ “Hợp tác xã Mật ong” sẽ được lưu “HOP TAC XA MAT ONG”)"
      />
    </fieldset>
  );
}

/** The saved account as a 10.000 ₫ test VietQR; a stored bank no longer in the NAPAS list is said, not a 500. */
export async function bankPreviewOf(producer: Producer): Promise<BankPreview | undefined> {
  if (!producer.bank) return undefined;
  try {
    const payment = vietQrPayment({ bank: producer.bank, amountVnd: BANK_PREVIEW_AMOUNT_VND, purpose: BANK_PREVIEW_PURPOSE });
    return { payment, svg: await vietQrSvg(payment.payload) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { problem: 'Ngân hàng đã lưu không còn trong danh sách VietQR (NAPAS): hãy chọn lại ngân hàng.' };
  }
}

export function BankPreviewSection({ preview }: { preview: BankPreview | undefined }) {
  if (!preview) return null;
  return (
    <section aria-labelledby="kiem-tra-vietqr">
      <h2 id="kiem-tra-vietqr">Kiểm tra tài khoản VietQR</h2>
      {'problem' in preview ? (
        <p class="field-error">{preview.problem}</p>
      ) : (
        <>
          <p>
            Quét mã này bằng ứng dụng ngân hàng của bạn: ứng dụng phải hiện đúng ngân hàng, số tài khoản và tên chủ tài khoản dưới đây, số tiền{' '}
            {formatVnd(preview.payment.amountVnd)}, nội dung “{preview.payment.purpose}”. Chỉ để kiểm tra: không cần chuyển tiền.
          </p>
          <div class="vietqr-preview">
            {/* qrcode's own SVG of a payload built by vietnam-qr-pay: no user markup inside. */}
            <div class="qr" role="img" aria-label={`Mã VietQR thử ${formatVnd(preview.payment.amountVnd)} vào tài khoản ${preview.payment.accountNumber} tại ${preview.payment.bankName}`}>
              {raw(preview.svg)}
            </div>
            <dl>
              <dt>{bankAccountLabels.bankBin}</dt>
              <dd>{preview.payment.bankName}</dd>
              <dt>{bankAccountLabels.accountNumber}</dt>
              <dd>{preview.payment.accountNumber}</dd>
              <dt>{bankAccountLabels.accountName}</dt>
              <dd>{preview.payment.accountName}</dd>
            </dl>
          </div>
        </>
      )}
    </section>
  );
}
