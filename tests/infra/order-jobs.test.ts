import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

let f: StackFixture;
beforeAll(() => {
  f = synthStack('prod');
});
afterAll(() => f?.dispose());

describe('the unpaid-order release job in the stack', () => {
  const job = () => f.stack.jobs.find((j) => j.job.id === 'ReleaseUnpaidOrders')!;

  it('runs every 5 minutes, one at a time', () => {
    expect(job()).toBeDefined();
    const rules = Object.values(f.template.findResources('AWS::Events::Rule')).map((r: Json) => r.Properties.ScheduleExpression);
    expect(rules).toContain('cron(*/5 * * * ? *)');
  });

  it('may touch only its partitions in the table, and query only the payment-due index', () => {
    const roleId = f.logicalId(job().role);
    const statements: Json[] = Object.values(f.template.findResources('AWS::IAM::Policy'))
      .filter((p: Json) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap((p: Json) => p.Properties.PolicyDocument.Statement);
    const table = statements.find((s) => JSON.stringify(s.Action).includes('dynamodb:UpdateItem'))!;
    expect(table.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual(['ORDER#*', 'PRODUCT#*', 'ORDERNOTE#*', 'LIVEQ#*', 'FAIRQ#*']);
    expect(JSON.stringify(table.Action)).not.toContain('Scan');
    const index = statements.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
    expect(index.Action).toBe('dynamodb:Query');
    expect(JSON.stringify(index.Resource)).toContain('/index/GSI4');
  });

  it('has the four order indexes on the table', () => {
    const table = Object.values(f.template.findResources('AWS::DynamoDB::GlobalTable')).concat(Object.values(f.template.findResources('AWS::DynamoDB::Table')))[0] as Json;
    const names = (table.Properties.GlobalSecondaryIndexes as Json[]).map((i) => i.IndexName).sort();
    expect(names).toEqual(expect.arrayContaining(['GSI1', 'GSI2', 'GSI3', 'GSI4']));
  });
});
