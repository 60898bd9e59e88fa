import { raw } from 'hono/html';
import { ErrorSummary, type FormState } from '../components/form/form';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { MAX_REVIEW_TEXT } from '../../shared/reviews/schemas';
import { reviewsCss } from './review-section';

/** Radios sized as radios (the global input rule is for text fields), one point value per line. */
const formCss = `
.review-form .choice{display:flex;align-items:center;gap:.5rem;margin:.35rem 0}
.review-form .choice input{width:1.2rem;height:1.2rem;margin:0;flex:none}
.review-form textarea{width:100%;max-width:36rem}
`;

const labels = { stars: 'Điểm đánh giá', text: 'Nhận xét' };

/** Points 1–5 as radio buttons (blue dots, like the rating they make: never OCOP ★) and a plain-text comment. */
export function ReviewFormPage(props: { assets: AssetUrls; action: string; productName: string; variantLabel?: string | undefined; editing: boolean; state: FormState }) {
  const { state } = props;
  return (
    <Layout title={`Đánh giá ${props.productName}`} description="Đánh giá sản phẩm đã mua trên Chợ OCOP" assets={props.assets}>
      <style>{raw(reviewsCss + formCss)}</style>
      <div class="wrap narrow">
        <h1>{props.editing ? 'Sửa đánh giá của bạn' : 'Đánh giá sản phẩm đã mua'}</h1>
        <p>
          <strong>{props.productName}</strong>
          {props.variantLabel ? ` · Phân loại: ${props.variantLabel}` : ''}
        </p>
        <p class="hint">Đánh giá của người mua (1–5 điểm), không phải số sao OCOP.{props.editing ? ' Sửa được trong 30 ngày kể từ khi đánh giá.' : ''}</p>
        <ErrorSummary state={state} labels={labels} />
        <form method="post" action={props.action} class="stack review-form">
          <fieldset id="truong-stars">
            <legend>{labels.stars}</legend>
            {[5, 4, 3, 2, 1].map((n) => (
              <label class="choice" for={`truong-stars-${n}`}>
                <input id={`truong-stars-${n}`} type="radio" name="stars" value={String(n)} checked={state.values.stars === String(n)} required />
                <span class="brate" aria-hidden="true">
                  <span class="dots">
                    {'●'.repeat(n)}
                    <span class="off">{'●'.repeat(5 - n)}</span>
                  </span>
                </span>{' '}
                {n} điểm
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="truong-text">{labels.text} (không bắt buộc)</label>
            <textarea id="truong-text" name="text" rows={5} maxlength={MAX_REVIEW_TEXT}>
              {state.values.text ?? ''}
            </textarea>
          </div>
          <div>
            <button type="submit">{props.editing ? 'Lưu thay đổi' : 'Gửi đánh giá'}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
