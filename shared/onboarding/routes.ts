import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { ApplicationInputSchema, ApplicationSchema, applicationStatuses, ApproveBodySchema, RejectBodySchema } from './application';
import { approveApplication, listApplications, rejectApplication, submitApplication } from './service';

const applicationResponse = (description: string) => ({ content: { 'application/json': { schema: ApplicationSchema } }, description });
const IdParam = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ') });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed') };

const submitRoute = createRoute({
  method: 'post',
  path: '/onboarding/applications',
  tags: ['onboarding'],
  summary: 'A producer account applies for a storefront',
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  request: { body: { content: { 'application/json': { schema: ApplicationInputSchema } }, required: true } },
  responses: {
    201: applicationResponse('The pending application'),
    400: errorResponse('Invalid input'),
    ...denied,
    409: errorResponse('APPLICATION_EXISTS or PRODUCER_ALREADY_BOUND'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/onboarding/applications',
  tags: ['onboarding'],
  summary: "Applications of the officer's own province",
  security: securedBy,
  middleware: [requireRole('officer')] as const,
  request: {
    query: z.object({
      status: z.enum(applicationStatuses).default('pending'),
      limit: queryIntegerOr(1, 100, 50),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(ApplicationSchema) }) } }, description: 'Oldest first' },
    400: errorResponse('Invalid query'),
    ...denied,
  },
});

const decisionResponses = {
  200: applicationResponse('The decided application'),
  400: errorResponse('Invalid input'),
  ...denied,
  404: errorResponse('APPLICATION_NOT_FOUND'),
  409: errorResponse('APPLICATION_ALREADY_DECIDED'),
};

const approveRoute = createRoute({
  method: 'post',
  path: '/onboarding/applications/{id}/approve',
  tags: ['onboarding'],
  summary: 'Approve: creates the storefront and binds the account, in one transaction',
  security: securedBy,
  middleware: [requireRole('officer')] as const,
  request: { params: IdParam, body: { content: { 'application/json': { schema: ApproveBodySchema } }, required: false } },
  responses: decisionResponses,
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/onboarding/applications/{id}/reject',
  tags: ['onboarding'],
  summary: 'Reject with a reason (the applicant may apply again)',
  security: securedBy,
  middleware: [requireRole('officer')] as const,
  request: { params: IdParam, body: { content: { 'application/json': { schema: RejectBodySchema } }, required: true } },
  responses: decisionResponses,
});

export function onboardingRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(submitRoute, async (c) => c.json(await submitApplication(c.get('services'), requirePrincipal(c), c.req.valid('json')), 201));
  app.openapi(listRoute, async (c) => {
    const { status, limit } = c.req.valid('query');
    return c.json({ items: await listApplications(c.get('services'), requirePrincipal(c), status, limit) }, 200);
  });
  app.openapi(approveRoute, async (c) => {
    // The body is optional: without one the validator yields nothing.
    const note = (c.req.valid('json') as { note?: string } | undefined)?.note;
    return c.json(await approveApplication(c.get('services'), requirePrincipal(c), c.req.valid('param').id, note), 200);
  });
  app.openapi(rejectRoute, async (c) => {
    return c.json(await rejectApplication(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').reason), 200);
  });
  return app;
}
