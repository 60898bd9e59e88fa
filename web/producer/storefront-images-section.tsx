import type { Image } from '../../shared/catalog/product';
import type { Producer } from '../../shared/storefront/producer';
import { ErrorSummary, type FormState } from '../identity/form';
import { imageUrl } from '../view';
import { storefrontImageAlt, storefrontImageKinds, storefrontImagePath, storefrontImageRemovePath, type StorefrontImageKind } from './storefront-images';

export type StorefrontImageForms = Partial<Record<StorefrontImageKind, FormState>>;

const fieldId = (name: string) => `truong-${name}`;
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

/** The current picture (or "none"), "Gỡ", and a plain multipart form; in AWS a note pointing to the API. */
function ImageForm({ producer, kind, media, state, direct }: { producer: Producer; kind: StorefrontImageKind; media: string; state: FormState | undefined; direct: boolean }) {
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
        <p class="hint">
          Ở bản triển khai này, {label.toLowerCase()} được tải lên qua API: <code>POST /api/media/uploads</code> với <code>purpose: {kind}</code>, rồi <code>PATCH /api/producers/{producer.id}</code> với{' '}
          <code>{keyField}</code>.
        </p>
      ) : (
        <form method="post" action={storefrontImagePath(kind)} enctype="multipart/form-data" novalidate>
          {state ? <ErrorSummary state={state} labels={{ [kind]: `Tệp ${label.toLowerCase()}` }} /> : null}
          <div class="field">
            <label for={id}>{key ? `Thay ${label.toLowerCase()}` : `Tải ${label.toLowerCase()} lên`}</label>
            <p class="hint" id={`${id}-goi-y`}>
              {hints[kind]} {HEIC_HINT}
            </p>
            <input id={id} name={kind} type="file" accept="image/*" required aria-invalid={error ? 'true' : undefined} aria-describedby={[`${id}-goi-y`, error ? `${id}-loi` : ''].filter(Boolean).join(' ')} />
            {error ? (
              <p class="field-error" id={`${id}-loi`}>
                {error}
              </p>
            ) : null}
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
  /** AWS (a media bucket): the Lambda cannot take the file, so the forms are replaced by a note. */
  direct: boolean;
}

export function StorefrontImagesSection({ producer, media, forms, direct }: StorefrontImagesSectionProps) {
  return (
    <section class="auth wide" aria-labelledby="logo-anh-bia">
      <h2 id="logo-anh-bia">Logo và ảnh bìa</h2>
      <ImageForm producer={producer} kind="logo" media={media} state={forms?.logo} direct={direct} />
      <ImageForm producer={producer} kind="banner" media={media} state={forms?.banner} direct={direct} />
    </section>
  );
}
