/** A transaction Put that creates `item` only where no item has its key yet (ids, unique e-mails, locks). */
export function putIfAbsent(tableName: string, item: Record<string, unknown>) {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } };
}
