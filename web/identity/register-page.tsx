import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/identity/password';
import type { AssetUrls } from '../view';
import { AuthPage } from './auth-page';
import { Choice, ErrorSummary, Field, Submit, type FormState } from '../components/form/form';

export const registerLabels = {
  displayName: 'Họ và tên',
  email: 'Email',
  phone: 'Số điện thoại di động',
  password: 'Mật khẩu',
  accountType: 'Loại tài khoản',
};

export function RegisterPage({ assets, state }: { assets: AssetUrls; state: FormState }) {
  return (
    <AuthPage title="Đăng ký tài khoản" description="Tạo tài khoản Chợ OCOP để mua đặc sản OCOP hoặc mở gian hàng cho cơ sở của bạn." assets={assets}>
      <form method="post" action="/dang-ky" novalidate>
        <ErrorSummary state={state} labels={registerLabels} />
        <Field name="displayName" label={registerLabels.displayName} autocomplete="name" state={state} maxlength={80} />
        <Field name="email" label={registerLabels.email} type="email" inputmode="email" autocomplete="email" state={state} maxlength={254} />
        <Field
          name="phone"
          label={registerLabels.phone}
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          hint="Ví dụ 0912 345 678. Dùng để liên hệ về đơn hàng."
          required={false}
          state={state}
          maxlength={20}
        />
        <Field
          name="password"
          label={registerLabels.password}
          type="password"
          autocomplete="new-password"
          hint={`Từ ${PASSWORD_MIN} đến ${PASSWORD_MAX} ký tự. Một câu dễ nhớ là mật khẩu tốt.`}
          minlength={PASSWORD_MIN}
          maxlength={PASSWORD_MAX}
          state={state}
          keepValue={false}
        />
        <Choice
          name="accountType"
          legend={registerLabels.accountType}
          state={state}
          options={[
            { value: 'shopper', label: 'Người mua', hint: 'mua sản phẩm OCOP' },
            { value: 'producer', label: 'Cơ sở OCOP', hint: 'mở gian hàng sau khi hồ sơ được duyệt' },
          ]}
        />
        <Submit>Tạo tài khoản</Submit>
      </form>
      <p class="auth-links">
        Đã có tài khoản? <a href="/dang-nhap">Đăng nhập</a>
      </p>
    </AuthPage>
  );
}
