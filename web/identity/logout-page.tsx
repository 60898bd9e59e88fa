import type { AssetUrls } from '../view';
import { AuthPage } from './auth-page';

/** Signing out is a POST (a link could be triggered by any page); this page holds its button. */
export function LogoutPage({ assets, signedInAs }: { assets: AssetUrls; signedInAs?: string | undefined }) {
  return (
    <AuthPage title="Đăng xuất" description="Đăng xuất khỏi Chợ OCOP." assets={assets}>
      {signedInAs ? (
        <form method="post" action="/dang-xuat">
          <p>
            Bạn đang đăng nhập với tên <strong>{signedInAs}</strong>.
          </p>
          <button type="submit">Đăng xuất</button>
        </form>
      ) : (
        <p>
          Bạn chưa đăng nhập. <a href="/dang-nhap">Đăng nhập</a>
        </p>
      )}
    </AuthPage>
  );
}
