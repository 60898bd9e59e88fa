import type { ProducerNotification } from '../../shared/registry/notification-inbox';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import type { AssetUrls } from '../view';
import { NOTIFICATIONS_PATH } from './paths';
import { ProducerPage } from './producer-page';

export const INBOX_LIMIT = 20;
export const DASHBOARD_NOTICES = 3;

function NoticeList({ items }: { items: ProducerNotification[] }) {
  return (
    <ul>
      {items.map((n) => (
        <li>
          <time datetime={n.createdAt}>{formatVietnamDateTime(n.createdAt)}</time> — {n.message}
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's glimpse of the inbox: the newest few and a link to the rest. */
export function NotificationsSection({ items, total }: { items: ProducerNotification[]; total: number }) {
  return (
    <section aria-labelledby="thong-bao">
      <h2 id="thong-bao">Thông báo{total > 0 ? ` (${total})` : ''}</h2>
      {items.length === 0 ? <p>Chưa có thông báo nào.</p> : <NoticeList items={items.slice(0, DASHBOARD_NOTICES)} />}
      {total > DASHBOARD_NOTICES ? (
        <p>
          <a href={NOTIFICATIONS_PATH}>Xem tất cả thông báo</a>
        </p>
      ) : null}
    </section>
  );
}

export function NotificationsPage({ assets, items, total }: { assets: AssetUrls; items: ProducerNotification[]; total: number }) {
  return (
    <ProducerPage title="Thông báo" assets={assets}>
      {items.length === 0 ? (
        <p>Chưa có thông báo nào. Khi chứng nhận OCOP của cơ sở sắp hết hạn (90, 30, 7 ngày) hoặc đã hết hạn, thông báo sẽ hiện ở đây.</p>
      ) : (
        <>
          <p>{total > items.length ? `${items.length} thông báo mới nhất trong tổng số ${total}.` : `${total} thông báo, mới nhất trước.`}</p>
          <NoticeList items={items} />
        </>
      )}
    </ProducerPage>
  );
}
