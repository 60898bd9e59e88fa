import type { ProductCard } from '../../shared/catalog/product';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { legalFormLabels, type Producer } from '../../shared/storefront/producer';
import { Breadcrumbs } from '../components/breadcrumbs';
import { DemoTag } from '../components/demo-tag';
import { Layout } from '../components/layout';
import { Pagination } from '../components/pagination';
import { isDemoCard, ProductGrid } from '../components/product-card';
import { nationalPhone, paragraphs, type AssetUrls } from '../view';

export interface StorefrontPageProps {
  assets: AssetUrls;
  producer: Producer;
  items: ProductCard[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}

export function StorefrontPage({ assets, producer, items, nextHref, firstHref }: StorefrontPageProps) {
  const place = `${producer.commune}, ${provinceLabelByCode(producer.provinceCode)}`;
  const legalForm = legalFormLabels[producer.legalForm];
  const demo = producer.demo === true;
  const demoNotice = demo || items.some(isDemoCard);
  const storyStart = paragraphs(producer.story)[0] ?? '';
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
        <section class="profile" aria-labelledby="ten-co-so">
          <h1 id="ten-co-so">
            {producer.name} {demo ? <DemoTag /> : null}
          </h1>
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
              <ProductGrid items={items} media={assets.media} />
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
