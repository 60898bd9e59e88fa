import { raw } from 'hono/html';
import type { RatingSummary } from '../../shared/reviews/rules';
import type { ReviewView } from '../../shared/reviews/schemas';
import { MAX_REASON } from '../../shared/reviews/schemas';
import { formatVietnamDate } from '../../shared/time/vietnam-time';
import { reportFormPath } from './paths';

/**
 * Buyers' ratings. Never to be taken for the OCOP badge (web/components/star-badge.tsx, gold ★ on
 * red, drawn from the certificate): these are blue, use a different glyph (●), and always say
 * "đánh giá của người mua" with the count beside them.
 */
export const reviewsCss = `
.reviews details.report{margin:.35rem 0 0;font-size:.9rem}
.reviews details.report textarea{width:100%;min-height:3rem}
.brate{display:inline-flex;align-items:center;gap:.35rem;color:#1d4f91;font-weight:700}
.brate .dots{letter-spacing:.1rem;color:#2f6fd0}
.brate .dots .off{color:#c8d3e3}
.brate small{font-weight:400;color:#4a5566}
.reviews .dist{display:grid;grid-template-columns:auto 1fr auto;gap:.2rem .5rem;align-items:center;max-width:22rem;margin:.5rem 0 1rem}
.reviews .bar{background:#e6ecf5;border-radius:.3rem;height:.55rem;overflow:hidden}
.reviews .bar span{display:block;height:100%;background:#2f6fd0}
.reviews ol{list-style:none;padding:0;margin:0;display:grid;gap:.9rem}
.reviews li{border-top:1px solid #e4dfd3;padding-top:.75rem}
.reviews .meta{color:#4a5566;font-size:.9rem}
.reviews .verified{color:#1b6b3a;font-weight:700}
.reviews .reply{background:#f5f2ea;border-left:3px solid #c9b78f;padding:.5rem .75rem;margin:.5rem 0 0}
.reviews .text{white-space:pre-line;margin:.35rem 0}
.reviews .photos{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.4rem 0}
.reviews .photos li{border:0;padding:0}
.reviews .photos img{width:5.5rem;height:5.5rem;object-fit:cover;border-radius:.3rem;display:block;background:#eee}
`;

const fmtMean = (mean: number) => mean.toFixed(1).replace('.', ',');

/** ●●●●○ 4,3/5 · 12 đánh giá của người mua */
export function BuyerRating({ summary, compact }: { summary: RatingSummary; compact?: boolean }) {
  if (summary.count === 0 || summary.mean === null) {
    return compact ? null : <p class="meta">Chưa có đánh giá của người mua.</p>;
  }
  const filled = Math.round(summary.mean);
  const label = `Người mua đánh giá ${fmtMean(summary.mean)} trên 5, ${summary.count} đánh giá`;
  return (
    <span class="brate" role="img" aria-label={label} title={label} data-rating-mean={String(summary.mean)}>
      <span class="dots" aria-hidden="true">
        {'●'.repeat(filled)}
        <span class="off">{'●'.repeat(5 - filled)}</span>
      </span>
      <span aria-hidden="true">{fmtMean(summary.mean)}/5</span>
      <small aria-hidden="true">· {summary.count} đánh giá của người mua</small>
    </span>
  );
}

export function Dots({ stars }: { stars: number }) {
  return (
    <span class="brate" role="img" aria-label={`${stars} trên 5`}>
      <span class="dots" aria-hidden="true">
        {'●'.repeat(stars)}
        <span class="off">{'●'.repeat(5 - stars)}</span>
      </span>
    </span>
  );
}

/** The product page's section: summary, distribution 5→1, and the latest visible reviews. Text is escaped by JSX. */
export function ProductReviews({ summary, items }: { summary: RatingSummary; items: ReviewView[] }) {
  const max = Math.max(1, ...Object.values(summary.distribution));
  return (
    <section class="panel reviews" aria-labelledby="danh-gia">
      <style>{raw(reviewsCss)}</style>
      <h2 id="danh-gia">Đánh giá của người mua</h2>
      <p class="hint">Chỉ người đã mua và nhận hàng mới được đánh giá. Đây không phải số sao OCOP.</p>
      <BuyerRating summary={summary} />
      {summary.count > 0 ? (
        <div class="dist">
          {([5, 4, 3, 2, 1] as const).map((k) => (
            <>
              <span>{k} điểm</span>
              <span class="bar">
                <span style={`width:${Math.round((summary.distribution[k] / max) * 100)}%`} />
              </span>
              <span>{summary.distribution[k]}</span>
            </>
          ))}
        </div>
      ) : null}
      <ol>
        {items.map((r) => (
          <li id={`danh-gia-${r.id}`}>
            <Dots stars={r.stars} /> <strong>{r.authorName}</strong> <span class="verified">· Đã mua hàng</span>
            <div class="meta">
              <time datetime={r.createdAt}>{formatVietnamDate(r.createdAt)}</time>
              {r.variantLabel ? ` · Phân loại: ${r.variantLabel}` : ''}
              {r.edited ? ' · Đã chỉnh sửa' : ''}
            </div>
            {r.text ? <p class="text">{r.text}</p> : null}
            {r.photos.length > 0 ? <ReviewPhotos photos={r.photos} /> : null}
            {r.reply ? (
              <div class="reply">
                <strong>Phản hồi của {r.reply.producerName}:</strong> <span class="text">{r.reply.text}</span>
              </div>
            ) : null}
            <ReportForm reviewId={r.id} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Thumbnails (the smallest variant, lazy), each a link to its largest variant; alt text from the review. */
function ReviewPhotos({ photos }: { photos: ReviewView['photos'] }) {
  return (
    <ul class="photos" aria-label="Ảnh người mua chụp">
      {photos.map((p, i) => {
        const thumb = p.url.replace(/-\d+\.webp$/, `-${p.widths[0]}.webp`);
        const srcset = p.widths.map((w) => `${p.url.replace(/-\d+\.webp$/, `-${w}.webp`)} ${w}w`).join(', ');
        return (
          <li>
            <a href={p.url}>
              <img src={thumb} srcset={srcset} sizes="88px" alt={p.alt || `Ảnh ${i + 1} của người mua`} loading="lazy" decoding="async" width={88} height={88} />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The storefront's line: the mean over all its products. */
export function StorefrontRating({ summary }: { summary: RatingSummary }) {
  return (
    <p class="storefront-rating">
      <style>{raw(reviewsCss)}</style>
      <BuyerRating summary={summary} />
    </p>
  );
}

/** The report form on a review card: a disclosure, so the product page stays short; works without JS. */
export function ReportForm({ reviewId }: { reviewId: string }) {
  const field = `bao-cao-${reviewId}`;
  return (
    <details class="report">
      <summary>Báo cáo đánh giá này</summary>
      <form method="post" action={reportFormPath(reviewId)}>
        <label for={field}>Lý do báo cáo</label>
        <textarea id={field} name="reason" required minlength={3} maxlength={MAX_REASON} />
        <button type="submit">Gửi báo cáo</button>
      </form>
    </details>
  );
}
