import { raw } from 'hono/html';
import { MAX_LINE_QUANTITY } from '../../shared/cart/cart-lines';
import type { CartLineView, CartStorefront, CartView } from '../../shared/cart/schemas';
import { formatVnd } from '../../shared/money/vnd';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { ProductImage } from '../components/product-image';
import { producerPath, productPath, type AssetUrls } from '../view';
import { CART_REMOVE_PATH, CART_UPDATE_PATH, CHECKOUT_PATH } from './paths';
import { cartCss } from './styles';

export interface CartPageProps {
  assets: AssetUrls;
  view: CartView;
  /** What the last form did ("Đã cập nhật…"), or what went wrong: fixed texts (web/cart/messages.ts). */
  done?: string | undefined;
  problem?: string | undefined;
}

/** The line's hidden identity fields, shared by its two forms. */
function LineFields({ line }: { line: CartLineView }) {
  return (
    <>
      <input type="hidden" name="product" value={line.productId} />
      {line.variantId ? <input type="hidden" name="variant" value={line.variantId} /> : null}
    </>
  );
}

function Line({ line, index, media }: { line: CartLineView; index: number; media: string }) {
  const id = `dong-${index}`;
  const title = line.variantLabel ? `${line.name} (${line.variantLabel})` : line.name;
  // Quantity still makes sense to change when the stock is short; for a hidden product only removal does.
  const canChange = line.available || line.reason === 'INSUFFICIENT_STOCK';
  return (
    <li class={line.available ? 'cart-line' : 'cart-line unavailable'} id={id} aria-labelledby={`${id}-ten`}>
      <div>{line.image ? <ProductImage image={line.image} media={media} sizes="4.5rem" name={line.name} /> : <div class="thumb" aria-hidden="true"></div>}</div>
      <div>
        <h3 id={`${id}-ten`}>{line.producerId ? <a href={productPath(line.productId)}>{title}</a> : title}</h3>
        <p class="meta">
          {formatVnd(line.unitPriceVnd)} × {line.quantity} = <strong>{formatVnd(line.lineTotalVnd)}</strong>
        </p>
        {line.reasonMessage ? (
          <p class="reason">
            <span class="sr-only">Không đặt được: </span>
            {line.reasonMessage}
          </p>
        ) : null}
        {line.priceChangedFromVnd !== undefined ? (
          <p class="changed">
            Giá đã thay đổi: trước {formatVnd(line.priceChangedFromVnd)}, nay {formatVnd(line.unitPriceVnd)}.
          </p>
        ) : null}
        {canChange ? (
          <form method="post" action={CART_UPDATE_PATH}>
            <LineFields line={line} />
            <div class="field">
              <label for={`${id}-sl`}>Số lượng</label>
              <input id={`${id}-sl`} name="qty" type="number" inputmode="numeric" min={0} max={MAX_LINE_QUANTITY} step={1} value={String(line.quantity)} required />
            </div>
            <button type="submit" class="btn-ghost" aria-describedby={`${id}-ten`}>
              Cập nhật
            </button>
          </form>
        ) : null}
        <form method="post" action={CART_REMOVE_PATH}>
          <LineFields line={line} />
          <button type="submit" class="btn-ghost" aria-describedby={`${id}-ten`}>
            Bỏ khỏi giỏ
          </button>
        </form>
      </div>
    </li>
  );
}

function Storefront({ shop, index, first, media }: { shop: CartStorefront; index: number; first: number; media: string }) {
  const headingId = `co-so-${index}`;
  return (
    <section class="cart-shop" aria-labelledby={headingId}>
      <h2 id={headingId}>{shop.producerId ? <a href={producerPath(shop.producerId)}>{shop.producerName}</a> : shop.producerName}</h2>
      <ul class="cart-lines">
        {shop.lines.map((line, i) => (
          <Line line={line} index={first + i} media={media} />
        ))}
      </ul>
      <p class="cart-subtotal">Tạm tính: {formatVnd(shop.subtotalVnd)}</p>
    </section>
  );
}

/** `/gio-hang`: lines by storefront, each re-checked now; plain forms, no JavaScript needed. */
export function CartPage({ assets, view, done, problem }: CartPageProps) {
  let first = 0;
  const starts = view.storefronts.map((s) => {
    const at = first;
    first += s.lines.length;
    return at;
  });
  const unavailable = view.lineCount - view.availableLineCount;
  return (
    <Layout title="Giỏ hàng" description="Giỏ hàng của bạn trên Chợ OCOP" assets={assets} current="cart" noindex>
      <div class="wrap">
        <style>{raw(cartCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Giỏ hàng' }]} />
        <h1>Giỏ hàng</h1>
        {done ? (
          <p class="cart-ok" role="status">
            {done}
          </p>
        ) : null}
        {problem ? (
          <p class="cart-error" role="alert">
            {problem}
          </p>
        ) : null}
        {view.lineCount === 0 ? (
          <p>
            Giỏ hàng đang trống. <a href="/san-pham">Xem sản phẩm OCOP</a>
          </p>
        ) : (
          <>
            <p class="meta">
              {view.lineCount} sản phẩm ({view.quantityCount} món), tối đa {view.maxLines} sản phẩm khác nhau.
              {unavailable > 0 ? ` ${unavailable} sản phẩm hiện không đặt được và không tính vào tổng.` : ''}
            </p>
            {view.storefronts.map((shop, i) => (
              <Storefront shop={shop} index={i} first={starts[i] ?? 0} media={assets.media} />
            ))}
            <div class="cart-total">
              <p>Tổng tạm tính: {formatVnd(view.totalVnd)}</p>
              {view.availableLineCount > 0 ? (
                <a class="btn" href={CHECKOUT_PATH}>
                  Đặt hàng
                </a>
              ) : (
                <p class="meta">Chưa có sản phẩm nào đặt được.</p>
              )}
            </div>
            <p class="meta">Phí vận chuyển của từng cơ sở được tính khi đặt hàng.</p>
          </>
        )}
      </div>
    </Layout>
  );
}
