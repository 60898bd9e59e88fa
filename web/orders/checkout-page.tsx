import { raw } from 'hono/html';
import { formatVnd } from '../../shared/money/vnd';
import type { ShippingAddress } from '../../shared/orders/order';
import { provinces } from '../../shared/reference/provinces';
import { provinceLabel } from '../../shared/reference/labels';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ErrorSummary, Field, FieldMessage, fieldId, type FormState } from '../components/form/form';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import { SelectField, TextArea } from '../producer/form-fields';
import { CART_PATH } from '../cart/paths';
import { nationalPhone, type AssetUrls } from '../view';
import { checkoutLabels, encodeLine, NEW_ADDRESS, type LineSource } from './checkout-form';
import type { CheckoutSummary } from './checkout-summary';
import { paymentMethodLabels } from './labels';
import { fullAddress, ItemsTable, Sums } from './order-parts';
import { CHECKOUT_PATH } from './paths';
import { ordersCss } from './styles';

const provinceOptions = provinces.map((p) => ({ value: p.code, label: provinceLabel(p) }));

export interface CheckoutPageProps {
  assets: AssetUrls;
  summary: CheckoutSummary;
  state: FormState;
  saved: readonly ShippingAddress[];
  source: LineSource;
  /** Card payments are configured (services.cardPayments). */
  cardAvailable: boolean;
  /** An earlier order placed from this very form (the key was reused with other answers). */
  earlierOrder?: { href: string } | undefined;
}

function Storefronts({ summary }: { summary: CheckoutSummary }) {
  return (
    <>
      {summary.subOrders.map((s, i) => (
        <section class="order-shop" aria-labelledby={`gian-hang-${i}`}>
          <h2 id={`gian-hang-${i}`}>
            {i + 1}. {s.producer.name}
          </h2>
          <ItemsTable items={s.items} caption={`Sản phẩm của ${s.producer.name}`} />
          <Sums itemsTotalVnd={s.itemsTotalVnd} shippingFeeVnd={s.shippingFeeVnd} totalVnd={s.totalVnd} />
          {s.shippingFeeVnd > 0 && s.producer.freeShippingThresholdVnd !== undefined ? (
            <p class="hint">Miễn phí giao hàng cho đơn từ {formatVnd(s.producer.freeShippingThresholdVnd)} của gian hàng này.</p>
          ) : null}
        </section>
      ))}
      <p class="grand-total">
        Tổng thanh toán ({summary.subOrders.length} gian hàng): {formatVnd(summary.totalVnd)}
      </p>
      {summary.subOrders.length > 1 ? <p class="hint">Mỗi gian hàng giao riêng: đơn được tách thành {summary.subOrders.length} phần, mỗi phần có mã và trạng thái riêng.</p> : null}
    </>
  );
}

/** Live lines back at the regular price: said before paying, never switched silently. */
function Repriced({ summary }: { summary: CheckoutSummary }) {
  if (summary.repriced.length === 0) return null;
  return (
    <div class="unavailable-lines" role="alert">
      <p>
        <strong>Giá live không còn áp dụng cho {summary.repriced.length} sản phẩm — giá trong đơn đã đổi:</strong>
      </p>
      <ul>
        {summary.repriced.map((l) => (
          <li>
            {l.name}: {l.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LeftOut({ summary, source }: { summary: CheckoutSummary; source: LineSource }) {
  if (summary.leftOut.length === 0) return null;
  return (
    <div class="unavailable-lines" role="status">
      <p>
        <strong>{summary.leftOut.length} sản phẩm không đặt được lúc này và không có trong đơn:</strong>
      </p>
      <ul>
        {summary.leftOut.map((l) => (
          <li>
            {l.name}: {l.message}
          </li>
        ))}
      </ul>
      {source === 'cart' ? (
        <p>
          <a href={CART_PATH}>Sửa giỏ hàng</a>
        </p>
      ) : null}
    </div>
  );
}

function SavedAddresses({ saved, state }: { saved: readonly ShippingAddress[]; state: FormState }) {
  if (saved.length === 0) return null;
  const id = fieldId('savedAddress');
  const error = state.errors.savedAddress;
  const current = state.values.savedAddress ?? '0';
  return (
    <div class="field">
      <fieldset id={id} aria-describedby={error ? `${id}-loi` : undefined}>
        <legend>{checkoutLabels.savedAddress}</legend>
        {saved.map((a, i) => (
          <label class="choice" for={`${id}-${i}`}>
            <input id={`${id}-${i}`} type="radio" name="savedAddress" value={String(i)} checked={current === String(i)} />
            <span>
              {a.recipientName}, {nationalPhone(a.phone)} — {fullAddress(a)}
            </span>
          </label>
        ))}
        <label class="choice" for={`${id}-moi`}>
          <input id={`${id}-moi`} type="radio" name="savedAddress" value={NEW_ADDRESS} checked={current === NEW_ADDRESS} />
          <span>Giao đến địa chỉ khác (nhập bên dưới)</span>
        </label>
      </fieldset>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

function PaymentChoice({ state, summary, cardAvailable }: { state: FormState; summary: CheckoutSummary; cardAvailable: boolean }) {
  const id = fieldId('paymentMethod');
  const error = state.errors.paymentMethod;
  const current = state.values.paymentMethod || 'cod';
  const vietqrWhy = summary.withoutBank.length > 0 ? `Chưa dùng được: gian hàng ${summary.withoutBank.join(', ')} chưa đăng ký tài khoản nhận chuyển khoản.` : undefined;
  const options: { value: string; label: string; hint: string; disabledWhy?: string | undefined }[] = [
    { value: 'cod', label: paymentMethodLabels.cod, hint: 'Trả tiền mặt cho người giao hàng.' },
    { value: 'vietqr', label: paymentMethodLabels.vietqr, hint: 'Quét mã QR bằng ứng dụng ngân hàng, trong 30 phút.', disabledWhy: vietqrWhy },
    ...(cardAvailable ? [{ value: 'card', label: paymentMethodLabels.card, hint: 'Visa, Mastercard… trên trang thanh toán của Stripe, trong 30 phút.' }] : []),
  ];
  return (
    <div class="field">
      <fieldset id={id} aria-describedby={error ? `${id}-loi` : undefined}>
        <legend>{checkoutLabels.paymentMethod}</legend>
        {options.map((o) => (
          <label class={o.disabledWhy ? 'choice disabled' : 'choice'} for={`${id}-${o.value}`}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name="paymentMethod"
              value={o.value}
              checked={!o.disabledWhy && current === o.value}
              disabled={o.disabledWhy ? true : undefined}
              aria-describedby={o.disabledWhy ? `${id}-${o.value}-vi-sao` : undefined}
              required
            />
            <span>
              {o.label}
              <span class="hint"> — {o.hint}</span>
              {o.disabledWhy ? (
                <span class="why" id={`${id}-${o.value}-vi-sao`}>
                  {o.disabledWhy}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

/** `/thanh-toan`: what is bought from whom, where it goes, how it is paid; one plain POST form. */
export function CheckoutPage({ assets, summary, state, saved, source, cardAvailable, earlierOrder }: CheckoutPageProps) {
  const title = 'Thanh toán';
  const nothing = summary.subOrders.length === 0;
  return (
    <Layout title={title} description="Đặt hàng trên Chợ OCOP" assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + ordersCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, ...(source === 'cart' ? [{ label: 'Giỏ hàng', href: CART_PATH }] : []), { label: title }]} />
        <h1>{title}</h1>
        <Repriced summary={summary} />
        <LeftOut summary={summary} source={source} />
        {nothing ? (
          <>
            {state.formError ? (
              <p class="page-error" role="alert">
                {state.formError}
              </p>
            ) : null}
            <p>
              Chưa có sản phẩm nào để đặt. <a href={source === 'cart' ? CART_PATH : '/san-pham'}>{source === 'cart' ? 'Quay lại giỏ hàng' : 'Xem sản phẩm OCOP'}</a>
            </p>
          </>
        ) : (
          <div class="checkout">
            <section aria-labelledby="tom-tat-don">
              <h2 id="tom-tat-don">Đơn hàng của bạn</h2>
              <Storefronts summary={summary} />
            </section>
            <div class="auth">
              <form method="post" action={CHECKOUT_PATH} novalidate aria-labelledby="dat-hang-tieu-de">
                <ErrorSummary state={state} labels={checkoutLabels} />
                {earlierOrder ? (
                  <p class="notice">
                    Biểu mẫu này đã được dùng để đặt một đơn: <a href={earlierOrder.href}>xem đơn đã đặt</a>. Bấm “Đặt hàng” lần nữa chỉ khi bạn muốn đặt thêm một đơn mới.
                  </p>
                ) : null}
                <input type="hidden" name="key" value={state.values.key ?? ''} />
                <input type="hidden" name="source" value={source} />
                {summary.lines.map((l) => (
                  <input type="hidden" name="line" value={encodeLine(l)} />
                ))}
                <h2 id="dat-hang-tieu-de">Giao đến</h2>
                <SavedAddresses saved={saved} state={state} />
                <Field name="recipientName" label={checkoutLabels.recipientName!} autocomplete="shipping name" state={state} maxlength={100} />
                <Field name="phone" label={checkoutLabels.phone!} type="tel" inputmode="tel" autocomplete="shipping tel" state={state} maxlength={20} hint="Ví dụ 0912 345 678: người giao hàng gọi số này." />
                <SelectField name="provinceCode" label={checkoutLabels.provinceCode!} state={state} options={provinceOptions} placeholder="— Chọn tỉnh, thành phố —" />
                <Field name="commune" label={checkoutLabels.commune!} autocomplete="shipping address-level3" state={state} maxlength={120} hint="Từ 01/07/2025 không còn cấp huyện: ghi xã hoặc phường." />
                <Field name="street" label={checkoutLabels.street!} autocomplete="shipping address-line1" state={state} maxlength={200} />
                <label class="choice" for="truong-saveAddress">
                  <input id="truong-saveAddress" type="checkbox" name="saveAddress" value="1" checked={state.values.saveAddress === '1'} />
                  <span>Lưu địa chỉ này (để chọn nhanh ở lần đặt sau)</span>
                </label>
                <TextArea name="note" label={checkoutLabels.note!} state={state} required={false} maxlength={500} rows={3} hint="Ví dụ: giờ nhận hàng, gọi trước khi giao." />
                <h2>Thanh toán</h2>
                <PaymentChoice state={state} summary={summary} cardAvailable={cardAvailable} />
                <p>
                  <strong>Tổng thanh toán: {formatVnd(summary.totalVnd)}</strong>
                </p>
                <div>
                  <button type="submit">Đặt hàng</button>
                </div>
              </form>
            </div>
          </div>
        )}
      </div>
    </Layout>
  );
}
