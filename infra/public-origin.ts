import type { Construct } from 'constructs';

/** `-c publicOrigin=https://cho-ocop.vn`: the site's custom domain, when it has one. */
export const PUBLIC_ORIGIN_CONTEXT = 'publicOrigin';

/** An https origin and nothing more (no path, query or credentials): what QR codes and CSRF compare. */
export function parsePublicOrigin(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.origin !== String(value).replace(/\/$/, '')) {
    throw new Error(`-c ${PUBLIC_ORIGIN_CONTEXT} must be an https origin such as https://cho-ocop.vn, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

/**
 * PUBLIC_ORIGINS for the functions (shared/config.ts), comma-separated, canonical first: the custom
 * domain from context if set, then the CloudFront domain. Both survive an API rebuild; the API
 * Gateway host does not, so it is never here.
 */
export function publicOrigins(scope: Construct, distributionDomainName: string): string {
  const custom = scope.node.tryGetContext(PUBLIC_ORIGIN_CONTEXT) as unknown;
  const cloudFront = `https://${distributionDomainName}`;
  return custom === undefined || custom === '' ? cloudFront : `${parsePublicOrigin(custom)},${cloudFront}`;
}
