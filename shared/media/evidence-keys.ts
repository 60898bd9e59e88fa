/**
 * Evidence keys are `evidence/<certificate-slug>/<uuid>.<ext>`. Locally they live under EVIDENCE_DIR
 * (outside the served media folder); in AWS at this prefix of the private evidence bucket, the only
 * prefix the API role may read and write there (infra/constructs/evidence-bucket.ts).
 */
export const EVIDENCE_PREFIX = 'evidence/';
