import { REGISTER_ACCEPTED_MESSAGE } from '../../shared/identity/auth-service';
import type { AssetUrls } from '../view';
import { AuthPage } from './auth-page';
import { ErrorSummary, Field, Submit, type FormState } from '../components/form/form';

export const loginLabels = { email: 'Email', password: 'Mật khẩu' };

export function LoginPage({
  assets,
  state,
  next,
  signedInAs,
  registered = false,
}: {
  assets: AssetUrls;
  state: FormState;
  next?: string | undefined;
  signedInAs?: string | undefined;
  /** Just after the register form: the one answer for new and existing emails (REGISTER_ACCEPTED_MESSAGE). */
  registered?: boolean;
}) {
  return (
    <AuthPage title="Đăng nhập" description="Đăng nhập vào Chợ OCOP để mua hàng hoặc quản lý gian hàng." assets={assets}>
      {registered ? (
        <p class="success" role="status">
          {REGISTER_ACCEPTED_MESSAGE}
        </p>
      ) : null}
      {signedInAs ? (
        <p class="notice" role="note">
          Bạn đang đăng nhập với tên <strong>{signedInAs}</strong>. Đăng nhập lại sẽ thay phiên hiện tại.
        </p>
      ) : null}
      <form method="post" action="/dang-nhap" novalidate>
        <ErrorSummary state={state} labels={loginLabels} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field name="email" label={loginLabels.email} type="email" inputmode="email" autocomplete="username" state={state} maxlength={254} />
        <Field name="password" label={loginLabels.password} type="password" autocomplete="current-password" state={state} keepValue={false} />
        <Submit>Đăng nhập</Submit>
      </form>
      <p class="auth-links">
        Chưa có tài khoản? <a href="/dang-ky">Đăng ký</a>
      </p>
    </AuthPage>
  );
}
