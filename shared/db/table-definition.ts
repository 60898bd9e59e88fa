/**
 * The one declaration of the table's keys and indexes. CDK (infra/) and the local set-up
 * (scripts/, tests/) both build the table from it; a template test checks they agree.
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

export const tableDefinition = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  globalSecondaryIndexes: [
    // Listing items only (sparse): a listing partition ordered by price.
    { indexName: 'byPrice', partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'PRICE', type: 'S' } },
    // Listing items only (sparse): a listing partition ordered by stars, then newest.
    { indexName: 'byStars', partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'STARS', type: 'S' } },
    // Owner look-ups: everything that belongs to a producer (profile, all products, certificates).
    { indexName: 'GSI1', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'S' } },
  ],
  timeToLiveAttribute: 'ttl',
} as const satisfies TableDefinition;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
