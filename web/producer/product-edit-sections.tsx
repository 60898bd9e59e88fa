import type { Product } from '../../shared/catalog/product';
import type { PresignedPostForm } from '../../shared/media/upload-presigner';
import type { Certificate } from '../../shared/registry/certificate';
import { ErrorSummary, Field, Submit, emptyForm, type FormState, fieldId, FieldError } from '../components/form/form';
import { imageUrl } from '../view';
import { certificateOptionLabel, certificateView, vietnamCalendarDay } from './certificate-view';
import { productActionPath } from './paths';
import { SignedFields } from './direct-upload';
import { MAX_PRODUCT_IMAGES, productLabels } from './product-form';

export const stockLabels = { stock: productLabels.stock };
export const certificateLabels = { certificateNo: 'Chứng nhận OCOP' };
export const imageLabels = { file: 'Tệp ảnh', alt: 'Mô tả ảnh cho người khiếm thị' };
export const archiveLabels = { confirm: 'Xác nhận lưu trữ' };

export function StockSection({ product, state }: { product: Product; state?: FormState | undefined }) {
  const form = state ?? emptyForm({ stock: String(product.stock) });
  return (
    <section class="auth" aria-labelledby="ton-kho">
      <h2 id="ton-kho">Tồn kho</h2>
      <form method="post" action={productActionPath(product.id, 'stock')} novalidate>
        <ErrorSummary state={form} labels={stockLabels} />
        <Field name="stock" label={productLabels.stock} autocomplete="off" inputmode="numeric" state={form} maxlength={12} hint="Số lượng còn bán được; 0 là hết hàng" />
        <Submit>Cập nhật tồn kho</Submit>
      </form>
    </section>
  );
}

export interface CertificateSectionProps {
  product: Product;
  certificates: Certificate[];
  now: Date;
  state?: FormState | undefined;
}

/** Only the producer's own certificates are offered; the service refuses any other number anyway. */
export function CertificateSection({ product, certificates, now, state }: CertificateSectionProps) {
  const form = state ?? emptyForm({ certificateNo: product.certificate?.certificateNo ?? '' });
  const id = fieldId('certificateNo');
  const error = form.errors.certificateNo;
  const current = product.certificate;
  return (
    <section class="auth" aria-labelledby="chung-nhan">
      <h2 id="chung-nhan">Chứng nhận OCOP</h2>
      <p>
        {current
          ? `Đang gắn: ${current.certificateNo} · ${current.stars}★ · hết hạn ${vietnamCalendarDay(current.expiresOn)}`
          : 'Sản phẩm chưa gắn chứng nhận OCOP.'}
      </p>
      {certificates.length === 0 ? (
        <p>Cơ sở chưa có chứng nhận OCOP nào trong hệ thống. Chứng nhận do cán bộ OCOP tỉnh, thành phố ghi nhận sau khi sản phẩm được đánh giá, phân hạng.</p>
      ) : (
        <form method="post" action={productActionPath(product.id, 'certificate')} novalidate>
          <ErrorSummary state={form} labels={certificateLabels} />
          <div class="field">
            <label for={id}>{certificateLabels.certificateNo}</label>
            <p class="hint" id={`${id}-goi-y`}>
              Chỉ chứng nhận của cơ sở bạn; chứng nhận đã thu hồi hoặc hết hạn không chọn được.
            </p>
            <select id={id} name="certificateNo" required aria-invalid={error ? 'true' : undefined} aria-describedby={[`${id}-goi-y`, error ? `${id}-loi` : ''].filter(Boolean).join(' ')}>
              <option value="">— Chọn chứng nhận —</option>
              {certificates.map((c) => (
                <option value={c.certificateNo} selected={c.certificateNo === form.values.certificateNo} disabled={!certificateView(c, now).linkable}>
                  {certificateOptionLabel(c, now)}
                </option>
              ))}
            </select>
            <FieldError name="certificateNo" state={form} />
          </div>
          <Submit>Gắn chứng nhận</Submit>
        </form>
      )}
    </section>
  );
}

export interface ImagesSectionProps {
  product: Product;
  media: string;
  state?: FormState | undefined;
  /** In AWS: a form signed for S3 (presigned POST) instead of the multipart post to this app. */
  direct?: PresignedPostForm | undefined;
}

const imageHint = 'JPEG, PNG, WebP hoặc AVIF, tối đa 10 MB. Ảnh HEIC của iPhone: hãy lưu lại dưới dạng JPEG. Thông tin vị trí (GPS) trong ảnh được xóa.';

/**
 * The file goes straight to S3 (the API Lambda takes at most 6 MB and has no image library): the
 * signed policy's fields as hidden inputs, the file last (S3 ignores fields after it), then S3
 * redirects to the return page, which waits for the image processor. No alt text field: any field
 * S3 receives must be in the signed policy, so the image is described by the product's name.
 */
function DirectUploadForm({ direct, state }: { direct: PresignedPostForm; state: FormState }) {
  const fileId = fieldId('file');
  const fileError = state.errors.file;
  return (
    <form method="post" action={direct.url} enctype="multipart/form-data">
      <ErrorSummary state={state} labels={imageLabels} />
      <SignedFields direct={direct} />
      <div class="field">
        <label for={fileId}>{imageLabels.file}</label>
        <p class="hint" id={`${fileId}-goi-y`}>
          {imageHint} Ảnh được mô tả bằng tên sản phẩm cho người khiếm thị. Nếu trang đã mở hơn một giờ, tải lại trang trước khi chọn ảnh.
        </p>
        <input id={fileId} name="file" type="file" accept="image/*" required aria-invalid={fileError ? 'true' : undefined} aria-describedby={[`${fileId}-goi-y`, fileError ? `${fileId}-loi` : ''].filter(Boolean).join(' ')} />
        <FieldError name="file" state={state} />
      </div>
      <Submit>Tải ảnh lên</Submit>
    </form>
  );
}

/** Thumbnails with a remove button each, and a plain multipart upload form (no JavaScript needed). */
export function ImagesSection({ product, media, state, direct }: ImagesSectionProps) {
  const form = state ?? emptyForm({ alt: '' });
  const full = product.images.length >= MAX_PRODUCT_IMAGES;
  const fileId = fieldId('file');
  const fileError = form.errors.file;
  return (
    <section class="auth" aria-labelledby="anh">
      <h2 id="anh">Ảnh sản phẩm</h2>
      {product.images.length === 0 ? (
        <p>Chưa có ảnh. Ảnh đầu tiên là ảnh đại diện trong danh sách.</p>
      ) : (
        <ul class="thumbs">
          {product.images.map((image, i) => (
            <li>
              <img src={imageUrl(media, image.key, Math.min(...image.widths))} width={image.width} height={image.height} alt={image.alt.trim() || `${product.name}, ảnh ${i + 1}`} loading="lazy" />
              <form method="post" action={productActionPath(product.id, 'removeImage')}>
                <input type="hidden" name="key" value={image.key} />
                <button type="submit" class="btn-ghost">
                  Gỡ ảnh {i + 1}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p>Đã đủ {MAX_PRODUCT_IMAGES} ảnh: gỡ bớt một ảnh để thêm ảnh mới.</p>
      ) : direct ? (
        <DirectUploadForm direct={direct} state={form} />
      ) : (
        <form method="post" action={productActionPath(product.id, 'image')} enctype="multipart/form-data" novalidate>
          <ErrorSummary state={form} labels={imageLabels} />
          <div class="field">
            <label for={fileId}>{imageLabels.file}</label>
            <p class="hint" id={`${fileId}-goi-y`}>
              {imageHint}
            </p>
            <input id={fileId} name="file" type="file" accept="image/*" required aria-invalid={fileError ? 'true' : undefined} aria-describedby={[`${fileId}-goi-y`, fileError ? `${fileId}-loi` : ''].filter(Boolean).join(' ')} />
            <FieldError name="file" state={form} />
          </div>
          <Field name="alt" label={imageLabels.alt} autocomplete="off" state={form} required={false} maxlength={300} hint="Ví dụ: Hũ mật ong 500 g nhãn xanh. Để trống thì dùng tên sản phẩm." />
          <Submit>Tải ảnh lên</Submit>
        </form>
      )}
    </section>
  );
}

/** Archiving is final (edits are refused afterwards), so it sits apart and asks for a tick first. */
export function ArchiveSection({ product, state }: { product: Product; state?: FormState | undefined }) {
  const form = state ?? emptyForm();
  const id = fieldId('confirm');
  return (
    <section class="auth" aria-labelledby="luu-tru">
      <h2 id="luu-tru">Lưu trữ sản phẩm</h2>
      <p>Sản phẩm lưu trữ được gỡ khỏi chợ ngay và không sửa được nữa. Muốn tạm ẩn thì dùng “Ngừng bán”.</p>
      <form method="post" action={productActionPath(product.id, 'archive')} novalidate class="danger">
        <ErrorSummary state={form} labels={archiveLabels} />
        <div class="field">
          <label class="choice" for={id}>
            <input id={id} type="checkbox" name="confirm" value="1" required aria-invalid={form.errors.confirm ? 'true' : undefined} aria-describedby={form.errors.confirm ? `${id}-loi` : undefined} />
            <span>Tôi hiểu sản phẩm “{product.name}” sẽ được lưu trữ và không sửa được nữa.</span>
          </label>
          <FieldError name="confirm" state={form} />
        </div>
        <Submit>Lưu trữ sản phẩm</Submit>
      </form>
    </section>
  );
}
