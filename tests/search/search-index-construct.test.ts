import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Billing, StreamViewType, TableV2, AttributeType } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRuntime } from '../../infra/constructs/api-function';
import { SearchIndex, SNAPSHOT_KEY } from '../../infra/constructs/search-index';
import { envSettings } from '../../infra/environments';

/** The construct in a stack of its own (the lead wires it into OcopStack): template and cdk-nag. */
function build(env: 'dev' | 'prod' = 'prod') {
  // No esbuild run: the template is what is checked here; the bundle is covered by the stack's synth test.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'SearchTest');
  const table = new TableV2(stack, 'Table', {
    partitionKey: { name: 'PK', type: AttributeType.STRING },
    sortKey: { name: 'SK', type: AttributeType.STRING },
    billing: Billing.onDemand(),
    dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
  });
  const logs = new Bucket(stack, 'Logs');
  const search = new SearchIndex(stack, 'Search', { table, settings: envSettings(env), accessLogsBucket: logs, runtime: apiRuntime });
  return { stack, search, template: Template.fromStack(stack) };
}

describe('SearchIndex construct', () => {
  let built: ReturnType<typeof build>;
  beforeAll(() => {
    built = build();
  });

  it('runs one indexer at a time on the table stream, filtered to product items and producer profiles', () => {
    built.template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 1, Environment: { Variables: Match.objectLike({ SEARCH_SNAPSHOT: Match.anyValue() }) } });
    built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 10,
      BisectBatchOnFunctionError: true,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { SK: { S: ['PRODUCT', 'PROFILE'] } } } }) }] },
    });
    built.template.resourceCountIs('AWS::Events::Rule', 1);
  });

  it('grants least privilege: no Scan, no wildcard resources, the snapshot key only', () => {
    const policies = built.template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } } }).Properties.PolicyDocument.Statement);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:GetRecords', 's3:PutObject', 's3:GetObject']));
    for (const s of statements) expect(JSON.stringify(s.Resource)).not.toBe('"*"');
    expect(JSON.stringify(statements)).toContain(SNAPSHOT_KEY);
  });

  it.each(['prod', 'dev'] as const)('has no cdk-nag AwsSolutions findings of its own (%s)', (env) => {
    const { search } = env === 'prod' ? built : build(env);
    const findings = new AwsSolutionsChecks(undefined, { verbose: true })
      .validateScope(search)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath ?? ''}`));
    expect(findings).toEqual([]);
  });
});
