import type { RatingSummary } from '../../shared/reviews/rules';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Image, ProductCard } from '../../shared/catalog/product';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { legalFormLabels, type PublicProducer } from '../../shared/storefront/producer';
import { Breadcrumbs } from '../components/breadcrumbs';
import { DemoTag } from '../components/demo-tag';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import { isDemoCard, ProductGrid } from '../components/product-card';
import { imageSources, imageUrl, nationalPhone, paragraphs, type AssetUrls } from '../view';

/** The pipeline's record when it belongs to the key (set by the dashboard); a key set through the API alone has none. */
function recordOf(key: string | undefined, image: Image | undefined): Image | undefined {
  return key && image?.key === key ? image : undefined;
}

/**
 * The banner (the page's first, largest picture: fetched at once) or the logo (small, beside the
 * name). With the pipeline's record: srcset over the WebP variants, width/height against layout
 * shift. A key without a record (set through the API) falls back to its 320 px variant in a box.
 */
function StorefrontPicture({ kind, imageKey, image, media, name }: { kind: 'logo' | 'banner'; imageKey: string; image: Image | undefined; media: string; name: string }) {
  const alt = kind === 'logo' ? `Logo ${name}` : `Ảnh bìa của ${name}`;
  const sizes = kind === 'logo' ? '5rem' : '(min-width: 72rem) 70rem, 100vw';
  const common = { class: `storefront-${kind}`, alt, decoding: 'async' as const, ...(kind === 'banner' ? { fetchpriority: 'high' as const } : {}) };
  if (!image) {
    const [width, height] = kind === 'logo' ? [80, 80] : [1280, 400];
    return <img src={imageUrl(media, imageKey, 320)} width={width} height={height} loading="eager" {...common} />;
  }
  const { src, srcset } = imageSources(media, image, kind === 'logo' ? 320 : 1280);
  return <img src={src} srcset={srcset} sizes={sizes} width={image.width} height={image.height} loading="eager" {...common} />;
}

const storefrontPictureCss = `.storefront-banner{display:block;width:100%;height:auto;max-height:22rem;object-fit:cover;border-radius:.6rem;margin:1rem 0 0;background:#f1ede4}
.profile-head{display:flex;align-items:center;gap:.9rem}
.profile-head h1{margin:0}
.storefront-logo{flex:none;width:5rem;height:5rem;object-fit:contain;border-radius:.5rem;background:#fff;border:1px solid #e4dfd3}`;

export interface StorefrontPageProps {
  assets: AssetUrls;
  /** Public fields only: the page cannot show the tax code or the bank account by mistake. */
  producer: PublicProducer;
  items: ProductCard[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
  /** The buyers' rating line (web/reviews/), under the name. */
  rating?: Child;
  /** Buyers' ratings of the cards. */
  ratings?: ReadonlyMap<string, RatingSummary> | undefined;
}

export function StorefrontPage({ assets, producer, items, nextHref, firstHref, rating, ratings }: StorefrontPageProps) {
  const place = `${producer.commune}, ${provinceLabelByCode(producer.provinceCode)}`;
  const legalForm = legalFormLabels[producer.legalForm];
  const demo = producer.demo === true;
  const demoNotice = demo || items.some(isDemoCard);
  const storyStart = paragraphs(producer.story)[0] ?? '';
  const hasPictures = Boolean(producer.logoKey || producer.bannerKey);
  return (
    <Layout
      title={producer.name}
      description={`${producer.name} (${legalForm}, ${place}): sản phẩm OCOP bán trên Chợ OCOP. ${storyStart}`.slice(0, 160)}
      assets={assets}
      demo={demoNotice}
      noindex={Boolean(firstHref)}
    >
      <div class="wrap">
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Cơ sở' }, { label: producer.name }]} />
        {hasPictures ? <style>{raw(storefrontPictureCss)}</style> : null}
        {producer.bannerKey ? <StorefrontPicture kind="banner" imageKey={producer.bannerKey} image={recordOf(producer.bannerKey, producer.banner)} media={assets.media} name={producer.name} /> : null}
        <section class="profile" aria-labelledby="ten-co-so">
          {producer.logoKey ? (
            <div class="profile-head">
              <StorefrontPicture kind="logo" imageKey={producer.logoKey} image={recordOf(producer.logoKey, producer.logo)} media={assets.media} name={producer.name} />
              <h1 id="ten-co-so">
                {producer.name} {demo ? <DemoTag /> : null}
              </h1>
            </div>
          ) : (
            <h1 id="ten-co-so">
              {producer.name} {demo ? <DemoTag /> : null}
            </h1>
          )}
          {rating ?? null}
          <dl class="facts">
            <dt>Loại hình</dt>
            <dd>{legalForm}</dd>
            <dt>Địa chỉ</dt>
            <dd>{producer.addressLine ? `${producer.addressLine}, ${place}` : place}</dd>
            <dt>Điện thoại</dt>
            <dd>
              <a href={`tel:${producer.phone}`}>{nationalPhone(producer.phone)}</a>
            </dd>
            {producer.email ? (
              <>
                <dt>Thư điện tử</dt>
                <dd>
                  <a href={`mailto:${producer.email}`}>{producer.email}</a>
                </dd>
              </>
            ) : null}
          </dl>
          {producer.story ? (
            <div class="prose" style="margin-top:.75rem">
              {paragraphs(producer.story).map((text) => (
                <p>{text}</p>
              ))}
            </div>
          ) : null}
        </section>
        <section class="section" aria-labelledby="san-pham-co-so">
          <h2 id="san-pham-co-so">Sản phẩm OCOP của cơ sở</h2>
          {items.length > 0 ? (
            <>
              <p class="meta">
                Đang hiển thị {items.length} sản phẩm{nextHref || firstHref ? ' trên trang này' : ''}.
              </p>
              <ProductGrid items={items} media={assets.media} ratings={ratings} />
            </>
          ) : (
            <p class="empty">{firstHref ? 'Không còn sản phẩm nào nữa.' : 'Cơ sở hiện chưa có sản phẩm OCOP nào đang bán.'}</p>
          )}
          <Pagination nextHref={nextHref} firstHref={firstHref} />
        </section>
      </div>
    </Layout>
  );
}
