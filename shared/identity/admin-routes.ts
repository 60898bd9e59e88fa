import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { accountView, AccountViewSchema } from './account';
import { createOfficer, disableAccount } from './admin-service';
import { requirePrincipal, requireRole } from './authorize';
import { securedBy } from './route-helpers';
import { AccountIdParamSchema, OfficerBodySchema } from './schemas';

const accountResponse = (description: string) => ({ content: { 'application/json': { schema: AccountViewSchema } }, description });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not an admin') };

const createOfficerRoute = createRoute({
  method: 'post',
  path: '/admin/officers',
  tags: ['identity', 'admin'],
  summary: 'Create an officer account for one province (admin only)',
  security: securedBy,
  middleware: [requireRole('admin')] as const,
  request: { body: { content: { 'application/json': { schema: OfficerBodySchema } }, required: true } },
  responses: { 201: accountResponse('The officer account'), 400: errorResponse('Invalid input'), ...denied, 409: errorResponse('EMAIL_TAKEN') },
});

const disableAccountRoute = createRoute({
  method: 'post',
  path: '/admin/accounts/{id}/disable',
  tags: ['identity', 'admin'],
  summary: 'Disable an account and end all its sessions (admin only)',
  security: securedBy,
  middleware: [requireRole('admin')] as const,
  request: { params: AccountIdParamSchema },
  responses: {
    200: accountResponse('The disabled account'),
    400: errorResponse('Malformed id'),
    ...denied,
    404: errorResponse('ACCOUNT_NOT_FOUND'),
    409: errorResponse('CANNOT_DISABLE_SELF'),
  },
});

export function adminAccountRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(createOfficerRoute, async (c) => {
    const account = await createOfficer(c.get('services'), c.req.valid('json'));
    return c.json(accountView(account), 201);
  });
  app.openapi(disableAccountRoute, async (c) => {
    const account = await disableAccount(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    return c.json(accountView(account), 200);
  });
  return app;
}
