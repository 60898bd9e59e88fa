import type { Image } from '../../shared/catalog/product';
import type { PresignedPostForm } from '../../shared/media/upload-presigner';
import type { Producer } from '../../shared/storefront/producer';
import { ErrorSummary, type FormState, fieldId, FieldMessage } from '../components/form/form';
import { imageUrl } from '../view';
import { SignedFields } from './direct-upload';
import { storefrontImageAlt, storefrontImageKinds, storefrontImagePath, storefrontImageRemovePath, type StorefrontImageKind } from './storefront-images';

export type StorefrontImageForms = Partial<Record<StorefrontImageKind, FormState>>;
export type StorefrontDirectUploads = Partial<Record<StorefrontImageKind, PresignedPostForm>>;

const hints: Record<StorefrontImageKind, string> = {
  logo: 'Ảnh vuông, rộng từ 320 px. JPEG, PNG, WebP hoặc AVIF, tối đa 10 MB.',
  banner: 'Ảnh ngang (khoảng 3:1), rộng từ 1280 px. JPEG, PNG, WebP hoặc AVIF, tối đa 10 MB.',
};
const HEIC_HINT = 'Ảnh HEIC của iPhone: hãy lưu lại dưới dạng JPEG. Thông tin vị trí (GPS) trong ảnh được xóa.';

/** The image record when it belongs to the key; a key set through the API alone has none. */
export function storefrontImageOf(producer: Producer, kind: StorefrontImageKind): Image | undefined {
  const key = producer[storefrontImageKinds[kind].keyField];
  const image = producer[kind];
  return key && image?.key === key ? image : undefined;
}

/**
 * In AWS the file goes straight to S3 (the API Lambda takes at most 6 MB and has no image library):
 * the signed fields as hidden inputs, the file last and named `file` (S3 ignores fields after it),
 * then S3 redirects to the return page (`…/xong`), which waits for the image processor and saves it.
 */
function DirectImageForm({ kind, direct, state, replacing }: { kind: StorefrontImageKind; direct: PresignedPostForm; state: FormState | undefined; replacing: boolean }) {
  const { label } = storefrontImageKinds[kind];
  const id = fieldId(kind);
  const error = state?.errors[kind];
  return (
    <form method="post" action={direct.url} enctype="multipart/form-data">
      {state ? <ErrorSummary state={state} labels={{ [kind]: `Tệp ${label.toLowerCase()}` }} /> : null}
      <SignedFields direct={direct} />
      <div class="field">
        <label for={id}>{replacing ? `Thay ${label.toLowerCase()}` : `Tải ${label.toLowerCase()} lên`}</label>
        <p class="hint" id={`${id}-goi-y`}>
          {hints[kind]} {HEIC_HINT} Nếu trang đã mở hơn một giờ, tải lại trang trước khi chọn ảnh.
        </p>
        <input id={id} name="file" type="file" accept="image/*" required aria-invalid={error ? 'true' : undefined} aria-describedby={[`${id}-goi-y`, error ? `${id}-loi` : ''].filter(Boolean).join(' ')} />
        <FieldMessage id={id} error={error} />
      </div>
      <div>
        <button type="submit">Tải {label.toLowerCase()} lên</button>
      </div>
    </form>
  );
}

/** The current picture (or "none"), "Gỡ", and a plain multipart form; in AWS a form straight to S3. */
function ImageForm({ producer, kind, media, state, direct }: { producer: Producer; kind: StorefrontImageKind; media: string; state: FormState | undefined; direct: PresignedPostForm | undefined }) {
  const { label, keyField } = storefrontImageKinds[kind];
  const key = producer[keyField];
  const image = storefrontImageOf(producer, kind);
  const id = fieldId(kind);
  const error = state?.errors[kind];
  const previewWidth = image ? (image.widths.find((w) => w >= 320) ?? Math.max(...image.widths)) : 320;
  return (
    <div class="storefront-image">
      <h3 id={`${kind}-tieu-de`}>{label}</h3>
      {key ? (
        <>
          <img class={`preview-${kind}`} src={imageUrl(media, key, previewWidth)} {...(image ? { width: image.width, height: image.height } : {})} alt={storefrontImageAlt(kind, producer.name)} loading="lazy" />
          <form method="post" action={storefrontImageRemovePath(kind)}>
            <input type="hidden" name="key" value={key} />
            <button type="submit" class="btn-ghost">
              Gỡ {label.toLowerCase()}
            </button>
          </form>
        </>
      ) : (
        <p>Chưa có {label.toLowerCase()}.</p>
      )}
      {direct ? (
        <DirectImageForm kind={kind} direct={direct} state={state} replacing={Boolean(key)} />
      ) : (
        <form method="post" action={storefrontImagePath(kind)} enctype="multipart/form-data" novalidate>
          {state ? <ErrorSummary state={state} labels={{ [kind]: `Tệp ${label.toLowerCase()}` }} /> : null}
          <div class="field">
            <label for={id}>{key ? `Thay ${label.toLowerCase()}` : `Tải ${label.toLowerCase()} lên`}</label>
            <p class="hint" id={`${id}-goi-y`}>
              {hints[kind]} {HEIC_HINT}
            </p>
            <input id={id} name={kind} type="file" accept="image/*" required aria-invalid={error ? 'true' : undefined} aria-describedby={[`${id}-goi-y`, error ? `${id}-loi` : ''].filter(Boolean).join(' ')} />
            <FieldMessage id={id} error={error} />
          </div>
          <div>
            <button type="submit">Tải {label.toLowerCase()} lên</button>
          </div>
        </form>
      )}
    </div>
  );
}

export interface StorefrontImagesSectionProps {
  producer: Producer;
  media: string;
  forms?: StorefrontImageForms | undefined;
  /** AWS (a media bucket): the forms signed for a direct upload to S3, instead of the multipart posts to this app. */
  direct?: StorefrontDirectUploads | undefined;
}

export function StorefrontImagesSection({ producer, media, forms, direct }: StorefrontImagesSectionProps) {
  return (
    <section class="auth wide" aria-labelledby="logo-anh-bia">
      <h2 id="logo-anh-bia">Logo và ảnh bìa</h2>
      <ImageForm producer={producer} kind="logo" media={media} state={forms?.logo} direct={direct?.logo} />
      <ImageForm producer={producer} kind="banner" media={media} state={forms?.banner} direct={direct?.banner} />
    </section>
  );
}
