import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Architecture, EventSourceMapping, FilterCriteria, FilterRule, StartingPosition, type Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { lambdaBundling } from './lambda-bundling';
import { resolve } from 'node:path';
import type { EnvSettings } from '../environments';
import { lockFile, repoRoot } from '../paths';

export const searchIndexerEntry = resolve(repoRoot, 'functions/search-indexer/handler.ts');
export const SNAPSHOT_KEY = 'search/index-v1.json.gz';

/** Table reads of a full rebuild: one Query over `LIST#ALL`, BatchGetItem of products and profiles. Never Scan. */
export const indexerTableActions = ['dynamodb:Query', 'dynamodb:BatchGetItem'];
export const indexerStreamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

export interface SearchIndexProps {
  /** The table, with a stream of NEW_AND_OLD_IMAGES (or NEW_IMAGE). */
  readonly table: ITableV2;
  readonly settings: EnvSettings;
  readonly accessLogsBucket: IBucket;
  /** The API function's runtime (apiRuntime), so both Lambdas move together. */
  readonly runtime: Runtime;
  /** How long DynamoDB Streams batches are held before the indexer runs: part of the freshness bound. */
  readonly batchingWindow?: Duration;
}

/**
 * Search index pipeline (docs/search.md): DynamoDB Streams → indexer Lambda (single writer) → one
 * gzip JSON snapshot in a private bucket → read by the API Lambda, which re-checks its ETag every
 * 30 s. A daily full rebuild from the table repairs anything a dropped batch may have missed.
 */
export class SearchIndex extends Construct {
  readonly bucket: Bucket;
  readonly indexer: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** `s3://bucket/key`, the value of SEARCH_SNAPSHOT for the API and the indexer. */
  readonly snapshotLocation: string;

  constructor(scope: Construct, id: string, props: SearchIndexProps) {
    super(scope, id);
    const { table, settings } = props;
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('SearchIndex needs the table stream (dynamoStream: NEW_AND_OLD_IMAGES on the TableV2)');

    // Derived data, rebuilt from the table at will: no versioning, nothing to recover.
    this.bucket = new Bucket(this, 'Snapshots', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'search-bucket/',
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects: settings.removalPolicy === RemovalPolicy.DESTROY,
    });
    this.snapshotLocation = `s3://${this.bucket.bucketName}/${SNAPSHOT_KEY}`;

    this.logGroup = new LogGroup(this, 'Logs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Ocop search indexer: read the table stream and listing/product items, write the search snapshot',
    });
    this.logGroup.grantWrite(this.role);
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: indexerTableActions, resources: [table.tableArn] }));
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: indexerStreamActions, resources: [streamArn] }));
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(SNAPSHOT_KEY)] }),
    );
    this.grantSnapshotRead(this.role);

    this.indexer = new NodejsFunction(this, 'Indexer', {
      description: 'Ocop market search indexer (DynamoDB Streams → S3 snapshot)',
      entry: searchIndexerEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: props.runtime,
      architecture: Architecture.ARM_64,
      // Holds the index twice while it serialises (~130 MB at 20,000 products): docs/search.md.
      memorySize: 1024,
      timeout: Duration.minutes(2),
      // The one writer of the snapshot: batches apply in order, and no write is lost to a race.
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        SEARCH_SNAPSHOT: this.snapshotLocation,
        POWERTOOLS_SERVICE_NAME: 'ocop-search-indexer',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: lambdaBundling(),
    });

    new EventSourceMapping(this, 'TableChanges', {
      target: this.indexer,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 1000,
      maxBatchingWindow: props.batchingWindow ?? Duration.seconds(10),
      parallelizationFactor: 1,
      retryAttempts: 10,
      bisectBatchOnError: true,
      // Only product items and producer profiles change what search shows (stream-changes.ts).
      filters: [FilterCriteria.filter({ dynamodb: { Keys: { SK: { S: FilterRule.or('PRODUCT', 'PROFILE') } } } })],
    });

    new Rule(this, 'NightlyRebuild', {
      description: 'Full search index rebuild from the table (repairs batches dropped after retries)',
      schedule: Schedule.cron({ minute: '0', hour: '19' }), // 02:00 in Vietnam
      targets: [new LambdaFunction(this.indexer, { event: RuleTargetInput.fromObject({ rebuild: true }), retryAttempts: 2 })],
    });
  }

  /**
   * Lets a search-serving function read the snapshot: GetObject on the one key, and ListBucket limited
   * to that key so a snapshot not written yet answers 404 (fall back to the table), not 403.
   */
  grantSnapshotRead(grantee: IGrantable): void {
    const principal = grantee.grantPrincipal;
    principal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(SNAPSHOT_KEY)] }),
    );
    principal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringEquals: { 's3:prefix': [SNAPSHOT_KEY] } },
      }),
    );
  }
}
