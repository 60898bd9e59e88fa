import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetSecurityHeaders } from '../shared/http/asset-headers';
import type { Services } from '../shared/services';
import { createApp } from './create-app';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const defaultStaticDir = resolve(root, 'web/dist');

export interface LocalServerOptions {
  /** Where media variants ({key}-{width}.webp) live, served at config.mediaBaseUrl. */
  mediaDir: string;
  /** The built browser assets (npm run build:web), served at config.staticBaseUrl. */
  staticDir: string;
}

/** Only a local path prefix can be served from disk; a CloudFront URL is somebody else's job. */
function localPrefix(base: string): string | undefined {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.startsWith('/') && trimmed.length > 1 ? trimmed : undefined;
}

/**
 * What CloudFront does in AWS, on one port: /static and /media from disk, everything else to the
 * app. Used by `npm start`, the bench and the browser tests.
 */
export function createLocalServerApp(services: Services, options: LocalServerOptions) {
  const app = createApp(services);
  const server = new Hono();
  const mounts: [string | undefined, string, string][] = [
    [localPrefix(services.config.staticBaseUrl), options.staticDir, 'public, max-age=300'],
    [localPrefix(services.config.mediaBaseUrl), options.mediaDir, 'public, max-age=86400'],
  ];
  for (const [prefix, dir, cache] of mounts) {
    if (!prefix) continue;
    server.use(
      `${prefix}/*`,
      serveStatic({
        root: dir,
        rewriteRequestPath: (path) => path.slice(prefix.length),
        onFound: (_path, c) => {
          c.header('Cache-Control', cache);
          // As CloudFront's response headers policy does on AWS (infra/constructs/edge.ts).
          for (const [name, value] of Object.entries(assetSecurityHeaders)) c.header(name, value);
        },
      }),
    );
  }
  // Not found on disk falls through, so a missing asset gets the app's 404 like any other path.
  // The bindings (the socket) go along: the login throttle counts the socket's address.
  server.all('*', (c) => app.fetch(c.req.raw, c.env));
  return server;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app on a free 127.0.0.1 port (bench, tests). */
export async function startLocalServer(services: Services, options: Partial<LocalServerOptions> = {}): Promise<LocalServer> {
  // Without a media dir, an empty one: image requests then 404 and the pages still render.
  const scratch = options.mediaDir ? undefined : mkdtempSync(join(tmpdir(), 'ocop-media-'));
  const app = createLocalServerApp(services, {
    staticDir: options.staticDir ?? defaultStaticDir,
    mediaDir: options.mediaDir ?? (scratch as string),
  });
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolvePort, reject) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolvePort(info.port));
    server.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
        if (!server) return done();
        // Keep-alive sockets from the browser would hold close() open for seconds.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
