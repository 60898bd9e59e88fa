import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { NotFound } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { AppError } from '../../shared/http/errors';
import type { Image } from '../../shared/media/image-record';
import { MAX_IMAGE_BYTES } from '../../shared/media/image-errors';
import { variantKey } from '../../shared/media/image-keys';
import { MAX_REVIEW_PHOTOS, newReviewPhotoKey } from '../../shared/media/review-photo-input';
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
import { reviewAnswerRoutes } from './answer-routes';

/** The line as its buyer sees it: 404 for anyone else (no hint the order exists). 1 Query + 1 GetItem. */
async function lineOf(services: Services, principal: Principal, orderId: string, lineId: string) {
  const line = parseLineId(lineId);
  if (!ORDER_ID_PATTERN.test(orderId) || !line || !line.subOrderId.startsWith(`${orderId}-`)) throw new NotFound('Không tìm thấy dòng hàng', 'LINE_NOT_FOUND');
  const [order, review] = await Promise.all([services.orders.getOrder(orderId), services.reviews.getReview(lineId)]);
  const item = order?.header.buyerId === principal.accountId ? order.subs.find((s) => s.id === line.subOrderId)?.items[line.index] : undefined;
  if (!item) throw new NotFound('Không tìm thấy dòng hàng', 'LINE_NOT_FOUND');
  return { item, review };
}

/**
 * The whole form (all photos together) stays within one image's 10 MB plus the text fields, like every
 * page form (tests/api/page-form-limits.test.ts); more photos can be added on edit.
 */
const REVIEW_FORM_LIMIT = MAX_IMAGE_BYTES + 64 * 1024;

/** Locally the form runs the pipeline itself; in AWS (presigned uploads, no sharp in the Lambda) it takes no files. */
const photosAccepted = (services: Services) => services.media !== undefined && services.media.presigner === undefined;

async function removePhotos(services: Services, photos: readonly Image[]) {
  await Promise.allSettled(photos.flatMap((p) => p.widths.map((w) => services.media!.store.delete(variantKey(p.key, w)))));
}

/** The buyer's review form (post/redirect/get; works without JavaScript). Back to the product page's review. */
export function reviewWebRoutes() {
  const web = new Hono<AppEnv>();
  const render = async (c: Context<AppEnv>, props: { orderId: string; lineId: string; name: string; variant?: string | undefined; editing: boolean; photos?: Image[]; state: FormState }, status: 200 | 400 | 401 | 403 | 409 | 429 = 200) => {
    c.header('Cache-Control', NO_STORE);
    const page = (
      <ReviewFormPage assets={assetsOf(c)} action={reviewFormPath(props.orderId, props.lineId)} productName={props.name} variantLabel={props.variant} editing={props.editing} photos={props.photos ?? []} photosAccepted={photosAccepted(c.get('services'))} state={props.state} />
    );
    return c.html(await renderDocument(page), status);
  };

  web.get(REVIEW_FORM_ROUTE, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    const { orderId, lineId } = c.req.param();
    const { item, review } = await lineOf(c.get('services'), principal, orderId, lineId);
    const values: Record<string, string> = review ? { stars: String(review.stars), text: review.text } : {};
    return render(c, { orderId, lineId, name: item.name, variant: item.variantLabel, editing: review !== undefined, photos: review?.photos ?? [], state: { values, errors: {} } });
  });

  web.post(REVIEW_FORM_ROUTE, formBodyLimit(REVIEW_FORM_LIMIT), async (c) => {
    const principal = requirePrincipal(c);
    const { orderId, lineId } = c.req.param();
    const services = c.get('services');
    // Parsed once with every repeated field (several files under "photos", several "keep" boxes).
    const body = await c.req.parseBody({ all: true });
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values = { stars: text('stars'), text: text('text') };
    const files = [body.photos ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
    const keep = new Set([body.keep ?? []].flat().filter((k): k is string => typeof k === 'string'));
    const { item, review } = await lineOf(services, principal, orderId, lineId);
    const kept = (review?.photos ?? []).filter((p) => keep.has(p.key));
    const props = { orderId, lineId, name: item.name, variant: item.variantLabel, editing: review !== undefined, photos: review?.photos ?? [] };
    const input = { stars: /^[1-5]$/.test(values.stars) ? Number(values.stars) : Number.NaN, text: values.text };
    const parsed = (review ? ReviewEditSchema : ReviewInputSchema).safeParse(input);
    if (!parsed.success) return render(c, { ...props, state: { values, errors: fieldErrorsOf(parsed.error) } }, 400);
    const photoProblem =
      files.length > 0 && !photosAccepted(services)
        ? 'Bản này chưa nhận ảnh đánh giá'
        : kept.length + files.length > MAX_REVIEW_PHOTOS
          ? `Tối đa ${MAX_REVIEW_PHOTOS} ảnh cho một đánh giá (đang giữ ${kept.length}, chọn thêm ${files.length})`
          : undefined;
    if (photoProblem) return render(c, { ...props, state: { values, errors: { photos: photoProblem } } }, 400);
    const added: Image[] = [];
    try {
      if (files.length > 0) {
        const { processImage } = await import('../../shared/media/image-pipeline');
        for (const [i, file] of files.entries()) {
          const bytes = new Uint8Array(await file.arrayBuffer());
          added.push(await processImage(services.media!.store, { bytes, key: newReviewPhotoKey(principal.accountId), alt: `Ảnh ${kept.length + i + 1} của người mua: ${item.name}`.slice(0, 300) }));
        }
      }
      const photos = [...kept, ...added];
      const saved = review
        ? await editReview(services, principal, orderId, lineId, { ...parsed.data, photos })
        : await createReview(services, principal, orderId, lineId, { stars: input.stars, text: parsed.data.text ?? '', photos });
      c.header('Cache-Control', NO_STORE);
      return c.redirect(`${productPath(saved.productId)}#danh-gia-${saved.id}`, 303);
    } catch (error) {
      // Nothing half-written: photos stored for a review that was not saved are removed again.
      await removePhotos(services, added);
      if (error instanceof AppError && error.code.startsWith('IMAGE_')) return render(c, { ...props, state: { values, errors: { photos: error.message } } }, error.status === 413 ? 400 : (error.status as 400));
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(c, { ...props, state: failure.state }, failure.status);
    }
  });
  web.route('/', reviewAnswerRoutes());
  return web;
}
