/**
 * The shape of the one table. Its keys are declared here, its indexes by the modules that query them;
 * app/table.ts puts them together and CDK (infra/) and the local set-up (scripts/, tests/) both build
 * the table from that; a template test checks they agree.
 * Access patterns and their costs: docs/data-model.md.
 */
export type AttributeType = 'S' | 'N';

export interface KeyAttribute {
  name: string;
  type: AttributeType;
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly IndexDefinition[];
  timeToLiveAttribute: string;
}

/** The keys every item has; indexes come from the modules that query them (app/table.ts). */
export const baseTable = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  timeToLiveAttribute: 'ttl',
} as const;

/**
 * The table as the modules need it: the base keys plus the union of their indexes. Two modules may
 * share an index (the owner index) only if they declare it identically.
 */
export function tableDefinitionOf(indexes: readonly IndexDefinition[]): TableDefinition {
  const byName = new Map<string, IndexDefinition>();
  for (const index of indexes) {
    const seen = byName.get(index.indexName);
    if (seen && JSON.stringify(seen) !== JSON.stringify(index)) {
      throw new Error(`Index ${index.indexName} is declared twice with different keys`);
    }
    byName.set(index.indexName, index);
  }
  return { ...baseTable, globalSecondaryIndexes: [...byName.values()] };
}
