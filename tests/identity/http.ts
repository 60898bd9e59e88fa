import type { App } from '../../app/create-app';
import { SESSION_COOKIE } from '../../shared/identity/session-cookie';

export const ORIGIN = 'http://localhost';

let ipCounter = 0;
/** A client address of its own per test, so the per-IP login throttle never ties tests together. */
export const freshIp = () => `192.0.2.${++ipCounter % 250}`;

export function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
}

export function postForm(app: App, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN, ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** The ocop_session Set-Cookie line of a response, if any. */
export function sessionSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`)).at(-1);
}

/** `{ cookie: 'ocop_session=…' }` from a response that set one. */
export function cookieHeader(res: Response): Record<string, string> {
  const line = sessionSetCookie(res);
  if (!line) throw new Error('response set no session cookie');
  return { cookie: line.split(';')[0]! };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
