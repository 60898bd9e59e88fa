import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EVIDENCE_PREFIX } from '../../shared/media/evidence-keys';
import type { EnvSettings } from '../environments';
import { privateBucketProps } from './private-bucket';

export interface EvidenceBucketProps {
  readonly settings: EnvSettings;
  readonly accessLogsBucket: IBucket;
}

/** What the API may do with evidence files, on `evidence/*` of this bucket only (docs/registry.md). */
export const evidenceObjectActions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

/**
 * Certificate evidence (the scanned decisions), readable only by the province's officers and admins
 * through the API route. A bucket of its own rather than a prefix of the media bucket: that one's
 * policy lets CloudFront read every object, and no origin or behaviour points at this one.
 */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: EvidenceBucketProps) {
    super(scope, id);
    const { settings, accessLogsBucket } = props;
    this.bucket = new Bucket(this, 'Bucket', privateBucketProps(settings, accessLogsBucket, 'evidence-bucket/'));
  }

  /** Read, write and delete (a failed commit removes its file) under `evidence/` only; nothing else. */
  grantEvidenceReadWrite(api: IGrantable & { addEnvironment(key: string, value: string): unknown }): void {
    api.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: evidenceObjectActions, resources: [this.bucket.arnForObjects(`${EVIDENCE_PREFIX}*`)] }),
    );
    api.addEnvironment('EVIDENCE_BUCKET', this.bucket.bucketName);
  }
}
