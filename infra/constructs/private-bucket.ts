import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, BucketEncryption, type BucketProps, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { EnvSettings } from '../environments';

/**
 * The settings every bucket of ours shares: private, encrypted, SSL only, versioned (uploads are the
 * only copy: an overwrite or delete must be undoable), old versions expired, access logged.
 */
export function privateBucketProps(settings: EnvSettings, accessLogsBucket: IBucket, logPrefix: string): BucketProps {
  return {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    lifecycleRules: [
      {
        id: 'expire-old-versions',
        noncurrentVersionExpiration: settings.noncurrentMediaExpiration,
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
    serverAccessLogsBucket: accessLogsBucket,
    serverAccessLogsPrefix: logPrefix,
    removalPolicy: settings.removalPolicy,
    autoDeleteObjects: settings.removalPolicy === RemovalPolicy.DESTROY,
  };
}
