import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvSettings } from '../environments';

export interface AccessLogBucketProps {
  readonly settings: EnvSettings;
}

/** Receives S3 server access logs and CloudFront standard logs; nothing else is written here. */
export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const { settings } = props;
    const destroy = settings.removalPolicy === RemovalPolicy.DESTROY;
    // S3 server access log delivery is granted by a bucket policy, not the legacy LogDeliveryWrite
    // ACL (deprecated; cfn-lint W3045). The flag is read on the target bucket, hence set here.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront standard logging still delivers through bucket ACLs, so ACLs must stay enabled.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // CloudFront cannot deliver logs to SSE-KMS buckets.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'expire-logs', expiration: settings.accessLogExpiration }],
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects: destroy,
    });
  }
}
