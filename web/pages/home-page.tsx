import type { ProductCard } from '../../shared/catalog/product';
import type { RatingSummary } from '../../shared/reviews/rules';
import { productGroups } from '../../shared/reference/taxonomy';
import type { LiveSummary } from '../../shared/livestream/service';
import { Layout } from '../components/layout';
import { LiveStrip } from '../livestream/live-strip';
import { isDemoCard, ProductGrid } from '../components/product-card';
import { listPath, provincesByRegion, SITE_NAME, type AssetUrls } from '../view';

export interface HomePageProps {
  assets: AssetUrls;
  featured: ProductCard[];
  newest: ProductCard[];
  /** Lives on now ("Đang live"); the strip shows only when there is one. */
  lives?: LiveSummary[] | undefined;
  /** Buyers' ratings of both shelves' cards (web/reviews/cards.ts). */
  ratings?: ReadonlyMap<string, RatingSummary> | undefined;
}

export function HomePage({ assets, featured, newest, lives = [], ratings }: HomePageProps) {
  return (
    <Layout
      title={SITE_NAME}
      description="Mua đặc sản OCOP 3–5 sao từ các hợp tác xã và cơ sở ở 34 tỉnh, thành: thực phẩm, đồ uống, dược liệu, thủ công mỹ nghệ, sinh vật cảnh và du lịch cộng đồng."
      assets={assets}
      demo={[...featured, ...newest].some(isDemoCard)}
      current="home"
    >
      <section class="hero" aria-labelledby="tieu-de">
        <div class="wrap">
          <h1 id="tieu-de">Đặc sản OCOP từ khắp mọi miền</h1>
          <p>
            Sản phẩm của Chương trình Mỗi xã một sản phẩm, mua trực tiếp từ hợp tác xã và cơ sở sản xuất. Chỉ sản phẩm đạt <strong>OCOP từ 3 sao</strong>, chứng nhận còn hiệu lực, mới được bán.
          </p>
          <a class="btn" href="/san-pham">
            Xem tất cả sản phẩm
          </a>
        </div>
      </section>
      <div class="wrap">
        <LiveStrip lives={lives} />
        <section class="section" aria-labelledby="noi-bat">
          <div class="section-head">
            <h2 id="noi-bat">Sản phẩm nổi bật</h2>
            <a href={listPath({ sort: 'stars' })}>Xem thêm sản phẩm nhiều sao</a>
          </div>
          {featured.length ? <ProductGrid items={featured} media={assets.media} ratings={ratings} /> : <p class="empty">Chưa có sản phẩm nào.</p>}
        </section>
        <section class="section" aria-labelledby="moi-nhat">
          <div class="section-head">
            <h2 id="moi-nhat">Mới lên chợ</h2>
            <a href="/san-pham">Xem tất cả</a>
          </div>
          {newest.length ? <ProductGrid items={newest} media={assets.media} ratings={ratings} /> : <p class="empty">Chưa có sản phẩm nào.</p>}
        </section>
        <section class="section" aria-labelledby="theo-nhom">
          <h2 id="theo-nhom">Theo nhóm sản phẩm</h2>
          <ul class="tiles">
            {productGroups.map((g) => (
              <li>
                <a href={listPath({ group: g.code })}>
                  <small>Nhóm {g.number}</small>
                  {g.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section class="section" aria-labelledby="theo-tinh">
          <h2 id="theo-tinh">Theo tỉnh, thành phố</h2>
          <div class="regions">
            {provincesByRegion().map(({ region, provinces }) => (
              <div>
                <h3>{region}</h3>
                <ul class="chips">
                  {provinces.map((p) => (
                    <li>
                      <a href={listPath({ province: p.code })}>{p.name}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      </div>
    </Layout>
  );
}
