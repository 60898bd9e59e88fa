import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { currentPrincipal } from '../identity/authenticate';
import { requirePrincipal, requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import {
  AcceptSchema,
  ApplicationIdSchema,
  ApplicationListSchema,
  ApplicationSchema,
  ApplySchema,
  BoothNoSchema,
  CreateFairSchema,
  DecorateSchema,
  FairDetailSchema,
  FairIdSchema,
  FairListSchema,
  FairSchema,
  PublicBoothSchema,
  RejectSchema,
  TransitionSchema,
} from './schemas';
import { acceptApplication, applicationsOf, applyForBooth, createFair, decorateBooth, fairDetail, fairView, listFairs, moveFair, publicBooth, rejectApplication } from './service';
import { inquiryRoutes } from './inquiry-routes';
import { dashboardCsv, fairDashboard } from './analytics';

const tags = ['fairs'];
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const fairParams = z.object({ id: FairIdSchema });
const appParams = z.object({ id: ApplicationIdSchema });
const signedIn = { 401: errorResponse('Not signed in') };

const createFairRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/fairs',
  summary: "Create a fair (draft): an officer for their own province; an admin for several provinces or national",
  request: json(CreateFairSchema),
  responses: {
    201: answer(FairSchema, 'The fair, as a draft'),
    400: errorResponse('INVALID_INPUT, INVALID_FAIR_DATES, PROVINCE_REQUIRED'),
    ...signedIn,
    403: errorResponse('NOT_PROVINCE_OFFICER (another province, or national), or not an officer/admin'),
  },
});

const transitionRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/fairs/{id}/transitions',
  summary: 'Move the fair: draft → open (applications) → live → closed. Closing early stops fair prices at this second',
  request: { params: fairParams, ...json(TransitionSchema) },
  responses: {
    200: answer(FairSchema, 'The fair after the move'),
    400: errorResponse('INVALID_INPUT'),
    ...signedIn,
    403: errorResponse('NOT_FAIR_ORGANISER'),
    404: errorResponse('FAIR_NOT_FOUND'),
    409: errorResponse('ILLEGAL_TRANSITION (details.from, details.to, details.allowed)'),
  },
});

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/fairs',
  summary: 'Fairs live now, upcoming, or closed (never drafts)',
  request: { query: z.object({ status: z.enum(['live', 'upcoming', 'closed']).default('live'), limit: queryIntegerOr(1, 50, 20) }) },
  responses: { 200: answer(FairListSchema, 'Fairs'), 400: errorResponse('INVALID_INPUT') },
});

const getRoute = createRoute({
  tags,
  method: 'get',
  path: '/fairs/{id}',
  summary: 'A fair with its halls and their booths (a draft is 404 except to its organisers)',
  request: { params: fairParams },
  responses: { 200: answer(FairDetailSchema, 'The fair'), 400: errorResponse('INVALID_INPUT'), 404: errorResponse('FAIR_NOT_FOUND') },
});

const applyRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/fairs/{id}/booth-applications',
  summary: 'Apply for a booth (a producer with a storefront, once per fair, while the fair is open)',
  request: { params: fairParams, ...json(ApplySchema) },
  responses: {
    201: answer(ApplicationSchema, 'The application, pending'),
    400: errorResponse('INVALID_INPUT, HALL_NOT_FOUND'),
    ...signedIn,
    403: errorResponse('NOT_STOREFRONT_OWNER (no storefront yet), or not a producer'),
    404: errorResponse('FAIR_NOT_FOUND, PRODUCER_NOT_FOUND'),
    409: errorResponse('APPLICATIONS_CLOSED (details.status), ALREADY_APPLIED (details.applicationId)'),
  },
});

const applicationsRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/fairs/{id}/booth-applications',
  summary: "The fair's booth applications, newest first (its organisers)",
  request: { params: fairParams },
  responses: { 200: answer(ApplicationListSchema, 'Applications'), 400: errorResponse('INVALID_INPUT'), ...signedIn, 403: errorResponse('NOT_FAIR_ORGANISER'), 404: errorResponse('FAIR_NOT_FOUND') },
});

const decideResponses = {
  200: answer(ApplicationSchema, 'The application, decided'),
  400: errorResponse('INVALID_INPUT, BOOTH_NOT_FOUND (no such booth number in the fair)'),
  ...signedIn,
  403: errorResponse('NOT_FAIR_ORGANISER'),
  404: errorResponse('APPLICATION_NOT_FOUND, FAIR_NOT_FOUND'),
};

const acceptRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/booth-applications/{id}/accept',
  summary: 'Accept and assign a booth number; exactly one producer per booth (atomic)',
  request: { params: appParams, ...json(AcceptSchema) },
  responses: { ...decideResponses, 409: errorResponse('BOOTH_TAKEN (details.boothNo), APPLICATION_DECIDED, APPLICATIONS_CLOSED') },
});

const rejectRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/booth-applications/{id}/reject',
  summary: 'Reject with a reason the producer reads',
  request: { params: appParams, ...json(RejectSchema) },
  responses: { ...decideResponses, 409: errorResponse('APPLICATION_DECIDED, APPLICATIONS_CLOSED') },
});

const decorateRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'put',
  path: '/fairs/{id}/booths/{boothId}',
  summary: "Dress the exhibitor's own booth: banner, intro, video, featured products with optional fair prices, contact links, linked lives",
  request: { params: z.object({ id: FairIdSchema, boothId: BoothNoSchema }), ...json(DecorateSchema) },
  responses: {
    200: answer(PublicBoothSchema, 'The booth'),
    400: errorResponse('INVALID_INPUT, INVALID_STREAM_URL, DUPLICATE_FAIR_PRODUCT'),
    ...signedIn,
    403: errorResponse('NOT_BOOTH_OWNER, NOT_STOREFRONT_OWNER (a live of another storefront)'),
    404: errorResponse('BOOTH_NOT_FOUND'),
    409: errorResponse('PRODUCT_NOT_FEATURABLE (details.items: reason per product — 3★ gate, variant), APPLICATIONS_CLOSED (fair closed)'),
    422: errorResponse('FAIR_PRICE_NOT_A_DISCOUNT (details.priceToBeatVnd: the fair price must be below it)'),
  },
});

const count = z.number().int();
const DashboardSchema = z
  .object({
    fairId: z.string(),
    days: z.array(z.object({ day: z.string().openapi({ description: 'Vietnam calendar day' }), views: count, uniques: count, inquiries: count })),
    halls: z.array(z.object({ hallId: z.string(), name: z.string(), views: count })),
    booths: z.array(z.object({ boothNo: count, hallId: z.string(), producerName: z.string(), views: count, inquiries: count, orders: count, units: count, revenueVnd: count })),
    totals: z.object({ views: count, uniques: count, inquiries: count, orders: count, units: count, revenueVnd: count.openapi({ description: 'At fair prices (cancelled lines taken out)' }) }),
  })
  .openapi('FairDashboard', {
    example: {
      fairId: 'fair-mk3x9a2b7c1d',
      days: [{ day: '2026-12-10', views: 420, uniques: 180, inquiries: 6 }],
      halls: [{ hallId: 'h1', name: 'Khu thực phẩm', views: 300 }],
      booths: [{ boothNo: 3, hallId: 'h1', producerName: 'HTX Nước mắm Phú Quốc', views: 120, inquiries: 4, orders: 12, units: 20, revenueVnd: 1_980_000 }],
      totals: { views: 420, uniques: 180, inquiries: 6, orders: 12, units: 20, revenueVnd: 1_980_000 },
    },
  });

const dashboardRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/fairs/{id}/dashboard',
  summary: 'Organisers: visits per day, hall and booth, unique visitors, inquiries, orders and revenue at fair prices (counters kept on write)',
  request: { params: fairParams },
  responses: { 200: answer(DashboardSchema, 'Figures'), 400: errorResponse('INVALID_INPUT'), ...signedIn, 403: errorResponse('NOT_FAIR_ORGANISER'), 404: errorResponse('FAIR_NOT_FOUND') },
});

const csvRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/fairs/{id}/dashboard.csv',
  summary: 'The booths table as CSV (RFC 4180; cells that would run as spreadsheet formulas are neutralised)',
  request: { params: fairParams },
  responses: {
    200: { content: { 'text/csv': { schema: z.string().openapi({ example: 'gian_so,khu,co_so,luot_xem,yeu_cau_giao_thuong,don_gia_hoi_cho,so_luong,doanh_thu_vnd\r\n3,Khu thực phẩm,HTX Nước mắm Phú Quốc,120,4,12,20,1980000\r\n' }) } }, description: 'CSV' },
    400: errorResponse('INVALID_INPUT'),
    ...signedIn,
    403: errorResponse('NOT_FAIR_ORGANISER'),
    404: errorResponse('FAIR_NOT_FOUND'),
  },
});

export function fairRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(createFairRoute, async (c) => {
    const fair = await createFair(c.get('services'), requirePrincipal(c), c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(fairView(fair), 201);
  });
  app.openapi(transitionRoute, async (c) => {
    const fair = await moveFair(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').to);
    c.header('Cache-Control', 'no-store');
    return c.json(fairView(fair), 200);
  });
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const items = await listFairs(c.get('services'), q.status, q.limit);
    c.header('Cache-Control', 'no-cache');
    return c.json({ items }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const detail = await fairDetail(c.get('services'), currentPrincipal(c), c.req.valid('param').id);
    c.header('Cache-Control', detail.status === 'draft' ? 'private, no-store' : 'no-cache');
    return c.json(detail, 200);
  });
  app.openapi(applyRoute, async (c) => {
    const application = await applyForBooth(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(application, 201);
  });
  app.openapi(applicationsRoute, async (c) => {
    const items = await applicationsOf(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  });
  app.openapi(acceptRoute, async (c) => {
    const application = await acceptApplication(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').boothNo);
    c.header('Cache-Control', 'no-store');
    return c.json(application, 200);
  });
  app.openapi(rejectRoute, async (c) => {
    const application = await rejectApplication(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').reason);
    c.header('Cache-Control', 'no-store');
    return c.json(application, 200);
  });
  app.openapi(decorateRoute, async (c) => {
    const { id, boothId: boothNo } = c.req.valid('param');
    const booth = await decorateBooth(c.get('services'), requirePrincipal(c), id, boothNo, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(publicBooth(booth), 200);
  });
  app.openapi(dashboardRoute, async (c) => {
    const d = await fairDashboard(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ fairId: d.fair.id, days: d.days, halls: d.halls, booths: d.booths, totals: d.totals }, 200);
  });
  app.openapi(csvRoute, async (c) => {
    const d = await fairDashboard(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    return c.body(dashboardCsv(d), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${d.fair.id}.csv"`, 'Cache-Control': 'no-store' });
  });
  app.route('/', inquiryRoutes());
  return app;
}
