import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvSettings } from '../environments';
import { apiEntry, lockFile, repoRoot, tsconfigFile } from '../paths';

export interface ApiFunctionProps {
  readonly table: ITableV2;
  readonly settings: EnvSettings;
}

/** The newest Node.js runtime this aws-cdk-lib knows; cdk-nag (AwsSolutions-L1) requires exactly that. */
export const apiRuntime = Runtime.NODEJS_24_X;

/**
 * The only DynamoDB actions the API may call: its routes are read-only at this stage. A route that
 * writes (orders, seller edits) must add its actions here, and tests/infra/stack.test.ts with them.
 */
const apiTableActions = ['dynamodb:GetItem', 'dynamodb:Query'];

// esbuild's ESM output has no `require`; CommonJS dependencies that call it need one.
const requireBanner =
  "import { createRequire as __ocopCreateRequire } from 'node:module'; const require = __ocopCreateRequire(import.meta.url);";

/** The API Lambda (functions/api/handler.ts), its log group and its least-privilege role. */
export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { table, settings } = props;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
    });

    // A role of our own instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole (logs on every log group in the account).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Ocop API function: read the table, write its own log group',
    });
    this.logGroup.grantWrite(this.role);
    // Not table.grantReadData: that adds Scan, BatchGetItem, ConditionCheckItem, DescribeTable…
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: apiTableActions,
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );

    this.fn = new NodejsFunction(this, 'Function', {
      description: 'Ocop market HTTP API (Hono)',
      entry: apiEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: apiRuntime,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        // Same-origin paths: CloudFront serves /media and /static from the bucket.
        MEDIA_BASE_URL: '/media',
        STATIC_BASE_URL: '/static',
        STAGE: settings.name,
        LOG_LEVEL: 'INFO',
        POWERTOOLS_SERVICE_NAME: 'ocop-market',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Line mapping is what stack traces need; embedding sources would double the asset.
        sourcesContent: false,
        banner: requireBanner,
        // The Node.js runtime ships SDK v3; bundling our own copy only adds cold-start weight.
        externalModules: ['@aws-sdk/*'],
        loader: { '.json': 'json' },
        tsconfig: tsconfigFile,
      },
    });
  }
}
