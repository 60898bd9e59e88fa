import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole, requireSignedIn } from '../identity/authorize';
import { PublicIdSchema } from '../http/ids';
import { NotFound } from '../http/errors';
import { securedBy } from '../identity/route-helpers';
import { provinceCodes } from '../reference/provinces';
import { groupCodes } from '../reference/taxonomy';
import type { LiveAction } from './lifecycle';
import { attachReplay, editLivestream } from './edit';
import { CancelLivestreamSchema, CreateLivestreamSchema, EditLivestreamSchema, ReplaySchema, LiveFiguresSchema, LivestreamDetailSchema, LivestreamIdSchema, LivestreamListSchema, LivestreamSchema } from './schemas';
import { createLivestream, listLivestreams, livestreamDetail, livestreamFigures, moveLivestream, summaryOf } from './service';

const tags = ['livestreams'];
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const params = z.object({ id: LivestreamIdSchema });
const ownerOnly = { 401: errorResponse('Not signed in'), 403: errorResponse('NOT_STOREFRONT_OWNER, or not a producer/admin') };

const createLive = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'post',
  path: '/livestreams',
  summary: "Schedule a live: the storefront's own listed (3★+) products, each with a live price below its lowest price of the last 30 days and an optional quota",
  request: json(CreateLivestreamSchema),
  responses: {
    201: answer(LivestreamSchema, 'The live, scheduled'),
    400: errorResponse('INVALID_INPUT, INVALID_STREAM_URL (details.reason), INVALID_LIVE_TIMES, DUPLICATE_LIVE_PRODUCT, PRODUCER_REQUIRED (admins)'),
    ...ownerOnly,
    404: errorResponse('PRODUCER_NOT_FOUND'),
    409: errorResponse('PRODUCT_NOT_FEATURABLE (details.items: reason per product — the 3★ gate, variant)'),
    422: errorResponse('LIVE_PRICE_NOT_A_DISCOUNT (details.priceToBeatVnd, details.items[].priceToBeatVnd: the live price must be below it)'),
  },
});

const moveResponses = {
  200: answer(LivestreamSchema, 'The live after the move'),
  400: errorResponse('INVALID_INPUT'),
  ...ownerOnly,
  404: errorResponse('LIVESTREAM_NOT_FOUND'),
  409: errorResponse('ILLEGAL_LIVE_TRANSITION (details.from, details.allowed)'),
};

const moveRoute = (action: Exclude<LiveAction, 'cancel'>, summary: string) =>
  createRoute({
    tags,
    security: securedBy,
    middleware: [requireRole('producer', 'admin')] as const,
    method: 'post',
    path: `/livestreams/{id}/${action}`,
    summary,
    request: { params },
    responses: moveResponses,
  });

const startRoute = moveRoute('start', 'Start the live now (early or on time): live prices apply from this second until its planned end');
const endRoute = moveRoute('end', 'End the live now: live prices stop at this second');
const cancelRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'post',
  path: '/livestreams/{id}/cancel',
  summary: 'Cancel a live that has not started, with a reason: it prices nothing',
  request: { params, ...json(CancelLivestreamSchema) },
  responses: moveResponses,
});

const editRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'patch',
  path: '/livestreams/{id}',
  summary: 'Edit a live before it starts: title, description, stream URL, times, the live price and quota of featured products (same real-discount rule)',
  request: { params, ...json(EditLivestreamSchema) },
  responses: {
    200: answer(LivestreamSchema, 'The live, edited (editedAt set)'),
    400: errorResponse('INVALID_INPUT, INVALID_STREAM_URL, INVALID_LIVE_TIMES, LIVE_PRODUCT_NOT_FEATURED'),
    ...ownerOnly,
    404: errorResponse('LIVESTREAM_NOT_FOUND'),
    409: errorResponse('LIVE_NOT_EDITABLE (details.status: live, ended, cancelled), PRODUCT_NOT_FEATURABLE'),
    422: errorResponse('LIVE_PRICE_NOT_A_DISCOUNT'),
  },
});

const replayRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'post',
  path: '/livestreams/{id}/replay',
  summary: "Attach (or replace) the replay after the end: a URL of the live's own platform",
  request: { params, ...json(ReplaySchema) },
  responses: {
    200: answer(LivestreamSchema, 'The live with replayUrl (and replayEmbedUrl where the platform embeds)'),
    400: errorResponse('INVALID_INPUT, INVALID_STREAM_URL'),
    ...ownerOnly,
    404: errorResponse('LIVESTREAM_NOT_FOUND'),
    409: errorResponse('LIVE_NOT_ENDED (details.status)'),
  },
});

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/livestreams',
  summary: 'Lives on now, upcoming (next 7 days) or ended (replays), optionally of one province or product group',
  request: {
    query: z.object({
      status: z.enum(['live', 'upcoming', 'ended']).default('live'),
      province: z.enum(provinceCodes).optional(),
      group: z.enum(groupCodes).optional(),
      limit: queryIntegerOr(1, 50, 20),
    }),
  },
  responses: {
    200: answer(LivestreamListSchema, 'Lives, soonest first (ended: most recent first)'),
    400: errorResponse('INVALID_INPUT'),
  },
});

const getRoute = createRoute({
  tags,
  method: 'get',
  path: '/livestreams/{id}',
  summary: "A live with its featured products' live price, regular price and live quota left (products the 3★ gate hides now are left out)",
  request: { params },
  responses: {
    200: answer(LivestreamDetailSchema, 'The live'),
    400: errorResponse('INVALID_INPUT'),
    404: errorResponse('LIVESTREAM_NOT_FOUND'),
  },
});

const figuresRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'get',
  path: '/livestreams/{id}/figures',
  summary: "The live's figures for its storefront: order lines, units and revenue at the live price",
  request: { params },
  responses: {
    200: answer(LiveFiguresSchema, 'Figures'),
    400: errorResponse('INVALID_INPUT'),
    ...ownerOnly,
    404: errorResponse('LIVESTREAM_NOT_FOUND'),
  },
});

const FollowSchema = z.object({ producerId: PublicIdSchema }).strict().openapi('LiveFollow', { example: { producerId: 'htx-phu-quoc' } });
const FollowAnswer = z.object({ producerId: z.string(), following: z.boolean() }).openapi('LiveFollowState', { example: { producerId: 'htx-phu-quoc', following: true } });
const NoticeList = z
  .object({ items: z.array(z.object({ livestreamId: z.string(), producerId: z.string(), message: z.string(), createdAt: z.string() })) })
  .openapi('LiveNoticeList', { example: { items: [{ livestreamId: 'live-0kx4m2k9p7a4f8', producerId: 'htx-phu-quoc', message: 'HTX Nước mắm Phú Quốc đang live: Nước mắm giá live', createdAt: '2026-12-05T12:00:00.000Z' }] } });

const followRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/livestream-follows',
  summary: "Follow a storefront's lives: an in-app notice when one starts",
  request: json(FollowSchema),
  responses: { 201: answer(FollowAnswer, 'Following'), 400: errorResponse('INVALID_INPUT'), 401: errorResponse('Not signed in'), 404: errorResponse('PRODUCER_NOT_FOUND') },
});
const unfollowRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'delete',
  path: '/livestream-follows/{producerId}',
  summary: 'Stop following (idempotent)',
  request: { params: z.object({ producerId: PublicIdSchema }) },
  responses: { 200: answer(FollowAnswer, 'Not following'), 400: errorResponse('INVALID_INPUT'), 401: errorResponse('Not signed in') },
});
const noticesRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/livestream-notifications',
  summary: "The caller's notices of followed storefronts going live, newest first (30 days)",
  responses: { 200: answer(NoticeList, 'Notices'), 401: errorResponse('Not signed in') },
});

export function livestreamRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(createLive, async (c) => {
    const services = c.get('services');
    const live = await createLivestream(services, requirePrincipal(c), c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(summaryOf(live, services.clock.now()), 201);
  });
  for (const [route, action] of [
    [startRoute, 'start'],
    [endRoute, 'end'],
  ] as const) {
    app.openapi(route, async (c) => {
      const services = c.get('services');
      const live = await moveLivestream(services, requirePrincipal(c), c.req.valid('param').id, action);
      c.header('Cache-Control', 'no-store');
      return c.json(summaryOf(live, services.clock.now()), 200);
    });
  }
  app.openapi(cancelRoute, async (c) => {
    const services = c.get('services');
    const live = await moveLivestream(services, requirePrincipal(c), c.req.valid('param').id, 'cancel', c.req.valid('json').reason);
    c.header('Cache-Control', 'no-store');
    return c.json(summaryOf(live, services.clock.now()), 200);
  });
  app.openapi(editRoute, async (c) => {
    const services = c.get('services');
    const live = await editLivestream(services, requirePrincipal(c), c.req.valid('param').id, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(summaryOf(live, services.clock.now()), 200);
  });
  app.openapi(replayRoute, async (c) => {
    const services = c.get('services');
    const live = await attachReplay(services, requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').replayUrl);
    c.header('Cache-Control', 'no-store');
    return c.json(summaryOf(live, services.clock.now()), 200);
  });
  app.openapi(listRoute, async (c) => {
    const items = await listLivestreams(c.get('services'), c.req.valid('query'));
    // Lives open and close by the clock: a shared cache could show a closed live as on.
    c.header('Cache-Control', 'no-cache');
    return c.json({ items }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const detail = await livestreamDetail(c.get('services'), c.req.valid('param').id);
    c.header('Cache-Control', 'no-cache');
    return c.json(detail, 200);
  });
  app.openapi(figuresRoute, async (c) => {
    const figures = await livestreamFigures(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(figures, 200);
  });
  app.openapi(followRoute, async (c) => {
    const services = c.get('services');
    const { producerId } = c.req.valid('json');
    if (!(await services.producers.getProducer(producerId))) throw new NotFound('Không tìm thấy gian hàng', 'PRODUCER_NOT_FOUND');
    await services.liveFollows.follow(producerId, requirePrincipal(c).accountId, services.clock.now().toISOString());
    c.header('Cache-Control', 'no-store');
    return c.json({ producerId, following: true }, 201);
  });
  app.openapi(unfollowRoute, async (c) => {
    const { producerId } = c.req.valid('param');
    await c.get('services').liveFollows.unfollow(producerId, requirePrincipal(c).accountId);
    c.header('Cache-Control', 'no-store');
    return c.json({ producerId, following: false }, 200);
  });
  app.openapi(noticesRoute, async (c) => {
    const items = await c.get('services').liveFollows.notices(requirePrincipal(c).accountId);
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  });
  return app;
}
