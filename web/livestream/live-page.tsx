import { raw } from 'hono/html';
import { platformLabels } from '../../shared/livestream/stream-url';
import type { LiveDetail } from '../../shared/livestream/service';
import { formatVnd } from '../../shared/money/vnd';
import { Layout } from '../components/layout';
import { CHECKOUT_PATH } from '../orders/paths';
import type { AssetUrls } from '../view';
import { LiveTimes, liveStyles, StatusBadge } from './live-parts';
import { LIVESTREAMS_PATH } from './paths';

export interface LivePageProps {
  assets: AssetUrls;
  live: LiveDetail;
  /** Just followed (true) or stopped following (false) the storefront, after the form's redirect. */
  followed?: boolean | undefined;
}

/** The page is public and cached alike for everyone: the button posts, the redirect says what happened. */
function FollowForm({ live, followed }: { live: LiveDetail; followed?: boolean | undefined }) {
  return (
    <form method="post" action={`${LIVESTREAMS_PATH}/${live.id}/theo-doi`} class="follow-form">
      {followed === true ? (
        <p role="status">Đã theo dõi {live.producerName}: khi gian hàng lên live, bạn nhận thông báo.</p>
      ) : followed === false ? (
        <p role="status">Đã bỏ theo dõi {live.producerName}.</p>
      ) : null}
      <input type="hidden" name="action" value={followed === true ? 'bo' : 'theo'} />
      <button type="submit" class="btn">
        {followed === true ? 'Bỏ theo dõi' : `Theo dõi ${live.producerName}`}
      </button>
    </form>
  );
}

/** The player where the platform allows embedding (YouTube, Facebook), a link out otherwise. */
function Player({ live }: { live: LiveDetail }) {
  const label = platformLabels[live.platform];
  if (live.status === 'ended' && live.replayUrl) {
    return (
      <section aria-labelledby="xem-lai">
        <h2 id="xem-lai">Xem lại</h2>
        {live.replayEmbedUrl ? (
          <iframe class="live-player" src={live.replayEmbedUrl} title={`Xem lại: ${live.title}`} allow="encrypted-media; picture-in-picture" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>
        ) : null}
        <p>
          <a class="btn" href={live.replayUrl} rel="noopener noreferrer nofollow" target="_blank">
            Xem lại trên {label}
          </a>
        </p>
      </section>
    );
  }
  return (
    <>
      {live.embedUrl && live.status !== 'cancelled' ? (
        <iframe class="live-player" src={live.embedUrl} title={`Video: ${live.title}`} allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>
      ) : null}
      <p>
        <a class="btn" href={live.streamUrl} rel="noopener noreferrer nofollow" target="_blank">
          Xem trên {label}
        </a>
      </p>
    </>
  );
}

function BuyCell({ live, p }: { live: LiveDetail; p: LiveDetail['products'][number] }) {
  if (live.status !== 'live') return <span>{live.status === 'scheduled' ? 'Giá live mở khi buổi live bắt đầu' : 'Không còn giá live'}</span>;
  if (p.quotaLeft === 0 || p.stock === 0) return <span>Đã hết suất giá live</span>;
  return (
    <form method="get" action={CHECKOUT_PATH}>
      <input type="hidden" name="product" value={p.productId} />
      {p.variantId ? <input type="hidden" name="variant" value={p.variantId} /> : null}
      <input type="hidden" name="live" value={live.id} />
      <label>
        Số lượng <input type="number" name="qty" value="1" min="1" max={String(Math.min(999, p.quotaLeft ?? p.stock, p.stock))} inputmode="numeric" size={3} />
      </label>{' '}
      <button type="submit" class="btn">
        Mua giá live
      </button>
    </form>
  );
}

export function LivePage(props: LivePageProps) {
  const { assets, live } = props;
  return (
    <Layout title={live.title} description={`${live.producerName} livestream trên ${platformLabels[live.platform]}: sản phẩm OCOP giá live.`} assets={assets}>
      <style>{raw(liveStyles)}</style>
      <div class="wrap">
        <p>
          <a href={LIVESTREAMS_PATH}>← Tất cả buổi live</a>
        </p>
        <h1>{live.title}</h1>
        <p>
          <StatusBadge status={live.status} /> {live.producerName} · {platformLabels[live.platform]} · <LiveTimes live={live} />
        </p>
        {live.status === 'scheduled' ? (
          <p role="status">
            Bắt đầu lúc <LiveTimes live={live} />
          </p>
        ) : null}
        {live.status === 'cancelled' ? <p role="status">Buổi live đã bị huỷ{live.cancelReason ? `: ${live.cancelReason}` : ''}.</p> : null}
        {live.description ? <p>{live.description}</p> : null}
        <Player live={live} />
        <FollowForm live={live} followed={props.followed} />
        <section class="section" aria-labelledby="san-pham-live">
          <h2 id="san-pham-live">Sản phẩm giá live</h2>
          {live.products.length === 0 ? (
            <p class="empty">Không còn sản phẩm nào trong buổi live này.</p>
          ) : (
            <table class="live-products">
              <caption class="sr-only">Giá live, giá thường và số suất còn lại</caption>
              <thead>
                <tr>
                  <th scope="col">Sản phẩm</th>
                  <th scope="col">Giá live</th>
                  <th scope="col">Giá thường</th>
                  <th scope="col">Suất còn lại</th>
                  <th scope="col">Mua</th>
                </tr>
              </thead>
              <tbody>
                {live.products.map((p) => (
                  <tr data-product={p.productId}>
                    <td>
                      {p.name} <small>({p.unit})</small>
                    </td>
                    <td class="live-price">{formatVnd(p.livePriceVnd)}</td>
                    <td>
                      <span class="regular-price">{formatVnd(p.regularPriceVnd)}</span>
                    </td>
                    <td class="quota-left">{p.quotaLeft === null ? `Còn ${p.stock} (theo tồn kho)` : `Còn ${p.quotaLeft}/${p.quota}`}</td>
                    <td>
                      <BuyCell live={live} p={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </Layout>
  );
}
