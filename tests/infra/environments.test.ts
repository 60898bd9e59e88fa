import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackName } from '../../infra/build-app';
import { envSettings, type EnvName } from '../../infra/environments';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

describe('dev and prod', () => {
  const fixtures = {} as Record<EnvName, StackFixture>;
  beforeAll(() => {
    fixtures.dev = synthStack('dev');
    fixtures.prod = synthStack('prod');
  });
  afterAll(() => Object.values(fixtures).forEach((f) => f.dispose()));

  const props = (env: EnvName, construct: Parameters<StackFixture['logicalId']>[0]): Json => {
    const f = fixtures[env];
    return f.template.toJSON().Resources[f.logicalId(construct)];
  };

  it('both synthesize, as OcopMarket-<env>, with STAGE set to the environment', () => {
    for (const env of ['dev', 'prod'] as const) {
      const f = fixtures[env];
      expect(f.stack.stackName).toBe(stackName(env));
      expect(f.stack.stackName).toBe(`OcopMarket-${env}`);
      expect(props(env, f.stack.apiFunction.fn).Properties.Environment.Variables.STAGE).toBe(env);
    }
  });

  it('keeps prod logs longer than dev logs (function and API access logs)', () => {
    for (const pick of [(f: StackFixture) => f.stack.apiFunction.logGroup, (f: StackFixture) => f.stack.httpApi.accessLogs]) {
      const dev = props('dev', pick(fixtures.dev)).Properties.RetentionInDays;
      const prod = props('prod', pick(fixtures.prod)).Properties.RetentionInDays;
      expect(dev).toBe(30);
      expect(prod).toBe(365);
    }
  });

  it('retains prod buckets and empties dev ones on destroy', () => {
    const prodMedia = props('prod', fixtures.prod.stack.media.bucket);
    expect(prodMedia.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(prodMedia.Properties.Tags ?? [])).not.toContain('auto-delete-objects');
    expect(fixtures.prod.template.findResources('Custom::S3AutoDeleteObjects')).toEqual({});

    expect(props('dev', fixtures.dev.stack.media.bucket).DeletionPolicy).toBe('Delete');
    expect(props('prod', fixtures.prod.stack.evidence.bucket).DeletionPolicy).toBe('Retain');
    expect(props('dev', fixtures.dev.stack.evidence.bucket).DeletionPolicy).toBe('Delete');
    // Media, evidence, access logs and the search snapshot bucket are disposable in dev.
    expect(Object.keys(fixtures.dev.template.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(4);
  });

  it('retains the table in every environment', () => {
    for (const env of ['dev', 'prod'] as const) {
      expect(props(env, fixtures[env].stack.data.table).DeletionPolicy).toBe('Retain');
    }
  });

  it('rejects an unknown environment name', () => {
    expect(() => envSettings('staging')).toThrow(/dev\|prod/);
  });
});
