import { AuthPage } from '../identity/auth-page';
import { ErrorSummary, Field, Submit, type FormState } from '../components/form/form';
import type { AssetUrls } from '../view';
import { legalFormLabels, legalForms } from '../../shared/storefront/producer';
import { provinces } from '../../shared/reference/provinces';
import { provinceLabel } from '../../shared/reference/labels';
import { SelectField, TextArea } from './form-fields';

export const APPLICATION_PATH = '/co-so-cua-toi/dang-ky';

export const applicationLabels = {
  subjectType: 'Loại hình chủ thể',
  legalName: 'Tên chủ thể (theo giấy đăng ký)',
  taxCode: 'Mã số doanh nghiệp / mã số thuế',
  provinceCode: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  addressLine: 'Địa chỉ',
  phone: 'Số điện thoại di động',
  email: 'Email liên hệ',
  story: 'Giới thiệu cơ sở',
};
export const applicationFields = Object.keys(applicationLabels);

const provinceOptions = provinces.map((p) => ({ value: p.code, label: provinceLabel(p) }));
const subjectOptions = legalForms.map((f) => ({ value: f, label: legalFormLabels[f] }));

export function ApplicationPage({ assets, state, submitted }: { assets: AssetUrls; state: FormState; submitted?: boolean }) {
  return (
    <AuthPage title="Đăng ký gian hàng OCOP" description="Hồ sơ đăng ký mở gian hàng cho cơ sở OCOP, do cán bộ tỉnh, thành phố duyệt." assets={assets}>
      {submitted ? (
        <p class="notice" role="status">
          Đã gửi hồ sơ. Cán bộ OCOP của tỉnh, thành phố sẽ xem xét; khi được duyệt, gian hàng của bạn sẽ hiện ở <a href="/co-so-cua-toi">Cơ sở của tôi</a>.
        </p>
      ) : (
        <form method="post" action={APPLICATION_PATH} novalidate>
          <ErrorSummary state={state} labels={applicationLabels} />
          <SelectField name="subjectType" label={applicationLabels.subjectType} state={state} options={subjectOptions} />
          <Field name="legalName" label={applicationLabels.legalName} autocomplete="organization" state={state} maxlength={160} />
          <Field name="taxCode" label={applicationLabels.taxCode} autocomplete="off" inputmode="text" hint="10 chữ số, hoặc 10-3 với chi nhánh, ví dụ 0101234567" state={state} maxlength={14} />
          <SelectField name="provinceCode" label={applicationLabels.provinceCode} state={state} options={provinceOptions} hint="Theo địa giới từ 01/07/2025 (34 tỉnh, thành phố)" />
          <Field name="commune" label={applicationLabels.commune} autocomplete="address-level3" hint="Không cần ghi huyện: cấp huyện đã bỏ từ 01/07/2025" state={state} maxlength={120} />
          <Field name="addressLine" label={applicationLabels.addressLine} autocomplete="street-address" hint="Số nhà, thôn, tổ dân phố" state={state} maxlength={200} />
          <Field name="phone" label={applicationLabels.phone} type="tel" inputmode="tel" autocomplete="tel" hint="Ví dụ 0912 345 678" state={state} maxlength={20} />
          <Field name="email" label={applicationLabels.email} type="email" inputmode="email" autocomplete="email" state={state} maxlength={254} />
          <TextArea name="story" label={applicationLabels.story} state={state} required={false} maxlength={4000} hint="Câu chuyện sản phẩm, vùng nguyên liệu. Có thể dùng Markdown." />
          <Submit>Gửi hồ sơ</Submit>
        </form>
      )}
    </AuthPage>
  );
}
