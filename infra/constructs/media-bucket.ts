import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvSettings } from '../environments';

export interface MediaBucketProps {
  readonly settings: EnvSettings;
  readonly accessLogsBucket: IBucket;
}

/** Key prefixes, which are also the CloudFront paths: /media/* → media/…, /static/* → static/… */
export const mediaPrefix = 'media/';
export const staticPrefix = 'static/';

/**
 * Product images (`media/`) and the built browser assets (`static/`), private and read only
 * through CloudFront (origin access control).
 */
export class MediaBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    const { settings, accessLogsBucket } = props;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Producer uploads are the only copy of their photos: an overwrite or delete must be undoable.
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: settings.noncurrentMediaExpiration,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'media-bucket/',
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects: settings.removalPolicy === RemovalPolicy.DESTROY,
    });
  }
}
