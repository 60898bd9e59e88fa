import type { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from '../config';

type Policy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/** The origin of an absolute base URL (a CDN for /media or /static); nothing for a same-origin path. */
function originOf(base: string): string[] {
  return /^https?:\/\//.test(base) ? [new URL(base).origin] : [];
}

/**
 * The Content-Security-Policy of every app answer (pages, JSON, the API docs). Scripts only from
 * files we serve: no page has an inline script or event handler, so neither nonces nor
 * 'unsafe-inline' are needed for them. Styles allow inline because every page inlines its CSS (one
 * request less on a slow phone) and Swagger UI sets style attributes; an injected style cannot run
 * code. Form posts go to this site, or on AWS straight to the media bucket (presigned POST uploads,
 * docs/images.md), and with card payments on, may be redirected to Stripe Checkout.
 */
export function contentSecurityPolicy(config: Pick<AppConfig, 'mediaBaseUrl' | 'staticBaseUrl' | 'mediaBucket' | 'region' | 'stripeSecretKey' | 'stripeSecretArn'> & { mapTileUrl?: string | undefined }): Policy {
  const assets = originOf(config.staticBaseUrl);
  const media = originOf(config.mediaBaseUrl);
  const uploads = config.mediaBucket && config.region ? [s3PostOrigin(config.mediaBucket, config.region)] : [];
  // Checkout and "Thanh toán bằng thẻ" post to this site, which answers 303 to Stripe's hosted page:
  // browsers check form-action against that redirect too.
  const cardCheckout = config.stripeSecretKey || config.stripeSecretArn ? [STRIPE_CHECKOUT_ORIGIN] : [];
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    // A live's page embeds its player where the platform allows it (shared/livestream/stream-url.ts).
    frameSrc: [...LIVE_PLAYER_ORIGINS],
    formAction: ["'self'", ...uploads, ...cardCheckout],
    scriptSrc: ["'self'", ...assets],
    styleSrc: ["'self'", "'unsafe-inline'", ...assets],
    // data: for the icons inside Swagger UI's stylesheet.
    // The locator's map tiles, only when a tile server is configured (shared/config.ts mapTileUrl).
    imgSrc: ["'self'", 'data:', ...media, ...assets, ...(config.mapTileUrl ? [tileOrigin(config.mapTileUrl)] : [])],
    fontSrc: ["'self'", ...assets],
    connectSrc: ["'self'"],
  };
}

/** The players a live's page may frame: YouTube's privacy-enhanced host and Facebook's video plugin. */
export const LIVE_PLAYER_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.facebook.com'] as const;

/** Where Stripe Checkout sessions live (session.url). */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

/** Where the AWS SDK's presigned POST sends the browser (virtual-hosted-style bucket endpoint). */
export function s3PostOrigin(bucket: string, region: string): string {
  return `https://${bucket}.s3.${region}.amazonaws.com`;
}

/** `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example` (subdomain templates allowed). */
export function tileOrigin(template: string): string {
  const host = template.replace(/^https:\/\//, '').split('/')[0]!;
  return `https://${host.replace(/^\{s\}\./, '*.')}`;
}
