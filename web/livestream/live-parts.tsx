import { formatVnd } from '../../shared/money/vnd';
import { platformLabels } from '../../shared/livestream/stream-url';
import type { LiveSummary } from '../../shared/livestream/service';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { livePath } from './paths';

export const liveStyles = `
.live-list{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.live-card{border:1px solid #d5ddd8;border-radius:.5rem;padding:.75rem;background:#fff}
.live-card h3{margin:.25rem 0;font-size:1.05rem}
.live-badge{display:inline-block;background:#c8102e;color:#fff;border-radius:.25rem;padding:0 .4rem;font-size:.85rem;font-weight:700}
.live-soon{background:#0a5a3a}
.live-ended{background:#555}
.live-strip{background:#fff4f4;border:1px solid #f0c4c4;border-radius:.5rem;padding:.5rem .75rem;margin:1rem 0}
.live-strip ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.live-player{position:relative;width:100%;max-width:48rem;aspect-ratio:16/9;border:0;background:#000}
.live-products{width:100%;border-collapse:collapse}
.live-products td,.live-products th{border-bottom:1px solid #e3e8e5;padding:.4rem;text-align:left;vertical-align:top}
.live-price{color:#c8102e;font-weight:700;font-size:1.1rem}
.regular-price{text-decoration:line-through;color:#555}
`;

const statusBadge: Record<string, { label: string; cls: string }> = {
  live: { label: 'Đang live', cls: 'live-badge' },
  scheduled: { label: 'Sắp diễn ra', cls: 'live-badge live-soon' },
  ended: { label: 'Đã kết thúc', cls: 'live-badge live-ended' },
  cancelled: { label: 'Đã huỷ', cls: 'live-badge live-ended' },
};

export const StatusBadge = ({ status }: { status: string }) => <span class={statusBadge[status]?.cls ?? 'live-badge'}>{statusBadge[status]?.label ?? status}</span>;

/** Start and end in Vietnam time, as shoppers read them. */
export const LiveTimes = ({ live }: { live: Pick<LiveSummary, 'startsAt' | 'endsAt' | 'startedAt' | 'endedAt'> }) => (
  <span>
    <time datetime={live.startedAt ?? live.startsAt}>{formatVietnamDateTime(live.startedAt ?? live.startsAt)}</time> –{' '}
    <time datetime={live.endedAt ?? live.endsAt}>{formatVietnamDateTime(live.endedAt ?? live.endsAt)}</time> (giờ Việt Nam)
  </span>
);

export function LiveCard({ live }: { live: LiveSummary }) {
  return (
    <li class="live-card">
      <StatusBadge status={live.status} /> <small>{platformLabels[live.platform]}</small>
      <h3>
        <a href={livePath(live.id)}>{live.title}</a>
      </h3>
      <p>{live.producerName}</p>
      <p>
        <LiveTimes live={live} />
      </p>
      <p>{live.productCount} sản phẩm giá live</p>
    </li>
  );
}

export const Price = ({ vnd }: { vnd: number }) => <>{formatVnd(vnd)}</>;
