import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { NotFound } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { queryInteger, queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { assertOfficerOf, requirePrincipal, requireRole, requireSignedIn } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { ORDER_ID_PATTERN } from '../orders/order-code';
import { provinceCodes } from '../reference/provinces';
import { reviewView } from './review';
import { summaryOf } from './rules';
import {
  LineIdSchema,
  ModerationInputSchema,
  RatingSummarySchema,
  ReplyInputSchema,
  ReportInputSchema,
  ReviewEditSchema,
  ReviewIdSchema,
  ReviewInputSchema,
  ReviewPageSchema,
  ReviewSchema,
} from './schemas';
import { reviewPhotoRoutes } from './photo-routes';
import { createReview, editReview, moderateReview, replyToReview, reportReview } from './service';

const tags = ['reviews'];
const OrderIdSchema = z.string().regex(ORDER_ID_PATTERN, 'Mã đơn hàng không hợp lệ').openapi({ example: 'dh0kx4m2k9p7a4f8cq' });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const common = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed') };
const lineParams = z.object({ orderId: OrderIdSchema, lineId: LineIdSchema });
const reviewParams = z.object({ id: ReviewIdSchema });

const createRoute_ = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/orders/{orderId}/items/{lineId}/review',
  summary: 'The buyer reviews one delivered order line (1–5 stars, plain text), within 90 days of delivery; once per line',
  request: { params: lineParams, ...json(ReviewInputSchema) },
  responses: {
    201: answer(ReviewSchema, 'The review, counted in the product and storefront ratings'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_A_VERIFIED_BUYER (not the buyer, or not delivered yet: details.status), REVIEW_WINDOW_CLOSED (details.deadline)'),
    404: errorResponse('LINE_NOT_FOUND'),
    409: errorResponse('ALREADY_REVIEWED (details.reviewId)'),
    503: errorResponse('REVIEWS_BUSY: retry'),
  },
});

const editRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'patch',
  path: '/orders/{orderId}/items/{lineId}/review',
  summary: 'The buyer edits the review within 30 days of writing it (marked edited)',
  request: { params: lineParams, ...json(ReviewEditSchema) },
  responses: {
    200: answer(ReviewSchema, 'The review as edited'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_A_VERIFIED_BUYER (not its author), EDIT_WINDOW_CLOSED (details.deadline)'),
    404: errorResponse('REVIEW_NOT_FOUND'),
    503: errorResponse('REVIEWS_BUSY: retry'),
  },
});

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/products/{id}/reviews',
  summary: "A product's visible reviews from verified buyers, with the rating summary (buyers' stars, not OCOP stars)",
  request: {
    params: z.object({ id: PublicIdSchema }),
    query: z.object({
      cursor: z.string().max(600).optional(),
      stars: queryInteger(1, 5).optional(),
      withPhotos: z.enum(['true', 'false']).optional(),
      sort: z.enum(['newest', 'helpful']).default('newest').openapi({ description: 'helpful: photos, then a producer reply, then longer text first' }),
      limit: queryIntegerOr(1, 50, 10),
    }),
  },
  responses: {
    200: answer(ReviewPageSchema, 'A page of reviews'),
    400: errorResponse('INVALID_INPUT, INVALID_CURSOR'),
    404: errorResponse('PRODUCT_NOT_FOUND'),
  },
});

const replyRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/reviews/{id}/reply',
  summary: 'The producer owning the product answers the review, once, publicly',
  request: { params: reviewParams, ...json(ReplyInputSchema) },
  responses: {
    201: answer(ReviewSchema, 'The review with its reply'),
    400: errorResponse('INVALID_INPUT'),
    ...common,
    404: errorResponse('REVIEW_NOT_FOUND'),
    409: errorResponse('ALREADY_REPLIED'),
    503: errorResponse('REVIEWS_BUSY: retry'),
  },
});

const reportRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/reviews/{id}/reports',
  summary: "Report a review (reason); it joins the moderation queue of the product's province",
  request: { params: reviewParams, ...json(ReportInputSchema) },
  responses: {
    201: answer(z.object({ reviewId: z.string(), reported: z.literal(true) }).openapi('ReviewReported'), 'Recorded'),
    400: errorResponse('INVALID_INPUT'),
    ...common,
    404: errorResponse('REVIEW_NOT_FOUND'),
    409: errorResponse('ALREADY_REPORTED, REVIEW_HIDDEN'),
    503: errorResponse('REVIEWS_BUSY: retry'),
  },
});

const moderationRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/reviews/{id}/moderation',
  summary: "Hide a reported review or restore a hidden one, with a reason (officers of the product's province, admins); audited",
  request: { params: reviewParams, ...json(ModerationInputSchema) },
  responses: {
    200: answer(ReviewSchema, 'The review after the decision'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_PROVINCE_OFFICER'),
    404: errorResponse('REVIEW_NOT_FOUND'),
    409: errorResponse('ILLEGAL_MODERATION (already hidden / visible), REVIEW_NOT_REPORTED'),
    503: errorResponse('REVIEWS_BUSY: retry'),
  },
});

const ModerationItemSchema = ReviewSchema.extend({ reportCount: z.number().int(), lastReportedAt: z.string().optional(), productName: z.string() }).openapi('ReportedReview');

const queueRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/provinces/{code}/reported-reviews',
  summary: "Reported reviews of the province's products awaiting a decision, latest report first (its officers, admins)",
  request: { params: z.object({ code: z.enum(provinceCodes) }), query: z.object({ limit: queryIntegerOr(1, 100, 50) }) },
  responses: { 200: answer(z.object({ items: z.array(ModerationItemSchema) }).openapi('ReportedReviews'), 'The queue'), ...common },
});

const ratingSummaryRoute = createRoute({
  tags,
  method: 'get',
  path: '/producers/{id}/rating',
  summary: "A storefront's buyer rating over all its products (visible reviews)",
  request: { params: z.object({ id: PublicIdSchema }) },
  responses: { 200: answer(RatingSummarySchema, 'The summary'), 400: errorResponse('Malformed id') },
});

export function reviewRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.route('/', reviewPhotoRoutes());
  app.openapi(createRoute_, async (c) => {
    const { orderId, lineId } = c.req.valid('param');
    const review = await createReview(c.get('services'), requirePrincipal(c), orderId, lineId, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(reviewView(review, c.get('services').config.mediaBaseUrl), 201);
  });
  app.openapi(editRoute, async (c) => {
    const { orderId, lineId } = c.req.valid('param');
    const review = await editReview(c.get('services'), requirePrincipal(c), orderId, lineId, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(reviewView(review, c.get('services').config.mediaBaseUrl), 200);
  });
  app.openapi(listRoute, async (c) => {
    const services = c.get('services');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const [product, rating] = await Promise.all([services.catalog.getProduct(id), services.reviews.productRating(id)]);
    if (!product) throw new NotFound('Không tìm thấy sản phẩm', 'PRODUCT_NOT_FOUND');
    const page = await services.reviews.listReviews({ productId: id, sort: q.sort, stars: q.stars, withPhotos: q.withPhotos === 'true', limit: q.limit, cursor: q.cursor });
    return c.json({ summary: summaryOf(rating), items: page.items.map((r) => reviewView(r, services.config.mediaBaseUrl)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  });
  app.openapi(replyRoute, async (c) => {
    const review = await replyToReview(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').text);
    return c.json(reviewView(review, c.get('services').config.mediaBaseUrl), 201);
  });
  app.openapi(reportRoute, async (c) => {
    const review = await reportReview(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').reason);
    return c.json({ reviewId: review.id, reported: true as const }, 201);
  });
  app.openapi(moderationRoute, async (c) => {
    const review = await moderateReview(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(reviewView(review, c.get('services').config.mediaBaseUrl), 200);
  });
  app.openapi(queueRoute, async (c) => {
    const { code } = c.req.valid('param');
    assertOfficerOf(requirePrincipal(c), code, { orAdmin: true });
    const items = await c.get('services').reviews.reportedInProvince(code, c.req.valid('query').limit);
    c.header('Cache-Control', 'no-store');
    return c.json(
      { items: items.map((r) => ({ ...reviewView(r, c.get('services').config.mediaBaseUrl), reportCount: r.reportCount, productName: r.productName, ...(r.lastReportedAt ? { lastReportedAt: r.lastReportedAt } : {}) })) },
      200,
    );
  });
  app.openapi(ratingSummaryRoute, async (c) => c.json(summaryOf(await c.get('services').reviews.producerRating(c.req.valid('param').id)), 200));
  return app;
}
