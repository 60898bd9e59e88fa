import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import type { FairStatus } from '../../shared/fairs/lifecycle';

export const statusLabels: Record<FairStatus, string> = { draft: 'Bản nháp', open: 'Đang nhận đăng ký gian', live: 'Đang diễn ra', closed: 'Đã kết thúc' };

export function FairDates({ fair }: { fair: { startsAt: string; endsAt: string } }) {
  return (
    <span>
      <time datetime={fair.startsAt}>{formatVietnamDateTime(fair.startsAt)}</time> – <time datetime={fair.endsAt}>{formatVietnamDateTime(fair.endsAt)}</time> (giờ Việt Nam)
    </span>
  );
}

export const fairStyles = `
.fair-list{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.fair-card,.booth-card{border:1px solid #d6e4dc;border-radius:.5rem;padding:.75rem;background:#fff}
.booth-list{list-style:none;padding:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr))}
.fair-price{font-weight:700;color:#b3261e}
.regular-price{text-decoration:line-through;color:#555}
.fair-badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#0a5a3a;color:#fff;font-size:.85rem}
.fair-banner{max-width:100%;height:auto;border-radius:.5rem}
.fair-form label{display:block;margin:.5rem 0 .2rem}
.fair-form input,.fair-form textarea,.fair-form select{width:100%;max-width:32rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
table.fair-table{border-collapse:collapse}table.fair-table th,table.fair-table td{border:1px solid #d6e4dc;padding:.3rem .5rem;text-align:left}
`;
