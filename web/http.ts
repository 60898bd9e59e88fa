import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../shared/http/app-env';
import { PayloadTooLarge } from '../shared/http/errors';
import { NO_STORE } from './render';
import type { AssetUrls } from './view';

/**
 * What every page route needs from HTTP, in one place: where assets are served, the sign-in redirect,
 * and the form body limit.
 */

/** Media and static base URLs of this deployment, without trailing slashes. */
export function assetsOf(c: Context<AppEnv>): AssetUrls {
  const { config } = c.get('services');
  return { media: config.mediaBaseUrl.replace(/\/+$/, ''), static: config.staticBaseUrl.replace(/\/+$/, '') };
}

/** The sign-in page that brings the visitor back to `next` (a local path) afterwards. */
export const loginPath = (next: string) => `/dang-nhap?next=${encodeURIComponent(next)}`;

/** A visitor without a session signs in first and comes back here (or to `next`); never cached. */
export function toLogin(c: Context<AppEnv>, next?: string) {
  const url = new URL(c.req.url);
  c.header('Cache-Control', NO_STORE);
  return c.redirect(loginPath(next ?? url.pathname + url.search), 303);
}

/** A text form (a reason, a few fields) is a few KB: anything far larger is refused before it is read. */
export const FORM_LIMIT_BYTES = 16 * 1024;

/** 413 PAYLOAD_TOO_LARGE above `maxBytes`, through the app's error handler like any other refusal. */
export function formBodyLimit(maxBytes: number = FORM_LIMIT_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLarge(maxBytes);
    },
  });
}
