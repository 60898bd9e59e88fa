/**
 * Security headers for files answered straight from storage (/media, /static): no app middleware
 * runs there, locally (tests/support/test-server.ts) or on AWS (the CloudFront response headers
 * policy in infra/constructs/edge.ts), so both take them from here.
 */
/** A file opened on its own (an SVG, say) may show itself and nothing else, and runs no script. */
export const ASSET_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
/** 180 days, as the app's own pages send (hono/secure-headers' default). */
export const HSTS_MAX_AGE_SECONDS = 15_552_000;

export const assetSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  // Our pages embed these files from the same origin; other sites have no reason to.
  'Cross-Origin-Resource-Policy': 'same-origin',
};
