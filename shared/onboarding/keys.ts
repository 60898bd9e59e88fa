/**
 * Key layout of onboarding items (docs/storefront.md). Applications live on GSI1 under their
 * province, so an officer's queue is one Query on `APPS#<province>` with `begins_with(GSI1SK, status)`.
 */
export const applicationKey = (id: string) => ({ PK: `APP#${id}`, SK: 'APP' });
export const applicationQueuePartition = (provinceCode: string) => `APPS#${provinceCode}`;
export const applicationQueueSortKey = (status: string, createdAt: string, id: string) => `${status.toUpperCase()}#${createdAt}#${id}`;
/** One open or approved application per account: a conditional put on this item refuses a duplicate. */
export const applicantLockKey = (accountId: string) => ({ PK: `APPLICANT#${accountId}`, SK: 'APPLICATION' });
/** Append-only: every write is a conditional put on a fresh sort key. */
export const auditKey = (applicationId: string, at: string, decision: string) => ({ PK: `APP#${applicationId}`, SK: `AUDIT#${at}#${decision}` });
