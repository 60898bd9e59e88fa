import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Architecture, type Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { lambdaBundling } from './lambda-bundling';
import { resolve } from 'node:path';
import { MEDIA_PREFIX, UPLOADS_PREFIX } from '../../shared/media/image-keys';
import type { EnvSettings } from '../environments';
import { lockFile, repoRoot } from '../paths';

export const imageProcessorEntry = resolve(repoRoot, 'functions/image-processor/handler.ts');
/** Read the pending UPLOAD# item, write it back settled. Nothing else in the table. */
export const processorTableActions = ['dynamodb:GetItem', 'dynamodb:PutItem'];

export interface ImagePipelineProps {
  readonly bucket: Bucket;
  readonly table: ITableV2;
  readonly settings: EnvSettings;
  /** The API function's runtime, so both Lambdas move together. */
  readonly runtime: Runtime;
  /** The API's role: it presigns PUTs, which are only as strong as its own s3:PutObject. */
  readonly api: IGrantable & { addEnvironment(key: string, value: string): unknown };
}

/**
 * Direct-to-S3 image uploads (docs/images.md): the API presigns a PUT to `uploads/<producer>/<id>`,
 * S3 calls the processor, which runs the same pipeline as the local route (shared/media) and
 * writes WebP variants under `media/`, which CloudFront serves.
 */
export class ImagePipeline extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ImagePipelineProps) {
    super(scope, id);
    const { bucket, table, settings, api } = props;

    this.logGroup = new LogGroup(this, 'Logs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Ocop image processor: read and delete raw uploads, write media variants, settle UPLOAD# items, its own logs',
    });
    this.logGroup.grantWrite(this.role);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject', 's3:DeleteObject'], resources: [bucket.arnForObjects(`${UPLOADS_PREFIX}*`)] }),
    );
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${MEDIA_PREFIX}*`)] }));
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: processorTableActions, resources: [table.tableArn] }));

    this.fn = new NodejsFunction(this, 'Function', {
      description: 'Ocop image processor: validates uploads and writes WebP variants (sharp)',
      entry: imageProcessorEntry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: props.runtime,
      architecture: Architecture.ARM_64,
      // libvips is CPU-bound: more memory is more vCPU, and a 40 MP photo decodes to ~160 MB.
      memorySize: 2048,
      timeout: Duration.seconds(60),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        MEDIA_BUCKET: bucket.bucketName,
        POWERTOOLS_SERVICE_NAME: 'ocop-image-processor',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: lambdaBundling({
        // sharp is native: installed beside the bundle rather than bundled, and for the Lambda's
        // platform (linux arm64, glibc), not the build machine's, through npm's os/cpu/libc config.
        nodeModules: ['sharp'],
        environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
      }),
    });

    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: UPLOADS_PREFIX });
    // A presigned URL that was never used, or an upload the processor could not settle, does not linger.
    bucket.addLifecycleRule({ id: 'expire-raw-uploads', prefix: UPLOADS_PREFIX, expiration: Duration.days(2) });

    // Presigned PUTs (API clients) and presigned POSTs (the dashboard's plain HTML form, docs/images.md)
    // can reach uploads/ only: the API can never write a served media/ key directly. A POST policy needs
    // the same s3:PutObject and nothing more, and a form post is a navigation, not a CORS request, so
    // the bucket needs no CORS rule for it.
    api.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${UPLOADS_PREFIX}*`)] }),
    );
    api.addEnvironment('MEDIA_BUCKET', bucket.bucketName);
  }
}
