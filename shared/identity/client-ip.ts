import type { Context } from 'hono';

/** Loose shape of an IPv4/IPv6 literal: anything else is not used as a key. */
const IP_LIKE = /^[0-9a-fA-F:.]{2,45}$/;

/**
 * The client's IP for the per-IP login throttle: the first hop of X-Forwarded-For, else what the
 * host saw (API Gateway's sourceIp in Lambda, the socket locally). The first hop is whatever the
 * client sent unless the edge overwrites the header: see docs/identity.md.
 */
export function clientIp(c: Context): string {
  const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (first) return IP_LIKE.test(first) ? first : 'invalid';
  const env = c.env as
    | { event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  const seen = env?.event?.requestContext?.http?.sourceIp ?? env?.event?.requestContext?.identity?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  return seen && IP_LIKE.test(seen) ? seen : 'unknown';
}
