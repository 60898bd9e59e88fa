import { raw } from 'hono/html';
import type { LiveSummary } from '../../shared/livestream/service';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { LiveCard, liveStyles } from './live-parts';

export interface LivestreamListPageProps {
  assets: AssetUrls;
  live: LiveSummary[];
  upcoming: LiveSummary[];
  ended: LiveSummary[];
}

function Section({ id, title, items, empty }: { id: string; title: string; items: LiveSummary[]; empty: string }) {
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length > 0 ? (
        <ul class="live-list">
          {items.map((l) => (
            <LiveCard live={l} />
          ))}
        </ul>
      ) : (
        <p class="empty">{empty}</p>
      )}
    </section>
  );
}

/** "Đang live", "Sắp diễn ra" (7 days), replays: 3 Queries of the lives index. */
export function LivestreamListPage({ assets, live, upcoming, ended }: LivestreamListPageProps) {
  return (
    <Layout title="Livestream" description="Xem các cơ sở OCOP đang livestream, lịch live sắp tới và mua với giá live." assets={assets}>
      <style>{raw(liveStyles)}</style>
      <div class="wrap">
        <h1>Livestream bán hàng</h1>
        <Section id="dang-live" title="Đang live" items={live} empty="Chưa có buổi live nào đang diễn ra." />
        <Section id="sap-dien-ra" title="Sắp diễn ra (7 ngày tới)" items={upcoming} empty="Chưa có lịch live trong 7 ngày tới." />
        <Section id="da-ket-thuc" title="Đã kết thúc" items={ended} empty="Chưa có buổi live nào đã kết thúc." />
      </div>
    </Layout>
  );
}
