import type { Child } from 'hono/jsx';
import type { ProductView } from '../../shared/catalog/product-view';
import { highestVariantPrice, type Variant } from '../../shared/catalog/variants';
import { formatVnd } from '../../shared/money/vnd';
import { groupByCodeOrUndefined } from '../../shared/reference/taxonomy';
import { legalFormLabels } from '../../shared/storefront/producer';
import { formatVietnamDate } from '../../shared/time/vietnam-time';
import { BuyForm } from '../cart/buy-form';
import { Breadcrumbs } from '../components/breadcrumbs';
import { DemoTag } from '../components/demo-tag';
import { Layout } from '../components/layout';
import { ProductImage } from '../components/product-image';
import { StarBadge } from '../components/star-badge';
import { listPath, paragraphs, producerPath, type AssetUrls } from '../view';

/** Few left: worth saying, so nobody is surprised when it runs out. */
const LOW_STOCK = 5;

function summary(text: string, max = 155): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * The sizes a product is sold in, each with its price and whether it is in stock. A table: shoppers
 * compare rows, and screen readers announce each row by its label (row header) and column.
 */
function VariantTable({ variants, isService }: { variants: Variant[]; isService: boolean }) {
  return (
    <section class="variants" aria-labelledby="phan-loai">
      <h2 id="phan-loai">Phân loại</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Phân loại</th>
            <th scope="col">Giá</th>
            {isService ? null : <th scope="col">Tình trạng</th>}
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => (
            <tr id={`phan-loai-${v.id}`}>
              <th scope="row">{v.label}</th>
              <td>{formatVnd(v.priceVnd)}</td>
              {isService ? null : <td class={v.stock > 0 ? 'stock-in' : 'stock-out'}>{v.stock > 0 ? 'Còn hàng' : 'Hết hàng'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `cartNotice`: the add-to-cart form's outcome (`?gio-hang=`), shown beside the form. */
/** `reviews`: the buyers' reviews section (web/reviews/), rendered after the description. */
/** `nearby`: "Mua trực tiếp", the points of sale that carry it (web/locator/). */
export function ProductPage({ assets, view, cartNotice, reviews, nearby }: { assets: AssetUrls; view: ProductView; cartNotice?: string | undefined; reviews?: Child; nearby?: Child }) {
  const { product: p, origin, classification, certification: cert } = view;
  const isService = groupByCodeOrUndefined(p.group)?.isService === true;
  const image = p.images[0];
  const demo = p.demo === true;
  const variants = p.variants ?? [];
  // "từ 120.000 ₫" only when the sizes differ in price; priceVnd is already the lowest (variants.ts).
  const from = highestVariantPrice(variants) !== undefined ? 'từ ' : '';
  return (
    <Layout
      title={p.name}
      description={summary(`${p.name} — OCOP ${cert.stars} sao, ${from}${formatVnd(p.priceVnd)}/${p.unit}. ${origin.label}. ${p.description}`)}
      assets={assets}
      current="products"
      demo={demo}
    >
      <div class="wrap">
        <Breadcrumbs
          items={[
            { label: 'Trang chủ', href: '/' },
            { label: 'Sản phẩm', href: '/san-pham' },
            { label: classification.groupName, href: listPath({ group: p.group }) },
            { label: classification.subgroupName, href: listPath({ group: p.group, subgroup: p.subgroup }) },
            { label: p.name },
          ]}
        />
        <article class="product">
          <div class="product-media">
            <ProductImage image={image} media={assets.media} sizes="(min-width: 72rem) 38rem, (min-width: 56rem) 52vw, 100vw" name={p.name} eager />
          </div>
          <div class="product-info">
            <h1>
              {p.name} {demo ? <DemoTag /> : null}
            </h1>
            <StarBadge stars={cert.stars} large />
            <p class="price">
              {from}
              {formatVnd(p.priceVnd)} <span class="unit">/ {p.unit}</span>
            </p>
            {variants.length > 0 ? <VariantTable variants={variants} isService={isService} /> : null}
            {isService ? (
              <p class="service">
                <strong>Dịch vụ du lịch</strong> — đặt trước với cơ sở, không giao hàng.
              </p>
            ) : p.stock > 0 ? (
              <p class="stock-in">{p.stock <= LOW_STOCK && variants.length === 0 ? `Còn hàng (chỉ còn ${p.stock})` : 'Còn hàng'}</p>
            ) : (
              <p class="stock-out">Tạm hết hàng</p>
            )}
            {/* A service is booked with the producer, not shipped: it has no cart. */}
            {isService ? null : <BuyForm product={p} notice={cartNotice} />}
            <p>{origin.label}</p>
            <p>
              Cơ sở: <a href={producerPath(p.producerId)}>{p.producerName}</a> <span class="meta">({legalFormLabels[p.producerLegalForm]})</span>
            </p>
            <p class="meta">
              Lên chợ ngày <time datetime={p.createdAt}>{formatVietnamDate(p.createdAt)}</time>
            </p>
          </div>
        </article>
        <section class="panel" aria-labelledby="chung-nhan">
          <h2 id="chung-nhan">Chứng nhận OCOP</h2>
          <dl class="facts">
            <dt>Hạng</dt>
            <dd>OCOP {cert.stars} sao</dd>
            <dt>Số chứng nhận</dt>
            <dd>{cert.certificateNo}</dd>
            <dt>Cấp công nhận</dt>
            <dd>{cert.issuingLevelLabel}</dd>
            <dt>Cơ quan công nhận</dt>
            <dd>{cert.issuerLabel}</dd>
            <dt>Quyết định</dt>
            <dd>
              Số {cert.decisionNo}, ngày <time datetime={p.certificate?.decisionDate}>{cert.decisionDateLabel}</time>
            </dd>
            <dt>Hiệu lực đến</dt>
            <dd>
              <time datetime={cert.expiresOn}>{cert.expiresOnLabel}</time>
            </dd>
          </dl>
          <p class="hint">Huy hiệu sao do Chợ OCOP hiển thị theo quyết định công nhận còn hiệu lực, không phải hình do cơ sở tự đăng.</p>
        </section>
        <section class="panel prose" aria-labelledby="mo-ta">
          <h2 id="mo-ta">{isService ? 'Giới thiệu dịch vụ' : 'Mô tả sản phẩm'}</h2>
          {paragraphs(p.description).map((text) => (
            <p>{text}</p>
          ))}
        </section>
        {nearby ?? null}
        {reviews ?? null}
      </div>
    </Layout>
  );
}
