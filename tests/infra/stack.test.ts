import { App, Stack } from 'aws-cdk-lib';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataTable } from '../../infra/constructs/data-table';
import { configFromEnv } from '../../shared/config';
import { createTableInput } from '../../shared/db/create-table';
import { tableDefinition } from '../../app/table';
import type { TableDefinition } from '../../shared/db/table-definition';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

let f: StackFixture;
beforeAll(() => {
  f = synthStack('dev');
});
afterAll(() => f?.dispose());

const resource = (logicalId: string): Json => {
  const r = f.template.toJSON().Resources[logicalId];
  if (!r) throw new Error(`no resource ${logicalId}`);
  return r;
};
const only = (type: string): Json => {
  const found = Object.values(f.template.findResources(type));
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const getAtt = (logicalId: string, attr: string) => ({ 'Fn::GetAtt': [logicalId, attr] });
const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: readonly T[] = []) =>
  [...items].sort((a, b) => String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)));

/** The table parts that must equal the local CreateTable input built from the same definition. */
function expectTableMatchesDefinition(table: Json, def: TableDefinition) {
  const expected = createTableInput('unused', def);
  const p = table.Properties;
  expect(p.KeySchema).toEqual(expected.KeySchema);
  expect(byName(p.AttributeDefinitions)).toEqual(byName(expected.AttributeDefinitions));
  expect(byName(p.GlobalSecondaryIndexes)).toEqual(byName(expected.GlobalSecondaryIndexes));
  expect(p.BillingMode).toBe(expected.BillingMode);
  expect(p.TimeToLiveSpecification).toEqual({ AttributeName: def.timeToLiveAttribute, Enabled: true });
}

describe('DynamoDB table', () => {
  it('has the keys, indexes and TTL of shared/db/table-definition.ts, as the local table does', () => {
    expectTableMatchesDefinition(only('AWS::DynamoDB::GlobalTable'), tableDefinition);
  });

  it('maps any definition, not just the current one (number keys, other indexes)', () => {
    const def: TableDefinition = {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'n', type: 'N' },
      globalSecondaryIndexes: [{ indexName: 'byScore', partitionKey: { name: 'g', type: 'S' }, sortKey: { name: 'score', type: 'N' } }],
      timeToLiveAttribute: 'expiresAt',
    };
    // Built-in cfn-lint validation off: it is most of a synth's time, and synth.test.ts runs it.
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'TableOnly');
    new DataTable(stack, 'Data', { definition: def });
    const [table] = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::GlobalTable'));
    expectTableMatchesDefinition(table!, def);
  });

  it('is on-demand, point-in-time recoverable, deletion-protected, retained and AWS-key encrypted', () => {
    const table = only('AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    const [replica, ...others] = table.Properties.Replicas;
    expect(others).toHaveLength(0);
    expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica.DeletionProtectionEnabled).toBe(true);
  });
});

describe('API function', () => {
  const fnProps = () => resource(f.logicalId(f.stack.apiFunction.fn)).Properties;

  it('runs on arm64 with a current Node.js runtime, 1024 MB, 10 s', () => {
    const p = fnProps();
    expect(p.Architectures).toEqual(['arm64']);
    const major = Number(/^nodejs(\d+)\.x$/.exec(p.Runtime)?.[1]);
    expect(major).toBeGreaterThanOrEqual(20);
    expect(p.MemorySize).toBe(1024);
    expect(p.Timeout).toBe(10);
    expect(p.Handler).toBe('index.handler');
  });

  it('logs to its own log group', () => {
    expect(fnProps().LoggingConfig).toEqual({ LogGroup: { Ref: f.logicalId(f.stack.apiFunction.logGroup) } });
  });

  it('gets the environment shared/config.ts reads, with TABLE_NAME referencing the table', () => {
    const vars = fnProps().Environment.Variables;
    expect(vars.TABLE_NAME).toEqual({ Ref: f.logicalId(f.stack.data.table) });
    expect(vars.SESSION_SECRET_ARN).toEqual({ Ref: f.logicalId(f.stack.apiFunction.sessionSecret) });
    expect(vars).toMatchObject({
      TRUST_FORWARDED_HOST: 'true',
      BEHIND_CLOUDFRONT: 'true',
      MEDIA_BASE_URL: '/media',
      STATIC_BASE_URL: '/static',
      STAGE: 'dev',
      LOG_LEVEL: 'INFO',
      POWERTOOLS_SERVICE_NAME: 'ocop-market',
      NODE_OPTIONS: '--enable-source-maps',
    });
    // The values must also be valid for the app's own config schema (e.g. STAGE is one of its stages).
    const config = configFromEnv({
      ...vars,
      TABLE_NAME: 'OcopMarket-dev-table',
      SESSION_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:s',
      MEDIA_BUCKET: 'ocop-media-dev',
      EVIDENCE_BUCKET: 'ocop-evidence-dev',
      SEARCH_SNAPSHOT: 's3://ocop-search-dev/search/index.json',
      PUBLIC_ORIGINS: 'https://d111111abcdef8.cloudfront.net',
      AWS_REGION: 'ap-southeast-1',
    });
    // The search Lambda side reads the index snapshot the indexer writes (infra/constructs/search-index.ts).
    expect(vars.SEARCH_SNAPSHOT).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: f.logicalId(f.stack.search.bucket) }, expect.stringMatching(/^\//)]] });
    expect(config.searchSnapshot).toBe('s3://ocop-search-dev/search/index.json');
    // Presigned uploads (infra/constructs/image-pipeline.ts) go to the media bucket.
    expect(vars.MEDIA_BUCKET).toEqual({ Ref: f.logicalId(f.stack.media.bucket) });
    expect(config.mediaBucket).toBe('ocop-media-dev');
    // Evidence goes to its own private bucket (infra/constructs/evidence-bucket.ts).
    expect(vars.EVIDENCE_BUCKET).toEqual({ Ref: f.logicalId(f.stack.evidence.bucket) });
    expect(config.evidenceBucket).toBe('ocop-evidence-dev');
    // QR codes and the CSRF check use the CloudFront domain, never the API Gateway host the Lambda sees.
    expect(vars.PUBLIC_ORIGINS).toEqual({ 'Fn::Join': ['', ['https://', getAtt(f.logicalId(f.stack.edge.distribution), 'DomainName')]] });
    expect(config.publicOrigins).toEqual(['https://d111111abcdef8.cloudfront.net']);
    expect(config).toMatchObject({ tableName: 'OcopMarket-dev-table', stage: 'dev', mediaBaseUrl: '/media', staticBaseUrl: '/static', trustForwardedHost: true });
  });

  it('role may only use item-level DynamoDB actions (never Scan) on the table, read its secret and write its own log group', () => {
    const roleId = f.logicalId(f.stack.apiFunction.role);
    const role = resource(roleId);
    expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    expect(role.Properties.Policies ?? []).toEqual([]);

    const policies = Object.values(f.template.findResources('AWS::IAM::Policy')).filter((p) =>
      (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId),
    );
    const statements: Json[] = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const actionsOf = (s: Json): string[] => [s.Action].flat();
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(statements.flatMap(actionsOf).filter((a) => a.includes('*'))).toEqual([]);

    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap(actionsOf).sort()).toEqual([
      'dynamodb:BatchGetItem',
      // The livestream start notices (25 per BatchWriteItem); without it they failed on AWS, logged only.
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    const tableArn = getAtt(f.logicalId(f.stack.data.table), 'Arn');
    expect(dynamo.flatMap((s) => [s.Resource].flat())).toEqual([
      tableArn,
      { 'Fn::Join': ['', [tableArn, '/index/*']] },
    ]);

    const secrets = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(secrets.flatMap(actionsOf).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    expect(secrets.flatMap((s) => [s.Resource].flat())).toEqual([{ Ref: f.logicalId(f.stack.apiFunction.sessionSecret) }]);

    // Presigning: PutObject under uploads/ only, never on served media/.
    const mediaBucketArn = getAtt(f.logicalId(f.stack.media.bucket), 'Arn');
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')) && JSON.stringify(s.Resource).includes(f.logicalId(f.stack.media.bucket)));
    expect(s3.flatMap(actionsOf)).toEqual(['s3:PutObject']);
    expect(s3.flatMap((s) => [s.Resource].flat())).toEqual([{ 'Fn::Join': ['', [mediaBucketArn, '/uploads/*']] }]);

    // Search: read the index snapshot (and list, so a missing snapshot is a 404, not a 403) — nothing else.
    const searchBucket = f.logicalId(f.stack.search.bucket);
    const search = statements.filter((s) => JSON.stringify(s.Resource).includes(searchBucket));
    expect(search.flatMap(actionsOf).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);

    // Evidence: read/write/delete under evidence/ of the private evidence bucket, nothing else there.
    const evidenceBucket = f.logicalId(f.stack.evidence.bucket);
    const evidence = statements.filter((s) => JSON.stringify(s.Resource).includes(evidenceBucket));
    expect(evidence.flatMap(actionsOf).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(evidence.flatMap((s) => [s.Resource].flat())).toEqual([{ 'Fn::Join': ['', [getAtt(evidenceBucket, 'Arn'), '/evidence/*']] }]);

    const rest = statements.filter((s) => !dynamo.includes(s) && !secrets.includes(s) && !s3.includes(s) && !search.includes(s) && !evidence.includes(s));
    expect(rest.flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(rest.flatMap((s) => [s.Resource].flat())).toEqual([getAtt(f.logicalId(f.stack.apiFunction.logGroup), 'Arn')]);
  });
});

describe('HTTP API', () => {
  it('sends what no other function takes to the whole app through $default', () => {
    const routes = Object.values(f.template.findResources('AWS::ApiGatewayV2::Route'));
    const fallback = routes.filter((r) => r.Properties.RouteKey === '$default');
    expect(fallback).toHaveLength(1);
    const integrationId = String(fallback[0]!.Properties.Target['Fn::Join'][1][1].Ref);
    expect(resource(integrationId).Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: getAtt(f.logicalId(f.stack.apiFunction.fn), 'Arn'),
    });
  });

  it('has an auto-deployed $default stage with throttling and JSON access logs', () => {
    const stage = only('AWS::ApiGatewayV2::Stage').Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: { DestinationArn: getAtt(f.logicalId(f.stack.httpApi.accessLogs), 'Arn') },
    });
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });
});

describe('media bucket', () => {
  const mediaId = () => f.logicalId(f.stack.media.bucket);
  const bucketPolicyOf = (bucketId: string): Json[] =>
    Object.values(f.template.findResources('AWS::S3::BucketPolicy'))
      .filter((p) => p.Properties.Bucket.Ref === bucketId)
      .flatMap((p) => p.Properties.PolicyDocument.Statement);

  it('blocks all public access, is versioned, S3-encrypted and logs to the access-log bucket', () => {
    const p = resource(mediaId()).Properties;
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
    expect(p.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: f.logicalId(f.stack.accessLogs.bucket) });
  });

  it('enforces SSL (and TLS 1.2) on both buckets', () => {
    for (const bucketId of [mediaId(), f.logicalId(f.stack.accessLogs.bucket)]) {
      const denies = bucketPolicyOf(bucketId).filter((s) => s.Effect === 'Deny');
      expect(denies).toContainEqual(
        expect.objectContaining({ Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(denies).toContainEqual(expect.objectContaining({ Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
    }
  });

  it('is readable by this distribution only (origin access control), never by a public principal', () => {
    const allows = bucketPolicyOf(mediaId()).filter((s) => s.Effect === 'Allow');
    expect(allows.filter((s) => JSON.stringify(s.Principal).includes('"*"'))).toEqual([]);
    const cloudfront = allows.filter((s) => s.Principal.Service === 'cloudfront.amazonaws.com');
    expect(cloudfront).toHaveLength(1);
    expect(cloudfront[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(cloudfront[0]!.Condition)).toContain(f.logicalId(f.stack.edge.distribution));
  });

  it('receives web/dist under static/ and invalidates /static/* on deploy', () => {
    const [deployment] = Object.values(f.template.findResources('Custom::CDKBucketDeployment'));
    expect(deployment?.Properties).toMatchObject({
      DestinationBucketName: { Ref: mediaId() },
      DestinationBucketKeyPrefix: 'static/',
      DistributionPaths: ['/static/*'],
      Prune: true,
    });
  });
});

describe('CloudFront', () => {
  const config = () => only('AWS::CloudFront::Distribution').Properties.DistributionConfig;
  const origin = (id: string): Json => config().Origins.find((o: Json) => o.Id === id);

  it('sends the default behaviour to the HTTP API, uncached, all methods, HTTPS only', () => {
    const d = config().DefaultCacheBehavior;
    expect(d).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    expect([...d.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    const api = origin(d.TargetOriginId);
    expect(api.DomainName).toEqual({
      'Fn::Select': [2, { 'Fn::Split': ['/', getAtt(f.logicalId(f.stack.httpApi.api), 'ApiEndpoint')] }],
    });
    expect(api.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('hands the viewer host to the API as X-Forwarded-Host (the CSRF origin check needs it)', () => {
    const fn = only('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionCode).toContain("r.headers['x-forwarded-host'] = { value: r.headers.host.value }");
    expect(config().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: getAtt(f.logicalId(f.stack.edge.node.findChild('ForwardHost') as never), 'FunctionARN') },
    ]);
  });

  it.each(['/media/*', '/static/*'])('serves %s from the bucket through origin access control, cached and compressed', (path) => {
    const behaviour = config().CacheBehaviors.find((b: Json) => b.PathPattern === path);
    expect(behaviour).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      Compress: true,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
    const s3 = origin(behaviour.TargetOriginId);
    expect(s3.DomainName).toEqual(getAtt(f.logicalId(f.stack.media.bucket), 'RegionalDomainName'));
    expect(s3.OriginAccessControlId).toBeDefined();
  });

  it('logs to the access-log bucket', () => {
    expect(config().Logging).toMatchObject({
      Bucket: getAtt(f.logicalId(f.stack.accessLogs.bucket), 'RegionalDomainName'),
      Prefix: 'cloudfront/',
    });
  });
});

describe('outputs', () => {
  it('publish the distribution domain, API endpoint, table and bucket names', () => {
    const outputs = f.template.toJSON().Outputs as Json;
    expect(outputs.DistributionDomainName.Value).toEqual(getAtt(f.logicalId(f.stack.edge.distribution), 'DomainName'));
    expect(outputs.ApiEndpoint.Value).toEqual(getAtt(f.logicalId(f.stack.httpApi.api), 'ApiEndpoint'));
    expect(outputs.TableName.Value).toEqual({ Ref: f.logicalId(f.stack.data.table) });
    expect(outputs.MediaBucketName.Value).toEqual({ Ref: f.logicalId(f.stack.media.bucket) });
  });
});

describe('image pipeline (infra/constructs/image-pipeline.ts)', () => {
  const policyStatements = (roleId: string): Json[] =>
    Object.values(f.template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  const objects = (prefix: string) => ({ 'Fn::Join': ['', [getAtt(f.logicalId(f.stack.media.bucket), 'Arn'), `/${prefix}*`]] });

  it('runs the processor on arm64 with the table and bucket it needs', () => {
    const p = resource(f.logicalId(f.stack.images.fn)).Properties;
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.MemorySize).toBe(2048);
    expect(p.Timeout).toBe(60);
    expect(p.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: f.logicalId(f.stack.data.table) },
      MEDIA_BUCKET: { Ref: f.logicalId(f.stack.media.bucket) },
    });
    expect(p.LoggingConfig).toEqual({ LogGroup: { Ref: f.logicalId(f.stack.images.logGroup) } });
  });

  it('is triggered by ObjectCreated under uploads/ only', () => {
    const [notifications] = Object.values(f.template.findResources('Custom::S3BucketNotifications'));
    const configs = notifications!.Properties.NotificationConfiguration.LambdaFunctionConfigurations as Json[];
    expect(configs).toEqual([
      {
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
        LambdaFunctionArn: getAtt(f.logicalId(f.stack.images.fn), 'Arn'),
      },
    ]);
  });

  it('has least privilege: read+delete uploads/, write media/, GetItem+PutItem on the table, its own logs', () => {
    const roleId = f.logicalId(f.stack.images.role);
    expect(resource(roleId).Properties.ManagedPolicyArns ?? []).toEqual([]);
    const byActions = policyStatements(roleId)
      .map((s) => ({ actions: [s.Action].flat().sort(), resources: [s.Resource].flat() }))
      .sort((a, b) => a.actions[0].localeCompare(b.actions[0]));
    expect(byActions).toEqual([
      { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [getAtt(f.logicalId(f.stack.data.table), 'Arn')] },
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [getAtt(f.logicalId(f.stack.images.logGroup), 'Arn')] },
      { actions: ['s3:DeleteObject', 's3:GetObject'], resources: [objects('uploads/')] },
      { actions: ['s3:PutObject'], resources: [objects('media/')] },
    ]);
  });

  it('expires raw uploads nobody processed', () => {
    const rules = resource(f.logicalId(f.stack.media.bucket)).Properties.LifecycleConfiguration.Rules as Json[];
    expect(rules).toContainEqual(expect.objectContaining({ Id: 'expire-raw-uploads', Prefix: 'uploads/', ExpirationInDays: 2, Status: 'Enabled' }));
  });
});
