import type { App } from '../../app/create-app';
import { SESSION_COOKIE } from '../../shared/identity/session-cookie';
import { fromAddress } from '../support/client-address';

export const ORIGIN = 'http://localhost';

let ipCounter = 0;
/** A client address of its own per test, so the per-IP throttles never tie tests together. */
export const freshIp = () => {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** `from`: the socket address the request comes from (the throttles' client); a fresh one when omitted. */
export function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}, from: string = freshIp()) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) }, fromAddress(from));
}

export function postForm(app: App, path: string, form: Record<string, string>, headers: Record<string, string> = {}, from: string = freshIp()) {
  return app.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN, ...headers },
      body: new URLSearchParams(form).toString(),
    },
    fromAddress(from),
  );
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
