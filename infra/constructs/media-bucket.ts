import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvSettings } from '../environments';
import { privateBucketProps } from './private-bucket';

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
    this.bucket = new Bucket(this, 'Bucket', privateBucketProps(settings, accessLogsBucket, 'media-bucket/'));
  }
}
