import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Shared caches may keep public pages, but must revalidate each view: a certificate that expired or
 * was revoked a second ago hides its product at once (the gate runs per request), and an ETag makes
 * the unchanged case a body-less 304. Personal pages are never stored (NO_STORE).
 */
export const PUBLIC_CACHE = 'public, no-cache';
export const NO_STORE = 'no-store';

/** A page component to a full HTML document (hono/jsx escapes every text node and attribute). */
export async function renderDocument(node: JSX.Element): Promise<string> {
  return `<!doctype html>${await node.toString()}`;
}

export async function sendPage(c: Context, node: JSX.Element, options: { status?: ContentfulStatusCode; cache?: string } = {}) {
  const status = options.status ?? 200;
  c.header('Cache-Control', options.cache ?? (status === 200 ? PUBLIC_CACHE : NO_STORE));
  return c.html(await renderDocument(node), status);
}
