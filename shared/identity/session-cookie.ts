import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env';
import { SESSION_TTL_SECONDS } from './session-token';

export const SESSION_COOKIE = 'ocop_session';

export interface Credential {
  token: string;
  via: 'cookie' | 'bearer';
}

/** A Bearer header wins over the cookie: it is what a script meant to send (and it is not CSRF-able). */
export function readCredential(c: Context): Credential | undefined {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ? { token: match[1], via: 'bearer' } : undefined;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

export const hasBearer = (c: Context) => /^Bearer\s/i.test(c.req.header('authorization') ?? '');
export const hasSessionCookie = (c: Context) => Boolean(getCookie(c, SESSION_COOKIE));

/** Secure everywhere except a local or test stage reached over plain http (http://localhost). */
export function secureFor(c: Context<AppEnv>): boolean {
  const { stage } = c.get('services').config;
  const plainHttp = new URL(c.req.url).protocol === 'http:';
  return !((stage === 'local' || stage === 'test') && plainHttp);
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: secureFor(c), sameSite: 'Lax', path: '/', maxAge: SESSION_TTL_SECONDS });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: secureFor(c), sameSite: 'Lax', path: '/' });
}
