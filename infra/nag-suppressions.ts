import { DefaultStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { ApiFunction } from './constructs/api-function';
import type { DataTable } from './constructs/data-table';
import type { PublicHttpApi } from './constructs/http-api';
import type { ImagePipeline } from './constructs/image-pipeline';
import type { Edge } from './constructs/edge';
import type { EvidenceBucket } from './constructs/evidence-bucket';
import type { MediaBucket } from './constructs/media-bucket';
import type { StaticAssets } from './constructs/static-assets';

/** The parts of the stack the findings are about (structural, so this file does not import the stack). */
export interface NagSubject extends Stack {
  readonly httpApi: PublicHttpApi;
  readonly apiFunction: ApiFunction;
  readonly publicReadFunction: ApiFunction;
  readonly searchFunction: ApiFunction;
  readonly data: DataTable;
  readonly media: MediaBucket;
  readonly images: ImagePipeline;
  readonly edge: Edge;
  readonly staticAssets: StaticAssets;
  readonly evidence: EvidenceBucket;
}

/**
 * Every cdk-nag (AwsSolutions) finding this stack accepts, with the reason, in one reviewable list.
 *
 * cdk-nag v3 uses CDK's own `Validations.of(x).acknowledge()`; an acknowledgement covers the
 * construct it is put on and everything below it, and IAM findings are acknowledged one by one
 * (`AwsSolutions-IAM5[Resource::…]`), which is the old `appliesTo`. Findings name resources the
 * way cdk-nag prints them (`<LogicalId.Arn>`), so they are computed from the constructs here:
 * renaming a construct cannot leave a stale suppression behind or silently widen one.
 */
export function acknowledgeNagFindings(stack: NagSubject): void {
  const acknowledge = (scope: IConstruct, id: string, reason: string) =>
    Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });

  // --- API Gateway -------------------------------------------------------------------------
  acknowledge(
    stack.httpApi.api,
    'APIG4',
    'Public marketplace: browsing is anonymous by design; signed-in routes are authorised inside the app (session JWT + role and object checks, tests/authz matrix), not by an API Gateway authorizer.',
  );

  // --- Session signing key ---------------------------------------------------------------------
  acknowledge(
    stack.apiFunction.sessionSecret,
    'SMG4',
    'HS256 session key: rotating it signs every user out, so it is rotated by hand (new version, redeploy) during a quiet hour, not on a schedule.',
  );

  // --- The API functions' own policies (app/functions.ts) ------------------------------------
  const table = stack.data.table;
  for (const fn of [stack.apiFunction, stack.publicReadFunction, stack.searchFunction]) {
    acknowledge(
      fn.role,
      `IAM5[Resource::${nagRef(stack, `${table.tableArn}/index/*`)}]`,
      'Query on the GSIs of this one table only; the index names come from shared/db/table-definition.ts and grow with it.',
    );
  }

  // --- Certificate evidence (infra/constructs/evidence-bucket.ts, docs/registry.md) -------------
  acknowledge(
    stack.apiFunction.role,
    `IAM5[Resource::${nagRef(stack, stack.evidence.bucket.arnForObjects('evidence/*'))}]`,
    'Get/Put/DeleteObject under evidence/ of the private evidence bucket only: keys are uuids minted per file, so no fixed ARN exists; CloudFront has no access to this bucket.',
  );

  // --- Image pipeline (infra/constructs/image-pipeline.ts, docs/images.md) -----------------------
  const uploadObjects = nagRef(stack, stack.media.bucket.arnForObjects('uploads/*'));
  const servedMedia = nagRef(stack, stack.media.bucket.arnForObjects('media/*'));
  acknowledge(
    stack.apiFunction.role,
    `IAM5[Resource::${uploadObjects}]`,
    'PutObject under uploads/ only, for presigned upload URLs: object names are uuids minted per upload, so no fixed ARN exists; served media/ stays out of reach.',
  );
  acknowledge(
    stack.images.role,
    `IAM5[Resource::${uploadObjects}]`,
    'The image processor reads and then deletes each raw upload; keys are uuids minted per upload, confined to the uploads/ prefix.',
  );
  acknowledge(
    stack.images.role,
    `IAM5[Resource::${servedMedia}]`,
    'The image processor writes WebP variants under new uuid keys in media/ (PutObject only: it cannot read or delete served media).',
  );
  const notificationsHandler = stack.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
  if (!notificationsHandler) throw new Error('no BucketNotificationsHandler: the uploads/ event notification is missing');
  acknowledge(
    notificationsHandler,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'CDK-managed BucketNotifications handler (sets the uploads/ event notification at deploy time only, never invoked by users): CDK attaches the basic execution role for its logs.',
  );

  // --- CloudFront ----------------------------------------------------------------------------
  const distribution = stack.edge.distribution;
  acknowledge(
    distribution,
    'CFR1',
    'No geo restriction: OCOP producers sell to the Vietnamese diaspora and foreign buyers too.',
  );
  acknowledge(
    distribution,
    'CFR2',
    'No WAF yet: a web ACL costs more than this stage is worth; API stage throttling limits abuse. Revisit before launch or when writes are exposed.',
  );
  acknowledge(
    distribution,
    'CFR4',
    'Default *.cloudfront.net certificate until the market has a custom domain (then ACM + TLSv1.2_2021); viewers are already redirected to HTTPS.',
  );

  // --- CDK-managed BucketDeployment handler (a singleton Lambda CDK writes and versions) ------
  const deploymentHandler = stack.staticAssets.deployment.handlerRole.node.scope;
  if (!deploymentHandler) throw new Error('BucketDeployment handler role has no parent function');
  const cdkManaged = 'CDK-managed BucketDeployment handler (uploads web/dist on deploy only, never invoked by users)';
  acknowledge(deploymentHandler, 'L1', `${cdkManaged}: CDK chooses and updates its Python runtime.`);
  acknowledge(
    deploymentHandler,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    `${cdkManaged}: CDK attaches the basic execution role for its CloudWatch logs.`,
  );
  const assetObjects = `arn:<AWS::Partition>:s3:::${fileAssetsBucketName(stack)}/*`;
  const mediaObjects = nagRef(stack, stack.media.bucket.arnForObjects('*'));
  const wildcards: Array<[string, string]> = [
    ['Action::s3:GetObject*', 'reads the staged asset zip'],
    ['Action::s3:GetBucket*', 'reads bucket metadata while syncing'],
    ['Action::s3:List*', 'lists both buckets to compute the sync and prune'],
    ['Action::s3:DeleteObject*', 'prunes stale files under static/ only (destinationKeyPrefix)'],
    ['Action::s3:Abort*', 'aborts its own failed multipart uploads'],
    [`Resource::${assetObjects}`, 'the CDK bootstrap asset bucket, read-only'],
    [`Resource::${mediaObjects}`, 'the media bucket objects; the sync is limited to static/ by prefix'],
    ['Resource::*', 'cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on *'],
  ];
  for (const [finding, why] of wildcards) {
    acknowledge(deploymentHandler, `IAM5[${finding}]`, `${cdkManaged}: ${why}.`);
  }
}

/** How cdk-nag prints a CloudFormation reference in finding ids: `<Logical.Attr>`, `<AWS::Region>`. */
export function nagRef(scope: IConstruct, value: string): string {
  const visit = (node: unknown): string => {
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['Fn::Join'])) {
        const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
        return items.map(visit).join(delimiter);
      }
      if (o['Fn::Sub'] !== undefined) return visit(o['Fn::Sub']);
      if (Array.isArray(o['Fn::GetAtt'])) {
        const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
        return `<${visit(resource)}.${visit(attribute)}>`;
      }
      if (o.Ref !== undefined) return `<${visit(o.Ref)}>`;
    }
    return JSON.stringify(node);
  };
  return visit(Stack.of(scope).resolve(value));
}

function fileAssetsBucketName(stack: Stack): string {
  const qualifier =
    (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return nagRef(stack, DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace('${Qualifier}', qualifier));
}
