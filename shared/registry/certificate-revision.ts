import type { Certificate } from './certificate';

/**
 * The certificate item's optimistic-concurrency token. Items written before `revision` existed (the
 * demo seed until it set one, tables of older versions) carry none: such an item counts as revision
 * 1, the version as recorded, so its first change writes 2 like any other first change.
 */
export const nextRevision = (read: Pick<Certificate, 'revision'>): number => (read.revision ?? 1) + 1;

/**
 * "The item is still the version that was read". A read without `revision` matches only an item
 * that still has none: `revision = 1` would never match it and every change would answer 409.
 */
export function revisionCondition(read: Pick<Certificate, 'revision'>): { expression: string; values: Record<string, number> } {
  return read.revision === undefined
    ? { expression: 'attribute_not_exists(revision)', values: {} }
    : { expression: 'revision = :rev', values: { ':rev': read.revision } };
}
