import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicOrigin, publicOrigins } from '../../infra/public-origin';
import { ASSET_CONTENT_SECURITY_POLICY } from '../../shared/http/asset-headers';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

let f: StackFixture;
beforeAll(() => {
  f = synthStack('prod');
});
afterAll(() => f?.dispose());

const resources = (): Record<string, Json> => f.template.toJSON().Resources;
const distributionConfig = (): Json => Object.values(f.template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
const getAtt = (logicalId: string, attr: string) => ({ 'Fn::GetAtt': [logicalId, attr] });

describe('private evidence bucket (issue 10 point 3)', () => {
  const evidenceId = () => f.logicalId(f.stack.evidence.bucket);

  it('blocks public access, is versioned, encrypted, SSL-only, retained in prod and logs to the access-log bucket', () => {
    const bucket = resources()[evidenceId()]!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    const p = bucket.Properties;
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
    expect(p.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: f.logicalId(f.stack.accessLogs.bucket) }, LogFilePrefix: 'evidence-bucket/' });
    const statements: Json[] = Object.values(f.template.findResources('AWS::S3::BucketPolicy'))
      .filter((policy) => policy.Properties.Bucket.Ref === evidenceId())
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements.length).toBeGreaterThan(0);
    // Nothing but the SSL/TLS denies: no CloudFront, no public principal, no other account.
    expect(statements.filter((s) => s.Effect !== 'Deny')).toEqual([]);
  });

  it('is never a CloudFront origin (only the media bucket is)', () => {
    const domains = JSON.stringify(distributionConfig().Origins.map((o: Json) => o.DomainName));
    expect(domains).not.toContain(evidenceId());
    expect(domains).toContain(f.logicalId(f.stack.media.bucket));
  });

  it('is reachable by the API role alone, and only under evidence/', () => {
    const apiRole = f.logicalId(f.stack.apiFunction.role);
    const touching = Object.values(f.template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes(evidenceId()));
    expect(touching.map((p) => p.Properties.Roles)).toEqual([[{ Ref: apiRole }]]);
    const statements = touching.flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]).filter((s) => JSON.stringify(s.Resource).includes(evidenceId()));
    expect(statements.map((s) => ({ ...s, Action: [s.Action].flat().sort() }))).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        Resource: { 'Fn::Join': ['', [getAtt(evidenceId(), 'Arn'), '/evidence/*']] },
      },
    ]);
    const fn = resources()[f.logicalId(f.stack.apiFunction.fn)]!;
    expect(fn.Properties.Environment.Variables.EVIDENCE_BUCKET).toEqual({ Ref: evidenceId() });
    expect(f.template.toJSON().Outputs.EvidenceBucketName.Value).toEqual({ Ref: evidenceId() });
  });
});

describe('public origin (issue 10 point 9)', () => {
  const cloudFrontOrigin = () => ({ 'Fn::Join': ['', ['https://', getAtt(f.logicalId(f.stack.edge.distribution), 'DomainName')]] });

  it('is set from the CloudFront domain on the API and expiry functions, never the API Gateway host', () => {
    for (const fn of [f.stack.apiFunction.fn, ...f.stack.jobs.map((j) => j.fn)]) {
      const value = resources()[f.logicalId(fn)]!.Properties.Environment.Variables.PUBLIC_ORIGINS;
      expect(value).toEqual(cloudFrontOrigin());
      expect(JSON.stringify(value)).not.toContain(f.logicalId(f.stack.httpApi.api));
    }
  });

  it('puts a custom domain from -c publicOrigin first, the CloudFront domain after it', () => {
    const stack = new Stack(new App({ context: { publicOrigin: 'https://cho-ocop.vn' } }), 'Origins');
    expect(stack.resolve(publicOrigins(stack, 'd111111abcdef8.cloudfront.net'))).toBe('https://cho-ocop.vn,https://d111111abcdef8.cloudfront.net');
    const plain = new Stack(new App(), 'Plain');
    expect(plain.resolve(publicOrigins(plain, 'd111111abcdef8.cloudfront.net'))).toBe('https://d111111abcdef8.cloudfront.net');
  });

  it.each(['http://cho-ocop.vn', 'https://cho-ocop.vn/xac-minh', 'cho-ocop.vn', 'https://user@cho-ocop.vn', 42])('refuses %s as a public origin', (value) => {
    expect(() => parsePublicOrigin(value)).toThrow(/https origin/);
  });

  it('accepts a bare https origin (a trailing slash is dropped)', () => {
    expect(parsePublicOrigin('https://cho-ocop.vn/')).toBe('https://cho-ocop.vn');
  });
});

describe('security headers on /media/* and /static/* (issue 10 point 12)', () => {
  it('has a response headers policy with the same headers as the local server', () => {
    const policies = Object.entries(f.template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const config = policies[0]![1].Properties.ResponseHeadersPolicyConfig;
    expect(config.SecurityHeadersConfig).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: ASSET_CONTENT_SECURITY_POLICY, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 15_552_000, IncludeSubdomains: true, Override: true },
    });
    expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'Cross-Origin-Resource-Policy', Value: 'same-origin', Override: true }]);
  });

  it.each(['/media/*', '/static/*'])('is attached to the %s behaviour; the API behaviour sends its own', (path) => {
    const policyId = f.logicalId(f.stack.edge.assetHeaders);
    const behaviour = distributionConfig().CacheBehaviors.find((b: Json) => b.PathPattern === path);
    expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toBeUndefined();
  });
});
