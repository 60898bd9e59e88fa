import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { NotFound } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { ORDER_ID_PATTERN } from '../../shared/orders/order-code';
import { parseLineId } from '../../shared/reviews/rules';
import { ReviewEditSchema, ReviewInputSchema } from '../../shared/reviews/schemas';
import { createReview, editReview } from '../../shared/reviews/service';
import type { Services } from '../../shared/services';
import { fieldErrorsOf, formFailure, readForm } from '../components/form/form-state';
import type { FormState } from '../components/form/form';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { productPath } from '../view';
import { REVIEW_FORM_ROUTE, reviewFormPath } from './paths';
import { ReviewFormPage } from './review-form-page';

/** The line as its buyer sees it: 404 for anyone else (no hint the order exists). 1 Query + 1 GetItem. */
async function lineOf(services: Services, principal: Principal, orderId: string, lineId: string) {
  const line = parseLineId(lineId);
  if (!ORDER_ID_PATTERN.test(orderId) || !line || !line.subOrderId.startsWith(`${orderId}-`)) throw new NotFound('Không tìm thấy dòng hàng', 'LINE_NOT_FOUND');
  const [order, review] = await Promise.all([services.orders.getOrder(orderId), services.reviews.getReview(lineId)]);
  const item = order?.header.buyerId === principal.accountId ? order.subs.find((s) => s.id === line.subOrderId)?.items[line.index] : undefined;
  if (!item) throw new NotFound('Không tìm thấy dòng hàng', 'LINE_NOT_FOUND');
  return { item, review };
}

/** The buyer's review form (post/redirect/get; works without JavaScript). Back to the product page's review. */
export function reviewWebRoutes() {
  const web = new Hono<AppEnv>();
  const render = async (c: Context<AppEnv>, props: { orderId: string; lineId: string; name: string; variant?: string | undefined; editing: boolean; state: FormState }, status: 200 | 400 | 401 | 403 | 409 | 429 = 200) => {
    c.header('Cache-Control', NO_STORE);
    const page = (
      <ReviewFormPage assets={assetsOf(c)} action={reviewFormPath(props.orderId, props.lineId)} productName={props.name} variantLabel={props.variant} editing={props.editing} state={props.state} />
    );
    return c.html(await renderDocument(page), status);
  };

  web.get(REVIEW_FORM_ROUTE, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    const { orderId, lineId } = c.req.param();
    const { item, review } = await lineOf(c.get('services'), principal, orderId, lineId);
    const values: Record<string, string> = review ? { stars: String(review.stars), text: review.text } : {};
    return render(c, { orderId, lineId, name: item.name, variant: item.variantLabel, editing: review !== undefined, state: { values, errors: {} } });
  });

  web.post(REVIEW_FORM_ROUTE, formBodyLimit(), async (c) => {
    const principal = requirePrincipal(c);
    const { orderId, lineId } = c.req.param();
    const services = c.get('services');
    const values = await readForm(c, ['stars', 'text']);
    const { item, review } = await lineOf(services, principal, orderId, lineId);
    const props = { orderId, lineId, name: item.name, variant: item.variantLabel, editing: review !== undefined };
    const input = { stars: /^[1-5]$/.test(values.stars ?? '') ? Number(values.stars) : Number.NaN, text: values.text ?? '' };
    const parsed = (review ? ReviewEditSchema : ReviewInputSchema).safeParse(input);
    if (!parsed.success) return render(c, { ...props, state: { values, errors: fieldErrorsOf(parsed.error) } }, 400);
    try {
      const saved = review
        ? await editReview(services, principal, orderId, lineId, parsed.data)
        : await createReview(services, principal, orderId, lineId, { stars: input.stars, text: parsed.data.text ?? '', photos: [] });
      c.header('Cache-Control', NO_STORE);
      return c.redirect(`${productPath(saved.productId)}#danh-gia-${saved.id}`, 303);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(c, { ...props, state: failure.state }, failure.status);
    }
  });
  return web;
}
