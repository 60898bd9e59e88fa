import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import type { ScheduledJob } from '../../shared/module/define-module';
import type { EnvSettings } from '../environments';
import { lockFile, repoRoot } from '../paths';
import { lambdaBundling } from './lambda-bundling';

export interface ScheduledJobFunctionProps {
  /** A module's declaration (shared/<module>/module.ts `jobs`). */
  readonly job: ScheduledJob;
  readonly table: ITableV2;
  readonly settings: EnvSettings;
  /** The API function's runtime (apiRuntime): all Lambdas move together, as cdk-nag L1 wants. */
  readonly runtime: Runtime;
}

/** One module job: EventBridge rule → its own Lambda, with a role limited to the job's actions and partitions. */
export class ScheduledJobFunction extends Construct {
  readonly job: ScheduledJob;
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledJobFunctionProps) {
    super(scope, id);
    const { job, table, settings } = props;
    this.job = job;
    this.logGroup = new LogGroup(this, 'Logs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${job.description}: its table partitions and its own log group`,
    });
    this.logGroup.grantWrite(this.role);
    // The partitions it may touch are enforced by IAM, not just by the code.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: job.tableActions.map((a) => `dynamodb:${a}`),
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...job.leadingKeys] } },
      }),
    );

    if (job.indexQueries && job.indexQueries.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: job.indexQueries.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }

    this.fn = new NodejsFunction(this, 'Function', {
      description: job.description,
      entry: resolve(repoRoot, job.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: props.runtime,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.minutes(job.timeoutMinutes),
      // One run at a time: overlapping runs would be harmless (conditional writes) but wasteful.
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        STAGE: settings.name,
        POWERTOOLS_SERVICE_NAME: `ocop-job-${job.id}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: lambdaBundling(),
    });

    this.rule = new Rule(this, 'Schedule', {
      description: job.description,
      schedule: Schedule.cron({ minute: job.schedule.minute, hour: job.schedule.hour }),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2 })],
    });
  }
}
