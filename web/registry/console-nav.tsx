import type { Principal } from '../../shared/identity/principal';
import { CERTIFICATES_PATH } from './certificate-paths';
import { IMPORT_PATH, QUEUE_PATH, RECORD_ANCHOR, REVIEWS_MODERATION_PATH } from '../console/paths';
import { POINTS_CONSOLE_PATH } from '../locator/console-paths';
import { CONSOLE_FAIRS_PATH } from '../fairs/paths';
import { ROUNDS_PATH } from '../evaluation/paths';

export type ConsoleSection = 'applications' | 'certificates' | 'record' | 'import' | 'reviews' | 'points' | 'fairs' | 'evaluation';

/**
 * The console's own navigation, on every console page. Storefront applications are decided by the
 * province's officer only (admins get 403 there), so admins do not see that link.
 */
export function ConsoleNav({ principal, current }: { principal: Extract<Principal, { role: 'officer' | 'admin' }>; current?: ConsoleSection | undefined }) {
  const links: { key: ConsoleSection; href: string; label: string }[] = [
    ...(principal.role === 'officer' ? [{ key: 'applications' as const, href: QUEUE_PATH, label: 'Hồ sơ đăng ký' }] : []),
    { key: 'certificates', href: CERTIFICATES_PATH, label: 'Chứng nhận' },
    { key: 'record', href: RECORD_ANCHOR, label: 'Ghi nhận mới' },
    { key: 'import', href: IMPORT_PATH, label: 'Nhập CSV' },
    { key: 'reviews', href: REVIEWS_MODERATION_PATH, label: 'Đánh giá bị báo cáo' },
    { key: 'points', href: POINTS_CONSOLE_PATH, label: 'Điểm bán' },
    { key: 'evaluation', href: ROUNDS_PATH, label: 'Đánh giá, phân hạng' },
    { key: 'fairs', href: CONSOLE_FAIRS_PATH, label: 'Hội chợ' },
  ];
  return (
    <nav class="console-nav" aria-label="Quản lý OCOP cấp tỉnh">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={current === l.key ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
