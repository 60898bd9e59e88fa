import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole } from '../identity/authorize';
import { clientIp } from '../identity/client-ip';
import { securedBy } from '../identity/route-helpers';
import { RateLimited } from './errors';
import { answerInquiry, inquiryInbox, submitInquiry } from './inquiry-service';
import { BoothNoSchema, FairIdSchema, InquiryIdSchema, InquiryInputSchema, InquiryListSchema, InquiryReceiptSchema, InquirySchema, InquiryStatusSchema, inquiryStatuses, ReplySchema } from './schemas';

const tags = ['fairs'];
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const submitRoute = createRoute({
  tags,
  method: 'post',
  path: '/fairs/{id}/booths/{boothId}/inquiries',
  summary: "A business buyer's trade inquiry to a booth (public, rate-limited per client; the exhibitor answers inside the platform)",
  request: { params: z.object({ id: FairIdSchema, boothId: BoothNoSchema }), ...json(InquiryInputSchema) },
  responses: {
    201: answer(InquiryReceiptSchema, 'Received'),
    400: errorResponse('INVALID_INPUT (details: fields)'),
    404: errorResponse('FAIR_NOT_FOUND (draft or closed), BOOTH_NOT_FOUND'),
    429: errorResponse('RATE_LIMITED (details.retryAfterSeconds; Retry-After header)'),
  },
});

const inboxRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'get',
  path: '/fair-inquiries',
  summary: "The exhibitor's trade-inquiry inbox, newest first (admins name the storefront)",
  request: { query: z.object({ status: z.enum(inquiryStatuses).optional(), producerId: z.string().max(80).optional() }) },
  responses: { 200: answer(InquiryListSchema, 'Inquiries'), 400: errorResponse('INVALID_INPUT'), 401: errorResponse('Not signed in'), 403: errorResponse('NOT_BOOTH_OWNER') },
});

const idParams = z.object({ id: InquiryIdSchema });
const replyRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'post',
  path: '/fair-inquiries/{id}/replies',
  summary: 'Reply in the thread (the inquiry becomes "replied")',
  request: { params: idParams, ...json(ReplySchema) },
  responses: { 200: answer(InquirySchema, 'The thread'), 400: errorResponse('INVALID_INPUT'), 401: errorResponse('Not signed in'), 403: errorResponse('NOT_BOOTH_OWNER'), 404: errorResponse('INQUIRY_NOT_FOUND') },
});
const statusRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer', 'admin')] as const,
  method: 'post',
  path: '/fair-inquiries/{id}/status',
  summary: 'Set the status: new, replied or closed',
  request: { params: idParams, ...json(InquiryStatusSchema) },
  responses: { 200: answer(InquirySchema, 'The thread'), 400: errorResponse('INVALID_INPUT'), 401: errorResponse('Not signed in'), 403: errorResponse('NOT_BOOTH_OWNER'), 404: errorResponse('INQUIRY_NOT_FOUND') },
});

export function inquiryRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(submitRoute, async (c) => {
    const { id, boothId } = c.req.valid('param');
    try {
      const receipt = await submitInquiry(c.get('services'), clientIp(c), id, boothId, c.req.valid('json'));
      c.header('Cache-Control', 'no-store');
      return c.json(receipt, 201);
    } catch (error) {
      if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });
  app.openapi(inboxRoute, async (c) => {
    const q = c.req.valid('query');
    const items = await inquiryInbox(c.get('services'), requirePrincipal(c), q.status, q.producerId);
    c.header('Cache-Control', 'no-store');
    return c.json({ items }, 200);
  });
  app.openapi(replyRoute, async (c) => {
    const inquiry = await answerInquiry(c.get('services'), requirePrincipal(c), c.req.valid('param').id, { text: c.req.valid('json').text });
    c.header('Cache-Control', 'no-store');
    return c.json(inquiry, 200);
  });
  app.openapi(statusRoute, async (c) => {
    const inquiry = await answerInquiry(c.get('services'), requirePrincipal(c), c.req.valid('param').id, { status: c.req.valid('json').status });
    c.header('Cache-Control', 'no-store');
    return c.json(inquiry, 200);
  });
  return app;
}
