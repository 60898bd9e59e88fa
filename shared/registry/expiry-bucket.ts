import { isListable } from '../catalog/gate';
import type { Certificate } from './certificate';

/**
 * Sparse, time-bucketed index of certificates that can still lapse: one item per active ≥3★
 * certificate under `EXPIRY#<yyyy-mm of expiresOn>`, sorted by expiry. The expiry job reads a few
 * month partitions instead of scanning the table. Written, moved or deleted in the same
 * transaction as the certificate (registry-store.ts).
 */
export const expiryPartition = (expiresOn: string) => `EXPIRY#${expiresOn.slice(0, 7)}`;
export const expirySortKey = (cert: Pick<Certificate, 'expiresAt' | 'certificateNo'>) => `${cert.expiresAt}#${cert.certificateNo}`;

export interface ExpiryBucketItem {
  PK: string;
  SK: string;
  type: 'CertificateExpiry';
  certificateNo: string;
  subjectId: string;
  productId?: string | undefined;
  stars: number;
  expiresOn: string;
  expiresAt: string;
  /** Set once by the job when it saw the certificate lapse; validity itself is always derived. */
  expiredMarkedAt?: string | undefined;
  /** DynamoDB TTL: the bucket item goes 60 days after the certificate lapsed, once no job needs it. */
  ttl: number;
}

const BUCKET_TTL_AFTER_EXPIRY_S = 60 * 24 * 3600;

/** Whether the certificate needs watching: the same rule as a product's listability. */
export const watched = (cert: Certificate) => isListable({ status: 'active', certificate: cert });

export function expiryKey(cert: Certificate) {
  return { PK: expiryPartition(cert.expiresOn), SK: expirySortKey(cert) };
}

export function expiryBucketItem(cert: Certificate): ExpiryBucketItem {
  return {
    ...expiryKey(cert),
    type: 'CertificateExpiry',
    certificateNo: cert.certificateNo,
    subjectId: cert.subjectId,
    ...(cert.productId ? { productId: cert.productId } : {}),
    stars: cert.stars,
    expiresOn: cert.expiresOn,
    expiresAt: cert.expiresAt,
    ttl: Math.floor(Date.parse(cert.expiresAt) / 1000) + BUCKET_TTL_AFTER_EXPIRY_S,
  };
}

/** The bucket writes that take `before` to `after`: put the new key, delete a key that moved or ended. */
export function expiryBucketWrites(before: Certificate | undefined, after: Certificate): { put?: ExpiryBucketItem; delete?: { PK: string; SK: string } } {
  const put = watched(after) ? expiryBucketItem(after) : undefined;
  const old = before && watched(before) ? expiryKey(before) : undefined;
  const moved = old && (!put || old.PK !== put.PK || old.SK !== put.SK);
  return { ...(put ? { put } : {}), ...(moved ? { delete: old } : {}) };
}
