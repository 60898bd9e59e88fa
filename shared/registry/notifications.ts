import type { NoticeKind } from './expiry-notice';

/** In-app notifications of a producer: one partition, read newest first by `createdAt`. */
export const notifyPartition = (producerId: string) => `NOTIFY#${producerId}`;

/**
 * Deterministic per certificate, validity period and threshold, so a conditional put makes the job
 * idempotent: a rerun, or two overlapping runs, write each notice once. A renewal has a new
 * `expiresOn`, so its own notices are due again next cycle.
 */
export function expiryNoticeItem(input: { producerId: string; certificateNo: string; expiresOn: string; kind: NoticeKind; message: string; createdAt: string }) {
  return {
    PK: notifyPartition(input.producerId),
    SK: `CERT#${input.certificateNo}#${input.expiresOn}#${input.kind}`,
    type: 'Notification',
    topic: 'certificate-expiry',
    certificateNo: input.certificateNo,
    expiresOn: input.expiresOn,
    kind: input.kind,
    message: input.message,
    createdAt: input.createdAt,
  };
}
