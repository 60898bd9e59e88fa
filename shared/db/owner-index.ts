import type { IndexDefinition } from './table-definition';

/**
 * Owner look-ups: everything that belongs to a producer (profile, all products, certificates) and an
 * officer's application queue. Several modules query it, so it lives on the ground floor.
 */
export const ownerIndex = {
  indexName: 'GSI1',
  partitionKey: { name: 'GSI1PK', type: 'S' },
  sortKey: { name: 'GSI1SK', type: 'S' },
} as const satisfies IndexDefinition;

export const OWNER_INDEX = ownerIndex.indexName;

/** The owner index partition of a producer: its profile, products and certificates. */
export const ownerPartition = (producerId: string) => `PRODUCER#${producerId}`;
