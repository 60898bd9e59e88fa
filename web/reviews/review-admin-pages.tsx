import { raw } from 'hono/html';
import type { StoredReview } from '../../shared/reviews/review';
import { MAX_REASON } from '../../shared/reviews/schemas';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import { ConsoleNav } from '../registry/console-nav';
import type { Registrar } from '../registry/console-http';
import { consoleCss } from '../registry/console-styles';
import { productPath, type AssetUrls } from '../view';
import { MODERATION_PATH, moderationFormPath, PRODUCER_REVIEWS_PATH, replyFormPath, reportFormPath } from './paths';
import { Dots, reviewsCss } from './review-section';

/** A form that failed, shown on its own review: the text typed and the message (Vietnamese). */
export interface ReviewFormProblem {
  reviewId: string;
  value: string;
  message: string;
}

const adminCss = `
.review-admin{list-style:none;padding:0}
.review-admin>li{border:1px solid #ddd;border-radius:6px;padding:.75rem;margin:0 0 .75rem}
.review-admin .state{font-weight:600}
.review-admin textarea{width:100%;min-height:4rem}
.review-admin .error{color:#a40000}
`;

function ReviewHead({ r }: { r: StoredReview }) {
  return (
    <>
      <p>
        <a href={productPath(r.productId)}>{r.productName}</a>
        {r.variantLabel ? ` · ${r.variantLabel}` : ''}
      </p>
      <p>
        <Dots stars={r.stars} /> <strong>{r.authorName}</strong> ·{' '}
        <time datetime={r.createdAt}>{formatVietnamDateTime(r.createdAt)}</time>
        {r.editedAt ? ' · Đã chỉnh sửa' : ''}
      </p>
      {r.text ? <p class="text">{r.text}</p> : null}
    </>
  );
}

function Problem({ problem, id }: { problem?: ReviewFormProblem | undefined; id: string }) {
  return problem ? (
    <p class="error" id={id} role="alert">
      {problem.message}
    </p>
  ) : null;
}

/** The producer's "Đánh giá": its storefront's reviews, newest first; one answer per review. */
export function ProducerReviewsPage({ assets, producerName, reviews, nextCursor, problem, done }: { assets: AssetUrls; producerName: string; reviews: StoredReview[]; nextCursor?: string | undefined; problem?: ReviewFormProblem | undefined; done?: string | undefined }) {
  const title = 'Đánh giá của người mua';
  return (
    <Layout title={title} description="Đánh giá sản phẩm của cơ sở và phản hồi." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + reviewsCss + adminCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Cơ sở của tôi', href: '/co-so-cua-toi' }, { label: title }]} />
        <h1>
          {title} — {producerName}
        </h1>
        <p class="hint">Mỗi đánh giá được trả lời một lần, công khai trên trang sản phẩm. Đây là điểm người mua chấm, không phải số sao OCOP.</p>
        {done ? (
          <p class="notice" role="status">
            Đã gửi phản hồi.
          </p>
        ) : null}
        {reviews.length === 0 ? <p>Chưa có đánh giá nào.</p> : null}
        <ol class="review-admin reviews">
          {reviews.map((r) => {
            const mine = problem?.reviewId === r.id ? problem : undefined;
            const field = `phan-hoi-${r.id}`;
            return (
              <li id={`danh-gia-${r.id}`}>
                <ReviewHead r={r} />
                {r.status === 'hidden' ? <p class="state">Đã bị cán bộ ẩn: không hiển thị, không tính vào điểm.</p> : null}
                {r.reply ? (
                  <div class="reply">
                    <strong>Phản hồi của cơ sở:</strong> <span class="text">{r.reply.text}</span>
                    <Problem problem={mine} id={`${field}-loi`} />
                  </div>
                ) : (
                  <form method="post" action={replyFormPath(r.id)}>
                    <label for={field}>Phản hồi</label>
                    <textarea id={field} name="text" required maxlength={2000} aria-invalid={mine ? 'true' : undefined} aria-describedby={mine ? `${field}-loi` : undefined}>
                      {mine?.value ?? ''}
                    </textarea>
                    <Problem problem={mine} id={`${field}-loi`} />
                    <button type="submit">Gửi phản hồi</button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
        {nextCursor ? <a href={`${PRODUCER_REVIEWS_PATH}?sau=${encodeURIComponent(nextCursor)}`}>Đánh giá cũ hơn</a> : null}
      </div>
    </Layout>
  );
}

/** After a report (or its refusal): what happened, and the way back to the review. */
export function ReportResultPage({ assets, review, problem }: { assets: AssetUrls; review: StoredReview; problem?: ReviewFormProblem | undefined }) {
  const title = problem ? 'Chưa gửi được báo cáo' : 'Đã gửi báo cáo';
  const field = `bao-cao-${review.id}`;
  return (
    <Layout title={title} description="Báo cáo đánh giá." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + reviewsCss + adminCss)}</style>
        <h1>{title}</h1>
        {problem ? null : (
          <p class="notice" role="status">
            Cảm ơn bạn. Cán bộ OCOP của tỉnh, thành phố sẽ xem xét đánh giá này.
          </p>
        )}
        <div class="review-admin">
          <ReviewHead r={review} />
        </div>
        {problem ? (
          <form method="post" action={reportFormPath(review.id)}>
            <label for={field}>Lý do báo cáo</label>
            <textarea id={field} name="reason" required minlength={3} maxlength={MAX_REASON} aria-invalid="true" aria-describedby={`${field}-loi`}>
              {problem.value}
            </textarea>
            <Problem problem={problem} id={`${field}-loi`} />
            <button type="submit">Gửi báo cáo</button>
          </form>
        ) : null}
        <p>
          <a href={`${productPath(review.productId)}#danh-gia-${review.id}`}>Quay lại sản phẩm</a>
        </p>
      </div>
    </Layout>
  );
}

const doneMessages = { an: 'Đã ẩn đánh giá: không còn hiển thị và không tính vào điểm.', hien: 'Đã hiện lại đánh giá.' } as const;
export type ModerationDone = keyof typeof doneMessages;

/** The province's queue: reported reviews waiting for a decision, then hidden ones (to restore). */
export function ModerationPage(props: {
  assets: AssetUrls;
  principal: Registrar;
  provinceCode: string;
  provinceOptions?: { code: string; label: string }[] | undefined;
  reported: StoredReview[];
  hidden: StoredReview[];
  problem?: ReviewFormProblem | undefined;
  done?: ModerationDone | undefined;
}) {
  const { assets, principal, provinceCode, provinceOptions, reported, hidden, problem, done } = props;
  const title = 'Đánh giá bị báo cáo';
  const back = provinceOptions ? `?tinh=${provinceCode}` : '';
  const Item = ({ r }: { r: StoredReview }) => {
    const mine = problem?.reviewId === r.id ? problem : undefined;
    const field = `ly-do-${r.id}`;
    const action = r.status === 'hidden' ? 'restore' : 'hide';
    return (
      <li id={`danh-gia-${r.id}`}>
        <ReviewHead r={r} />
        <p class="state">
          {r.status === 'hidden' ? 'Đang ẩn' : 'Đang hiển thị'} · {r.reportCount} báo cáo
          {r.lastReportedAt ? (
            <>
              {' '}
              · gần nhất <time datetime={r.lastReportedAt}>{formatVietnamDateTime(r.lastReportedAt)}</time>
            </>
          ) : null}
        </p>
        <form method="post" action={`${moderationFormPath(r.id)}${back}`}>
          <input type="hidden" name="action" value={action} />
          <label for={field}>{action === 'hide' ? 'Lý do ẩn' : 'Lý do hiện lại'}</label>
          <textarea id={field} name="reason" required minlength={3} maxlength={MAX_REASON} aria-invalid={mine ? 'true' : undefined} aria-describedby={mine ? `${field}-loi` : undefined}>
            {mine?.value ?? ''}
          </textarea>
          <Problem problem={mine} id={`${field}-loi`} />
          <button type="submit">{action === 'hide' ? 'Ẩn đánh giá' : 'Hiện lại'}</button>
        </form>
      </li>
    );
  };
  return (
    <Layout title={title} description="Hàng đợi kiểm duyệt đánh giá của tỉnh, thành phố." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss + reviewsCss + adminCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: title }]} />
        <h1>
          {title} — {provinceLabelByCode(provinceCode)}
        </h1>
        <ConsoleNav principal={principal} current="reviews" />
        {provinceOptions ? (
          <form method="get" action={MODERATION_PATH}>
            <label for="tinh">Tỉnh, thành phố</label>{' '}
            <select id="tinh" name="tinh">
              {provinceOptions.map((p) => (
                <option value={p.code} selected={p.code === provinceCode}>
                  {p.label}
                </option>
              ))}
            </select>{' '}
            <button type="submit">Xem</button>
          </form>
        ) : null}
        {done ? (
          <p class="notice" role="status">
            {doneMessages[done]}
          </p>
        ) : null}
        <h2 id="cho-xu-ly">Chờ xử lý ({reported.length})</h2>
        {reported.length === 0 ? <p>Không có đánh giá nào đang chờ xử lý.</p> : null}
        <ol class="review-admin reviews" aria-labelledby="cho-xu-ly">
          {reported.map((r) => (
            <Item r={r} />
          ))}
        </ol>
        <h2 id="da-an">Đã ẩn ({hidden.length})</h2>
        {hidden.length === 0 ? <p>Không có đánh giá nào đang bị ẩn.</p> : null}
        <ol class="review-admin reviews" aria-labelledby="da-an">
          {hidden.map((r) => (
            <Item r={r} />
          ))}
        </ol>
      </div>
    </Layout>
  );
}
