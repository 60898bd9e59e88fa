import { z } from 'zod';
import { isInsideDir } from './media/private-dir';

/** The one typed configuration object, built at the edge (Lambda env or the local script). */
export const ConfigSchema = z.object({
  tableName: z.string().min(3),
  dynamoEndpoint: z.url().optional(),
  region: z.string().optional(),
  /** Where product images are served from: '/media' locally, the CloudFront path in AWS. */
  mediaBaseUrl: z.string().default('/media'),
  /** Map tiles for the store locator (`https://…/{z}/{x}/{y}.png`); unset: markers on a plain background, no outside requests. */
  mapTileUrl: z.string().regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, 'MAP_TILE_URL must be an https URL template with {z}, {x}, {y}').optional(),
  /** Local runs: the folder uploaded images are written to (served at mediaBaseUrl by the dev server). */
  mediaDir: z.string().default('.data/media'),
  /** In AWS: the bucket holding `media/` (served) and `uploads/` (raw, presigned uploads). */
  mediaBucket: z.string().min(3).optional(),
  /** Local runs: certificate evidence files (officers only); never inside mediaDir, which is served. */
  evidenceDir: z.string().default('.data/evidence'),
  /** In AWS: the private bucket for evidence (`evidence/`), which CloudFront never serves. */
  evidenceBucket: z.string().min(3).optional(),
  /** Where browser assets are served from. */
  staticBaseUrl: z.string().default('/static'),
  stage: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /** HS256 key for session tokens, for local runs (.data/session-secret); never set from the repo. */
  sessionSecret: z.string().min(32).optional(),
  /** In AWS: the Secrets Manager secret holding that key, read once per container. */
  sessionSecretArn: z.string().startsWith('arn:').optional(),
  /** Origins browsers reach the site on when a proxy hides them (CloudFront): accepted by the CSRF Origin check. */
  publicOrigins: z.array(z.url()).default([]),
  /**
   * Behind CloudFront the Lambda sees API Gateway's host; CloudFront puts the viewer's host in
   * X-Forwarded-Host. Trusted only for the same-origin (CSRF) comparison, and only when set.
   */
  trustForwardedHost: z.boolean().default(false),
  /**
   * The API is reached through CloudFront, so API Gateway's source IP is an edge server: the login
   * and register throttles then count the viewer address CloudFront puts in CloudFront-Viewer-Address.
   */
  behindCloudFront: z.boolean().default(false),
  /** Where the search index snapshot lives in AWS (s3://bucket/key); unset locally (built in process). */
  searchSnapshot: z.string().optional(),
  /**
   * Card payments (Stripe Checkout) for local runs: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, both or
   * neither; without a key the card option is hidden (docs/payments.md). Never set from the repo.
   */
  stripeSecretKey: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_…)').optional(),
  stripeWebhookSecret: z.string().regex(/^whsec_\w+$/, 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)').optional(),
  /** In AWS: the Secrets Manager secret holding `{ "secretKey": …, "webhookSecret": … }`, read once per container. */
  stripeSecretArn: z.string().startsWith('arn:').optional(),
}).refine((c) => !isInsideDir(c.evidenceDir, c.mediaDir) && !isInsideDir(c.mediaDir, c.evidenceDir), {
  message: 'EVIDENCE_DIR must be outside MEDIA_DIR: everything under MEDIA_DIR is served publicly at /media',
  path: ['evidenceDir'],
}).refine((c) => !c.stripeSecretKey === !c.stripeWebhookSecret, {
  message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: without the webhook secret no payment is ever confirmed',
  path: ['stripeWebhookSecret'],
});
export type AppConfig = z.infer<typeof ConfigSchema>;

/**
 * What a deployed function (stage dev/prod) must also have: the public origin (first of
 * PUBLIC_ORIGINS, set by the stack) for absolute links such as the QR codes printed on packaging,
 * which must never encode the API Gateway host the Lambda sees.
 */
export const DeployedConfigSchema = ConfigSchema.refine((c) => c.stage === 'local' || c.stage === 'test' || c.publicOrigins.length > 0, {
  message: 'PUBLIC_ORIGINS is required outside local/test (set by the stack: the CloudFront domain or -c publicOrigin)',
  path: ['publicOrigins'],
});

/** The Lambda functions' configuration; refuses to start a deployed stage without its public origin. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return DeployedConfigSchema.parse(rawConfigFromEnv(env));
}

/**
 * A scheduled job's configuration: the same variables, without the public origin, which only the
 * API needs (for absolute links) and the stack does not give the jobs.
 */
export function jobConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return ConfigSchema.parse(rawConfigFromEnv(env));
}

function rawConfigFromEnv(env: NodeJS.ProcessEnv) {
  return ({
    tableName: env.TABLE_NAME,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION,
    mediaBaseUrl: env.MEDIA_BASE_URL || undefined,
    mapTileUrl: env.MAP_TILE_URL || undefined,
    mediaDir: env.MEDIA_DIR || undefined,
    mediaBucket: env.MEDIA_BUCKET || undefined,
    evidenceDir: env.EVIDENCE_DIR || undefined,
    evidenceBucket: env.EVIDENCE_BUCKET || undefined,
    staticBaseUrl: env.STATIC_BASE_URL || undefined,
    stage: env.STAGE || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    sessionSecretArn: env.SESSION_SECRET_ARN || undefined,
    trustForwardedHost: env.TRUST_FORWARDED_HOST === 'true',
    behindCloudFront: env.BEHIND_CLOUDFRONT === 'true',
    searchSnapshot: env.SEARCH_SNAPSHOT || undefined,
    stripeSecretKey: env.STRIPE_SECRET_KEY || undefined,
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    stripeSecretArn: env.STRIPE_SECRET_ARN || undefined,
    publicOrigins: env.PUBLIC_ORIGINS ? env.PUBLIC_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : undefined,
  });
}
