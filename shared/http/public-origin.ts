import type { AppConfig } from '../config';

/**
 * The origin absolute links are built on (QR codes printed on packaging must outlive any API
 * rebuild): the configured public origin, which a deployed stage cannot start without
 * (shared/config.ts). Only locally and in tests is the request's own origin the one people reach;
 * on AWS it is API Gateway's host, so it is never used there.
 */
export function publicOrigin(config: Pick<AppConfig, 'publicOrigins' | 'stage'>, requestUrl: string): string {
  const configured = config.publicOrigins[0];
  if (configured) return configured.replace(/\/+$/, '');
  if (config.stage === 'local' || config.stage === 'test') return new URL(requestUrl).origin;
  throw new Error(`No public origin for stage ${config.stage}: set PUBLIC_ORIGINS`);
}
