import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lambdaBundling } from './lambda-bundling';
import { resolve } from 'node:path';
import type { EnvSettings } from '../environments';
import { lockFile, repoRoot } from '../paths';

export const expiryJobEntry = resolve(repoRoot, 'functions/registry-jobs/expiry-handler.ts');

/** Query the expiry buckets, put notices, mark lapses (UpdateItem). Base table only; never Scan. */
export const expiryJobTableActions = ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** The only partitions the job may touch (docs/registry.md): enforced by IAM, not just by the code. */
export const expiryJobLeadingKeys = ['EXPIRY#*', 'NOTIFY#*'];

export interface RegistryJobsProps {
  readonly table: ITableV2;
  readonly settings: EnvSettings;
  /** The API function's runtime (apiRuntime): all Lambdas move together, as cdk-nag L1 wants. */
  readonly runtime: Runtime;
}

/** Daily certificate-expiry job: EventBridge rule → Lambda (functions/registry-jobs/expiry-handler.ts). */
export class RegistryJobs extends Construct {
  readonly expiryJob: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: RegistryJobsProps) {
    super(scope, id);
    const { table, settings } = props;
    this.logGroup = new LogGroup(this, 'Logs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Ocop certificate expiry job: read expiry buckets, write producer notices, write its own log group',
    });
    this.logGroup.grantWrite(this.role);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: expiryJobTableActions,
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': expiryJobLeadingKeys } },
      }),
    );

    this.expiryJob = new NodejsFunction(this, 'ExpiryJob', {
      description: 'Ocop market: daily OCOP certificate expiry notices (90/30/7 days, expired)',
      entry: expiryJobEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: props.runtime,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.minutes(5),
      // One run at a time: overlapping runs would be harmless (conditional writes) but wasteful.
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        STAGE: settings.name,
        POWERTOOLS_SERVICE_NAME: 'ocop-registry-jobs',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: lambdaBundling(),
    });

    this.rule = new Rule(this, 'Daily', {
      description: 'OCOP certificate expiry notices, once a day',
      schedule: Schedule.cron({ minute: '0', hour: '0' }), // 07:00 in Vietnam, before office hours
      targets: [new LambdaFunction(this.expiryJob, { retryAttempts: 2 })],
    });
  }
}
