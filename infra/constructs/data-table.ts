import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  TableEncryptionV2,
  StreamViewType,
  TableV2,
  type Attribute,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../app/table';
import type { KeyAttribute, TableDefinition } from '../../shared/db/table-definition';

export interface DataTableProps {
  /** Defaults to the app's one definition; a parameter only so tests can prove the mapping is generic. */
  readonly definition?: TableDefinition;
}

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER } as const;

function toAttribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: attributeTypes[key.type] };
}

/**
 * The single table, built from app/table.ts (base keys + the modules' indexes) so that AWS and DynamoDB Local can
 * never disagree about keys or indexes.
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps = {}) {
    super(scope, id);
    const def = props.definition ?? tableDefinition;
    this.table = new TableV2(this, 'Table', {
      partitionKey: toAttribute(def.partitionKey),
      sortKey: toAttribute(def.sortKey),
      globalSecondaryIndexes: def.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: toAttribute(gsi.partitionKey),
        sortKey: toAttribute(gsi.sortKey),
        // ALL, as in the local table: queries on an index must return the same item shape.
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: def.timeToLiveAttribute,
      // The search indexer (infra/constructs/search-index.ts) follows changes through the stream.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Retained in every environment: the data outlives any one stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
