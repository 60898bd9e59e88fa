import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { publicOrigin } from '../../shared/http/public-origin';

export const verifyPath = (certificateNo: string) => `/xac-minh/${encodeURIComponent(certificateNo)}`;

/** The absolute URL printed in the QR code, on the site's public origin (never API Gateway's host). */
export function verificationUrl(c: Context<AppEnv>, certificateNo: string): string {
  return `${publicOrigin(c.get('services').config, c.req.url)}${verifyPath(certificateNo)}`;
}
