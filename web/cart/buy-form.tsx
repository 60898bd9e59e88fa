import { raw } from 'hono/html';
import type { Product } from '../../shared/catalog/product';
import { MAX_LINE_QUANTITY } from '../../shared/cart/cart-lines';
import { formatVnd } from '../../shared/money/vnd';
import { cartMessageOf } from './messages';
import { CART_ADD_PATH, CART_PATH, CHECKOUT_PATH } from './paths';
import { cartCss } from './styles';

/** `?gio-hang=` on the product page after the add form: done, or the refusal's code. */
export const ADDED = 'da-them';

/**
 * On the product page: one form, two buttons. "Thêm vào giỏ" posts to the cart (then back here with
 * a confirmation); "Mua ngay" is a GET to checkout with the same fields (`product`, `variant`, `qty`),
 * skipping the cart. Works without JavaScript.
 */
export function BuyForm({ product, notice }: { product: Product; notice?: string | undefined }) {
  const variants = product.variants ?? [];
  const inStock = variants.length > 0 ? variants.some((v) => v.stock > 0) : product.stock > 0;
  const firstInStock = variants.find((v) => v.stock > 0)?.id;
  const problem = notice && notice !== ADDED ? cartMessageOf(notice) : undefined;
  return (
    <section class="buy" id="mua" aria-labelledby="mua-tieu-de">
      <style>{raw(cartCss)}</style>
      <h2 id="mua-tieu-de" class="sr-only">
        Mua sản phẩm
      </h2>
      {notice === ADDED ? (
        <p class="cart-ok" role="status">
          Đã thêm vào giỏ hàng. <a href={CART_PATH}>Xem giỏ hàng</a>
        </p>
      ) : null}
      {problem ? (
        <p class="cart-error" role="alert">
          {problem}
        </p>
      ) : null}
      {inStock ? (
        <form method="post" action={CART_ADD_PATH}>
          <input type="hidden" name="product" value={product.id} />
          {variants.length > 0 ? (
            <div class="field">
              <label for="mua-phan-loai">Phân loại</label>
              <select id="mua-phan-loai" name="variant" required>
                {variants.map((v) => (
                  <option value={v.id} disabled={v.stock === 0} selected={v.id === firstInStock}>
                    {v.label} — {formatVnd(v.priceVnd)}
                    {v.stock === 0 ? ' (hết hàng)' : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div class="field">
            <label for="mua-so-luong">Số lượng</label>
            <input id="mua-so-luong" name="qty" type="number" inputmode="numeric" min={1} max={MAX_LINE_QUANTITY} step={1} value="1" required />
          </div>
          <div class="buy-actions">
            <button type="submit">Thêm vào giỏ</button>
            <button type="submit" class="btn-ghost" formmethod="get" formaction={CHECKOUT_PATH}>
              Mua ngay
            </button>
          </div>
        </form>
      ) : (
        <p class="stock-out">Tạm hết hàng: chưa thể đặt mua.</p>
      )}
    </section>
  );
}
