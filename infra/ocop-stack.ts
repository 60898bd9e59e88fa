import { CfnOutput, Fn, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AccessLogBucket } from './constructs/access-log-bucket';
import { ApiFunction, apiRuntime } from './constructs/api-function';
import { DataTable } from './constructs/data-table';
import { Edge } from './constructs/edge';
import { EvidenceBucket } from './constructs/evidence-bucket';
import { PublicHttpApi } from './constructs/http-api';
import { SearchIndex } from './constructs/search-index';
import { ScheduledJobFunction } from './constructs/scheduled-job';
import { moduleList as modules } from '../app/modules';
import { functionSpecs, gatewayRoutesOf } from '../app/functions';
import { ImagePipeline } from './constructs/image-pipeline';
import { MediaBucket } from './constructs/media-bucket';
import { StaticAssets } from './constructs/static-assets';
import type { EnvSettings } from './environments';
import { acknowledgeNagFindings } from './nag-suppressions';
import { publicOrigins } from './public-origin';
import { stripeSecret } from './stripe-secret';

export interface OcopStackProps extends StackProps {
  readonly settings: EnvSettings;
  /** Directory uploaded to `static/`. */
  readonly staticAssetsDir: string;
}

/** The whole market in one stack: table → API Lambda → HTTP API → CloudFront, plus the media bucket. */
export class OcopStack extends Stack {
  readonly data: DataTable;
  /** The function behind `$default`: the whole app (accounts, dashboards, console, orders, uploads). */
  readonly apiFunction: ApiFunction;
  /** The shopper's first click (app/public-read-modules.ts), read-only. */
  readonly publicReadFunction: ApiFunction;
  /** Search: owns the snapshot, loaded at init. */
  readonly searchFunction: ApiFunction;
  readonly httpApi: PublicHttpApi;
  readonly accessLogs: AccessLogBucket;
  readonly media: MediaBucket;
  readonly evidence: EvidenceBucket;
  readonly edge: Edge;
  readonly staticAssets: StaticAssets;
  readonly images: ImagePipeline;
  /** Every module's scheduled jobs, one Lambda + rule each. */
  readonly jobs: ScheduledJobFunction[];
  readonly search: SearchIndex;
  /** Stripe's keys (`-c stripeSecretName=…`); undefined: no card payments in this deployment. */
  readonly stripeSecret: ISecret | undefined;

  constructor(scope: Construct, id: string, props: OcopStackProps) {
    super(scope, id, props);
    const { settings } = props;
    Tags.of(this).add('project', 'ocop-market');
    Tags.of(this).add('stage', settings.name);

    this.data = new DataTable(this, 'Data');
    // app/functions.ts cuts the app; the `$default` one (ApiFunction) is built first and owns the session key.
    const byId = new Map<string, ApiFunction>();
    const specs = [...functionSpecs].sort((a, b) => Number(b.routing === 'default') - Number(a.routing === 'default'));
    for (const spec of specs) {
      const sessionSecret = byId.get('ApiFunction')?.sessionSecret;
      byId.set(spec.id, new ApiFunction(this, spec.id, { table: this.data.table, settings, ...spec, sessionSecret }));
    }
    this.apiFunction = byId.get('ApiFunction')!;
    this.publicReadFunction = byId.get('PublicReadFunction')!;
    this.searchFunction = byId.get('SearchFunction')!;
    this.jobs = modules
      .flatMap((m) => m.jobs ?? [])
      .map((job) => new ScheduledJobFunction(this, job.id, { job, table: this.data.table, settings, runtime: apiRuntime }));
    this.httpApi = new PublicHttpApi(this, 'HttpApi', {
      handler: this.apiFunction.fn,
      settings,
      routed: functionSpecs
        .filter((spec) => spec.routing === 'own-gets')
        .map((spec) => ({ id: spec.id, handler: byId.get(spec.id)!.fn, routes: gatewayRoutesOf(spec) })),
    });
    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', { settings });
    this.media = new MediaBucket(this, 'Media', { settings, accessLogsBucket: this.accessLogs.bucket });
    this.evidence = new EvidenceBucket(this, 'Evidence', { settings, accessLogsBucket: this.accessLogs.bucket });
    this.evidence.grantEvidenceReadWrite(this.apiFunction.fn);
    // Card payments: only when the operator names the secret holding Stripe's keys (docs/payments.md).
    this.stripeSecret = stripeSecret(this, 'StripeSecret');
    if (this.stripeSecret) {
      this.stripeSecret.grantRead(this.apiFunction.role);
      this.apiFunction.fn.addEnvironment('STRIPE_SECRET_ARN', this.stripeSecret.secretArn);
    }
    this.search = new SearchIndex(this, 'Search', { table: this.data.table, settings, accessLogsBucket: this.accessLogs.bucket, runtime: apiRuntime });
    // The app function keeps its in-process index (its writes update it); the search function serves queries.
    for (const fn of [this.apiFunction, this.searchFunction]) {
      this.search.grantSnapshotRead(fn.role);
      fn.fn.addEnvironment('SEARCH_SNAPSHOT', this.search.snapshotLocation);
    }
    this.images = new ImagePipeline(this, 'Images', {
      bucket: this.media.bucket,
      table: this.data.table,
      settings,
      runtime: apiRuntime,
      api: this.apiFunction.fn,
    });
    this.edge = new Edge(this, 'Edge', {
      api: this.httpApi.api,
      bucket: this.media.bucket,
      logBucket: this.accessLogs.bucket,
    });
    // Absolute links (QR codes on packaging) and the CSRF origin check: the configured custom domain
    // first, then the CloudFront domain, never the API Gateway host (which changes with a rebuild).
    const origins = publicOrigins(this, this.edge.distribution.distributionDomainName);
    for (const fn of byId.values()) fn.fn.addEnvironment('PUBLIC_ORIGINS', origins);
    // Jobs may write absolute links too (notices): they get the same origin.
    for (const job of this.jobs) job.fn.addEnvironment('PUBLIC_ORIGINS', origins);
    this.staticAssets = new StaticAssets(this, 'StaticAssets', {
      sourceDir: props.staticAssetsDir,
      bucket: this.media.bucket,
      distribution: this.edge.distribution,
    });

    new CfnOutput(this, 'DistributionDomainName', {
      description: 'Public entry point (https://…)',
      value: this.edge.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'ApiEndpoint', {
      description: 'HTTP API endpoint (bypasses CloudFront; for diagnostics)',
      value: this.httpApi.api.apiEndpoint,
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'MediaBucketName', { value: this.media.bucket.bucketName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidence.bucket.bucketName });
    new CfnOutput(this, 'PublicOrigin', { description: 'Encoded in verification QR codes', value: Fn.select(0, Fn.split(',', origins)) });

    acknowledgeNagFindings(this);
  }
}
