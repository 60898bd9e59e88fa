import { Duration } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { staticPrefix } from './media-bucket';

export interface StaticAssetsProps {
  /** The built browser assets (web/dist, written by scripts/build-web.ts). */
  readonly sourceDir: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
}

/** Uploads the browser bundle under `static/` and invalidates it at the edge. */
export class StaticAssets extends Construct {
  readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: StaticAssetsProps) {
    super(scope, id);
    const { sourceDir, bucket, distribution } = props;
    this.deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(sourceDir)],
      destinationBucket: bucket,
      // Pruning is scoped to this prefix, so uploaded media under media/ is never touched.
      destinationKeyPrefix: staticPrefix,
      // File names are not content-hashed (app.js), so browsers may only cache briefly and the
      // edge copy is invalidated on every deploy.
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(5))],
      distribution,
      distributionPaths: [`/${staticPrefix}*`],
      memoryLimit: 512,
    });
  }
}
