import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

let f: StackFixture;
beforeAll(() => {
  f = synthStack('prod');
});
afterAll(() => f?.dispose());

describe('the live start-notice job in the stack', () => {
  const job = () => f.stack.jobs.find((j) => j.job.id === 'LiveStartNotices')!;

  it('runs every minute', () => {
    expect(job()).toBeDefined();
    const rules = Object.values(f.template.findResources('AWS::Events::Rule')).map((r: Json) => r.Properties.ScheduleExpression);
    expect(rules).toContain('cron(* * * * ? *)');
  });

  it('may touch only lives, follows and notices, and query only the active-lives index', () => {
    const roleId = f.logicalId(job().role);
    const statements: Json[] = Object.values(f.template.findResources('AWS::IAM::Policy'))
      .filter((p: Json) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap((p: Json) => p.Properties.PolicyDocument.Statement);
    const table = statements.find((s) => JSON.stringify(s.Action).includes('dynamodb:BatchWriteItem'))!;
    expect(table.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual(['LIVE#*', 'LIVEFOLLOW#*', 'LIVENOTE#*']);
    expect(JSON.stringify(table.Action)).not.toContain('Scan');
    expect(JSON.stringify(table.Action)).not.toContain('DeleteItem');
    const index = statements.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
    expect(index.Action).toBe('dynamodb:Query');
    expect(JSON.stringify(index.Resource)).toContain('/index/GSI1');
  });
});
