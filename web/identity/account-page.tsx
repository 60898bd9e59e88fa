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

/** Where each role works: the header's "Tài khoản" link leads everyone here, and from here onwards. */
function workLinks(account: AccountView): Array<{ href: string; label: string }> {
  switch (account.role) {
    case 'producer':
      return account.producerId
        ? [{ href: '/co-so-cua-toi', label: 'Cơ sở của tôi: gian hàng, sản phẩm, chứng nhận' }]
        : [{ href: '/co-so-cua-toi/dang-ky', label: 'Đăng ký gian hàng OCOP' }];
    case 'officer':
      return [
        { href: '/quan-ly/tinh', label: 'Quản lý chứng nhận OCOP' },
        { href: '/quan-ly/tinh/ho-so', label: 'Hồ sơ đăng ký gian hàng' },
      ];
    case 'admin':
      // Applications are decided by the province's own officers, so an admin's work is the registry.
      return [{ href: '/quan-ly/tinh', label: 'Quản lý chứng nhận OCOP (mọi tỉnh, thành phố)' }];
    default:
      return [{ href: '/san-pham', label: 'Mua sản phẩm OCOP' }];
  }
}

/** Where sign-up and sign-in land: who you are, where your work is, password and sign-out. */
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
      <nav aria-label="Việc của bạn">
        <ul>
          <li>
            <a href="/don-hang">Đơn hàng của tôi</a>
          </li>
          {workLinks(account).map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </nav>
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
