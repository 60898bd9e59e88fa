import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';

export const verifyPath = (certificateNo: string) => `/xac-minh/${encodeURIComponent(certificateNo)}`;

/**
 * The absolute URL printed in the QR code. Behind CloudFront the Lambda sees API Gateway's host, so
 * the configured public origin wins; locally the request's own origin is right.
 */
export function verificationUrl(c: Context<AppEnv>, certificateNo: string): string {
  const origin = c.get('services').config.publicOrigins[0] ?? new URL(c.req.url).origin;
  return `${origin.replace(/\/+$/, '')}${verifyPath(certificateNo)}`;
}
