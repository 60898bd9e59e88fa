import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PUBLIC_CACHE = 'public, max-age=60';
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
