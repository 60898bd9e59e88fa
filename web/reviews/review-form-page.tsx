import { raw } from 'hono/html';
import { ErrorSummary, type FormState } from '../components/form/form';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import type { Image } from '../../shared/media/image-record';
import { MAX_REVIEW_PHOTOS } from '../../shared/media/review-photo-input';
import { MAX_REVIEW_TEXT } from '../../shared/reviews/schemas';
import { reviewsCss } from './review-section';

/** Radios sized as radios (the global input rule is for text fields), one point value per line. */
const formCss = `
.review-form .choice{display:flex;align-items:center;gap:.5rem;margin:.35rem 0}
.review-form .choice input{width:1.2rem;height:1.2rem;margin:0;flex:none}
.review-form textarea{width:100%;max-width:36rem}
.review-form input[type=file]{width:100%;max-width:36rem;padding:.6rem 0;font-size:1rem}
.review-form .kept{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0}
.review-form .kept img{width:5.5rem;height:5.5rem;object-fit:cover;border-radius:.3rem;display:block}
`;

const labels = { stars: 'Điểm đánh giá', text: 'Nhận xét', photos: 'Ảnh sản phẩm' };

/** Points 1–5 as radio buttons (blue dots, like the rating they make: never OCOP ★) and a plain-text comment. */
export function ReviewFormPage(props: { assets: AssetUrls; action: string; productName: string; variantLabel?: string | undefined; editing: boolean; photos: Image[]; photosAccepted: boolean; state: FormState }) {
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
        <form method="post" action={props.action} class="stack review-form" enctype="multipart/form-data">
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
          {props.photosAccepted ? (
            <div class="field" id="truong-photos">
              {props.photos.length > 0 ? (
                <fieldset>
                  <legend>Ảnh đã đăng (bỏ chọn để gỡ)</legend>
                  <ul class="kept">
                    {props.photos.map((p, i) => (
                      <li>
                        <label class="choice">
                          <input type="checkbox" name="keep" value={p.key} checked />
                          <img src={`${props.assets.media}/${p.key}-${p.widths[0]}.webp`} alt={p.alt || `Ảnh ${i + 1}`} loading="lazy" width={88} height={88} />
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ) : null}
              <label for="truong-photos-input">
                {labels.photos} (không bắt buộc, tối đa {MAX_REVIEW_PHOTOS} ảnh)
              </label>
              {state.errors.photos ? (
                <p class="error" id="loi-photos">
                  {state.errors.photos}
                </p>
              ) : null}
              <p class="hint" id="goi-y-photos">
                JPEG, PNG, WebP hoặc AVIF, tổng cộng tối đa 10 MB mỗi lần gửi (thêm ảnh khi sửa đánh giá). Vị trí GPS trong ảnh được xoá trước khi đăng.
              </p>
              {/* No capture attribute: the phone offers both the camera and the gallery. iOS hands HEIC over as JPEG for these types. */}
              <input id="truong-photos-input" type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp,image/avif" aria-describedby={state.errors.photos ? 'loi-photos goi-y-photos' : 'goi-y-photos'} />
            </div>
          ) : null}
          <div>
            <button type="submit">{props.editing ? 'Lưu thay đổi' : 'Gửi đánh giá'}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
