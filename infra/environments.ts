import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const envNames = ['dev', 'prod'] as const;
export type EnvName = (typeof envNames)[number];

/** Everything that differs between dev and prod, in one place, so the constructs stay free of `if (prod)`. */
export interface EnvSettings {
  readonly name: EnvName;
  readonly logRetention: RetentionDays;
  /**
   * For buckets and log groups only. The table is always retained (see DataTable): losing
   * producer and certificate data is never a cheap mistake, even in dev.
   */
  readonly removalPolicy: RemovalPolicy;
  /** How long S3 server access logs and CloudFront logs are kept. */
  readonly accessLogExpiration: Duration;
  /** Overwritten or deleted media stays recoverable this long. */
  readonly noncurrentMediaExpiration: Duration;
  /** Default-stage throttling: a cheap guard against a runaway client or a scripted scrape. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
}

const settings: Record<EnvName, EnvSettings> = {
  dev: {
    name: 'dev',
    logRetention: RetentionDays.ONE_MONTH,
    // Dev media is seed data: `cdk destroy` should leave nothing behind but the table.
    removalPolicy: RemovalPolicy.DESTROY,
    accessLogExpiration: Duration.days(30),
    noncurrentMediaExpiration: Duration.days(7),
    throttle: { rateLimit: 200, burstLimit: 400 },
  },
  prod: {
    name: 'prod',
    logRetention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    accessLogExpiration: Duration.days(365),
    noncurrentMediaExpiration: Duration.days(90),
    throttle: { rateLimit: 200, burstLimit: 400 },
  },
};

export function isEnvName(value: unknown): value is EnvName {
  return typeof value === 'string' && (envNames as readonly string[]).includes(value);
}

export function envSettings(name: unknown): EnvSettings {
  if (!isEnvName(name)) {
    throw new Error(`Unknown environment ${JSON.stringify(name)}: use -c env=${envNames.join('|')}`);
  }
  return settings[name];
}
