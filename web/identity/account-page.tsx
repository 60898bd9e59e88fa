import type { AccountView } from '../../shared/identity/account';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { nationalPhone, type AssetUrls } from '../view';
import { AuthPage } from './auth-page';

const roleLabels: Record<AccountView['role'], string> = {
  shopper: 'Người mua',
  producer: 'Cơ sở OCOP',
  officer: 'Cán bộ quản lý OCOP',
  admin: 'Quản trị viên',
};

/** Where sign-up and sign-in land: who you are, and the two things you can do here so far. */
export function AccountPage({ assets, account, welcome }: { assets: AssetUrls; account: AccountView; welcome: boolean }) {
  return (
    <AuthPage title="Tài khoản của bạn" description="Thông tin tài khoản Chợ OCOP." assets={assets}>
      {welcome ? (
        <p class="success" role="status">
          Đã tạo tài khoản. Chào mừng bạn đến với Chợ OCOP!
          {account.role === 'producer' ? ' Gian hàng của cơ sở sẽ được mở sau khi hồ sơ được duyệt.' : ''}
        </p>
      ) : null}
      <dl class="facts panel">
        <dt>Họ và tên</dt>
        <dd>{account.displayName}</dd>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        {account.phone ? (
          <>
            <dt>Điện thoại</dt>
            <dd>{nationalPhone(account.phone)}</dd>
          </>
        ) : null}
        <dt>Loại tài khoản</dt>
        <dd>{roleLabels[account.role]}</dd>
        {account.provinceCode ? (
          <>
            <dt>Phụ trách</dt>
            <dd>{provinceLabelByCode(account.provinceCode)}</dd>
          </>
        ) : null}
      </dl>
      <p class="filter-actions">
        <a class="btn btn-ghost" href="/tai-khoan/mat-khau">
          Đổi mật khẩu
        </a>
      </p>
      <form method="post" action="/dang-xuat">
        <button type="submit">Đăng xuất</button>
      </form>
    </AuthPage>
  );
}
