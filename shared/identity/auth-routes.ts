import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { validationHook } from '../http/validation-hook';
import { accountView, AccountViewSchema } from './account';
import { changePassword, login, logout, register, REGISTER_ACCEPTED_MESSAGE } from './auth-service';
import { requirePrincipal, requireSignedIn } from './authorize';
import { clientIp } from './client-ip';
import { securedBy, startSession, withRetryAfter } from './route-helpers';
import { LoginBodySchema, PasswordChangeBodySchema, RegisterAcceptedSchema, RegisterBodySchema, SessionSchema } from './schemas';
import { clearSessionCookie } from './session-cookie';
import { runAfterSignIn } from './sign-in-hooks';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const sessionResponse = (description: string) => ({ content: { 'application/json': { schema: SessionSchema } }, description });

const registerRoute = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['identity'],
  summary: 'Create a shopper or producer account (then sign in with POST /auth/login)',
  description:
    'The same 202 answer whether or not the email already has an account (an existing account is left untouched), and no session: the new account signs in with /auth/login. Throttled per client address: after 10 attempts within 15 min, each further one locks for 2^(n-10) s (at most 15 min).',
  request: { body: json(RegisterBodySchema) },
  responses: {
    202: { content: { 'application/json': { schema: RegisterAcceptedSchema } }, description: 'Accepted; sign in next' },
    400: errorResponse('Invalid email, password (10–200 characters), name or phone'),
    429: errorResponse('TOO_MANY_ATTEMPTS, with Retry-After (seconds)'),
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['identity'],
  summary: 'Sign in with email and password',
  description: 'After 5 failed attempts for an email or from an IP, each further failure locks for 2^(n-5) s (at most 15 min).',
  request: { body: json(LoginBodySchema) },
  responses: {
    200: sessionResponse('Signed in; the session cookie is set too'),
    400: errorResponse('Malformed input'),
    401: errorResponse('INVALID_CREDENTIALS (unknown email or wrong password: the same answer)'),
    403: errorResponse('ACCOUNT_DISABLED'),
    429: errorResponse('TOO_MANY_ATTEMPTS, with Retry-After (seconds)'),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['identity'],
  summary: 'End this session (its token is revoked; other devices stay signed in)',
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  responses: { 204: { description: 'Signed out; the cookie is cleared' }, 401: errorResponse('Not signed in') },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['identity'],
  summary: 'Change the password: ends every session of the account and returns a new one',
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  request: { body: json(PasswordChangeBodySchema) },
  responses: {
    200: sessionResponse('Password changed; the new session replaces the old cookie'),
    400: errorResponse('Invalid new password, or WRONG_PASSWORD for the current one'),
    401: errorResponse('Not signed in'),
    429: errorResponse('TOO_MANY_ATTEMPTS, with Retry-After (seconds)'),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['identity'],
  summary: 'The signed-in account',
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  responses: { 200: { content: { 'application/json': { schema: AccountViewSchema } }, description: 'The account' }, 401: errorResponse('Not signed in') },
});

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(registerRoute, async (c) => {
    await withRetryAfter(c, () => register(c.get('services'), c.req.valid('json'), clientIp(c)));
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'accepted' as const, message: REGISTER_ACCEPTED_MESSAGE }, 202);
  });
  app.openapi(loginRoute, async (c) => {
    const signedIn = await withRetryAfter(c, () => login(c.get('services'), c.req.valid('json'), clientIp(c)));
    await runAfterSignIn(c, signedIn.account.id);
    return c.json(startSession(c, signedIn), 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await logout(c.get('services'), requirePrincipal(c));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(passwordRoute, async (c) => {
    const principal = requirePrincipal(c);
    const signedIn = await withRetryAfter(c, () => changePassword(c.get('services'), principal, c.req.valid('json'), clientIp(c)));
    return c.json(startSession(c, signedIn), 200);
  });
  app.openapi(meRoute, async (c) => {
    const principal = requirePrincipal(c);
    const account = await c.get('services').identity.accounts.getAccount(principal.accountId);
    c.header('Cache-Control', 'no-store');
    // authenticate() read this account a moment ago; a concurrent delete is the only way here.
    if (!account) return c.json({ error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập để tiếp tục' } }, 401);
    return c.json(accountView(account), 200);
  });
  return app;
}
