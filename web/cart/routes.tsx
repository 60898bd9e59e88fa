import { Hono, type Context } from 'hono';
import { CartAddBodySchema, CartLineQuerySchema, CartSetBodySchema } from '../../shared/cart/schemas';
import { cartOwnerForWrite, cartOwnerOf, keepGuestCookie } from '../../shared/cart/owner';
import { addToCart, cartView, removeCartLine, setCartQuantity } from '../../shared/cart/service';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError } from '../../shared/http/errors';
import { PublicIdSchema } from '../../shared/http/ids';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, sendPage } from '../render';
import { productPath } from '../view';
import { ADDED } from './buy-form';
import { CartPage } from './cart-page';
import { cartMessageOf } from './messages';
import { CART_ADD_PATH, CART_PATH, CART_REMOVE_PATH, CART_UPDATE_PATH } from './paths';

/** `?xong=` on the cart page after a form: which thing was done. */
const doneMessages: Record<string, string> = {
  'cap-nhat': 'Đã cập nhật số lượng.',
  xoa: 'Đã bỏ sản phẩm khỏi giỏ hàng.',
};

/** The form's fields (the product page's buy form and the cart lines use the same names as checkout: product, variant, qty). */
function lineInput(values: Record<string, string>) {
  const qty = values.qty?.trim() ?? '';
  return {
    productId: values.product ?? '',
    variantId: values.variant?.trim() ? values.variant.trim() : undefined,
    // Decimal digits only, like the API's numbers: "1e2", "+3", "2.0" are refused.
    quantity: /^\d{1,4}$/.test(qty) ? Number(qty) : Number.NaN,
  };
}

/** A refusal the shopper can act on, as the code the next page explains; anything else goes to the error handler. */
function refusalCode(error: unknown): string | undefined {
  if (error instanceof AppError && error.status >= 400 && error.status < 500) return error.code;
  return undefined;
}

const redirect = (c: Context<AppEnv>, to: string) => {
  c.header('Cache-Control', NO_STORE);
  return c.redirect(to, 303);
};

/**
 * The cart pages: `/gio-hang` and its three forms (post/redirect/get, no JavaScript needed).
 * Guests get the cart cookie with their first line; cross-site posts are stopped by the app's CSRF check.
 */
export function cartWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(CART_PATH, async (c) => {
    const view = await cartView(c.get('services'), cartOwnerOf(c));
    const done = doneMessages[c.req.query('xong') ?? ''];
    const problem = cartMessageOf(c.req.query('loi'));
    return sendPage(c, <CartPage assets={assetsOf(c)} view={view} done={done} problem={problem} />, { cache: NO_STORE });
  });

  // From the product page; back there with `?gio-hang=da-them` or the refusal's code.
  web.post(CART_ADD_PATH, formLimit, async (c) => {
    const input = lineInput(await readForm(c, ['product', 'variant', 'qty']));
    const back = (code: string) =>
      PublicIdSchema.safeParse(input.productId).success ? `${productPath(input.productId)}?gio-hang=${code}#mua` : `${CART_PATH}?loi=${code}`;
    const parsed = CartAddBodySchema.safeParse(input);
    if (!parsed.success) return redirect(c, back(parsed.error.issues.some((i) => i.path[0] === 'quantity') ? 'QUANTITY_OUT_OF_RANGE' : 'INVALID_INPUT'));
    const owner = cartOwnerForWrite(c);
    try {
      await addToCart(c.get('services'), owner, parsed.data);
    } catch (error) {
      const code = refusalCode(error);
      if (!code) throw error;
      return redirect(c, back(code));
    }
    keepGuestCookie(c, owner);
    return redirect(c, back(ADDED));
  });

  web.post(CART_UPDATE_PATH, formLimit, async (c) => {
    const parsed = CartSetBodySchema.safeParse(lineInput(await readForm(c, ['product', 'variant', 'qty'])));
    if (!parsed.success) return redirect(c, `${CART_PATH}?loi=QUANTITY_OUT_OF_RANGE`);
    const owner = cartOwnerOf(c);
    try {
      await setCartQuantity(c.get('services'), owner, parsed.data);
    } catch (error) {
      const code = refusalCode(error);
      if (!code) throw error;
      return redirect(c, `${CART_PATH}?loi=${code}`);
    }
    if (owner) keepGuestCookie(c, owner);
    return redirect(c, `${CART_PATH}?xong=${parsed.data.quantity === 0 ? 'xoa' : 'cap-nhat'}`);
  });

  web.post(CART_REMOVE_PATH, formLimit, async (c) => {
    const values = await readForm(c, ['product', 'variant']);
    const parsed = CartLineQuerySchema.safeParse(lineInput(values));
    if (!parsed.success) return redirect(c, `${CART_PATH}?loi=INVALID_INPUT`);
    const owner = cartOwnerOf(c);
    try {
      await removeCartLine(c.get('services'), owner, parsed.data);
    } catch (error) {
      const code = refusalCode(error);
      if (!code) throw error;
      return redirect(c, `${CART_PATH}?loi=${code}`);
    }
    if (owner) keepGuestCookie(c, owner);
    return redirect(c, `${CART_PATH}?xong=xoa`);
  });

  return web;
}
