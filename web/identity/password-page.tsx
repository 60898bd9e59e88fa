import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/identity/password';
import type { AssetUrls } from '../view';
import { AuthPage } from './auth-page';
import { ErrorSummary, Field, Submit, type FormState } from '../components/form/form';

export const passwordLabels = { currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới', confirmPassword: 'Nhập lại mật khẩu mới' };

export function PasswordPage({ assets, state, changed }: { assets: AssetUrls; state: FormState; changed: boolean }) {
  return (
    <AuthPage title="Đổi mật khẩu" description="Đổi mật khẩu tài khoản Chợ OCOP." assets={assets}>
      {changed ? (
        <p class="success" role="status">
          Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.
        </p>
      ) : null}
      <form method="post" action="/tai-khoan/mat-khau" novalidate>
        <ErrorSummary state={state} labels={passwordLabels} />
        <Field name="currentPassword" label={passwordLabels.currentPassword} type="password" autocomplete="current-password" state={state} keepValue={false} />
        <Field
          name="newPassword"
          label={passwordLabels.newPassword}
          type="password"
          autocomplete="new-password"
          hint={`Từ ${PASSWORD_MIN} đến ${PASSWORD_MAX} ký tự. Sau khi đổi, các thiết bị khác sẽ phải đăng nhập lại.`}
          minlength={PASSWORD_MIN}
          maxlength={PASSWORD_MAX}
          state={state}
          keepValue={false}
        />
        <Field name="confirmPassword" label={passwordLabels.confirmPassword} type="password" autocomplete="new-password" state={state} keepValue={false} />
        <Submit>Đổi mật khẩu</Submit>
      </form>
      <p class="auth-links">
        <a href="/tai-khoan">Về trang tài khoản</a>
      </p>
    </AuthPage>
  );
}
