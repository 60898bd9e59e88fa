import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryModule } from '../../shared/registry/module';
import { synthStack, type StackFixture } from '../infra/stack-fixture';

type Json = Record<string, any>;

describe('registry jobs infrastructure', () => {
  let f: StackFixture;
  beforeAll(() => {
    f = synthStack('dev');
  });
  afterAll(() => f?.dispose());
  const expiry = () => {
    const job = f.stack.jobs.find((j) => j.job.id === 'CertificateExpiry');
    if (!job) throw new Error('the registry module declares the CertificateExpiry job');
    return job;
  };

  it('runs the expiry job once a day from an EventBridge rule', () => {
    const fnId = f.logicalId(expiry().fn);
    const rule = f.template.toJSON().Resources[f.logicalId(expiry().rule)] as Json;
    expect(rule.Properties.ScheduleExpression).toBe('cron(0 0 * * ? *)');
    expect(rule.Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    const fn = f.template.toJSON().Resources[fnId] as Json;
    expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: f.logicalId(f.stack.data.table) });
  });

  it('may only Query/Put/Update the expiry and notice partitions of the base table (no Scan, no index)', () => {
    const roleId = f.logicalId(expiry().role);
    const policies = Object.values(f.template.findResources('AWS::IAM::Policy')).filter((p: Json) =>
      (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId),
    ) as Json[];
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]!.Action].flat().sort()).toEqual(registryModule.jobs[0].tableActions.map((a) => `dynamodb:${a}`).sort());
    expect(dynamo[0]!.Resource).toEqual({ 'Fn::GetAtt': [f.logicalId(f.stack.data.table), 'Arn'] });
    expect(dynamo[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...registryModule.jobs[0].leadingKeys] } });
  });
});
