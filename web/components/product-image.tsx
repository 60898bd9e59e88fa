import type { Image } from '../../shared/catalog/product';
import { imageSources } from '../view';

interface Props {
  image: Image | undefined;
  media: string;
  sizes: string;
  /** Text for the placeholder and the alt fallback when the producer left alt empty. */
  name: string;
  /** The page's main (LCP) image: fetched at once, not lazily. */
  eager?: boolean;
}

export function ProductImage({ image, media, sizes, name, eager }: Props) {
  if (!image) {
    return (
      <div class="ph" aria-hidden="true">
        Chưa có ảnh
      </div>
    );
  }
  const { src, srcset } = imageSources(media, image, eager ? 800 : 480);
  return (
    <img
      src={src}
      srcset={srcset}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt.trim() || name}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      {...(eager ? { fetchpriority: 'high' } : {})}
    />
  );
}
