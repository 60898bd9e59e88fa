import { getConnInfo as nodeConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';
import type { AppEnv } from '../http/app-env';

/** What hono/aws-lambda passes as `c.env`: the API Gateway request context (payload 2.0, or 1.0's identity). */
interface LambdaBindings {
  requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
}

/** `CloudFront-Viewer-Address` is `ip:port` (IPv6 too: the port follows the last colon). */
function viewerAddress(header: string | undefined): string | undefined {
  const cut = header?.lastIndexOf(':') ?? -1;
  return header && cut > 0 ? header.slice(0, cut) : undefined;
}

/**
 * The client address the per-IP throttles count, from what the platform saw, never from a header
 * the client can write (X-Forwarded-For's first hop is whatever the client sent):
 * - on AWS, API Gateway's `requestContext.http.sourceIp`; behind CloudFront (config.behindCloudFront)
 *   that is an edge server, so the `CloudFront-Viewer-Address` CloudFront sets is used instead;
 * - locally, the socket's remote address (@hono/node-server);
 * - otherwise (app.request in tests without bindings) 'unknown', one shared counter.
 */
export function clientIp(c: Context<AppEnv>): string {
  const env = c.env as (LambdaBindings & { incoming?: unknown }) | undefined;
  let seen: string | undefined;
  if (env?.requestContext) {
    const sourceIp = env.requestContext.http?.sourceIp ?? env.requestContext.identity?.sourceIp;
    seen = c.get('services').config.behindCloudFront ? (viewerAddress(c.req.header('cloudfront-viewer-address')) ?? sourceIp) : sourceIp;
  } else if (env?.incoming) {
    seen = nodeConnInfo(c).remote.address;
  }
  return seen && isIP(seen) ? seen : 'unknown';
}
