import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStripeSecretName } from '../../infra/stripe-secret';
import { configFromEnv } from '../../shared/config';
import { cardPaymentsConfigured } from '../../shared/payments/card-payments';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

const apiEnv = (f: StackFixture): Json =>
  f.template.toJSON().Resources[f.logicalId(f.stack.apiFunction.fn)].Properties.Environment.Variables;

/** The API role's statements that touch Secrets Manager. */
function secretStatements(f: StackFixture): Json[] {
  const roleId = f.logicalId(f.stack.apiFunction.role);
  return Object.values(f.template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Json[])
    .filter((s) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
}

describe('Stripe secret (-c stripeSecretName)', () => {
  let off: StackFixture;
  let on: StackFixture;
  beforeAll(() => {
    off = synthStack('dev');
    // cdk-nag runs in this synth too: importing the secret must add no finding.
    on = synthStack('dev', { stripeSecretName: 'ocop-market/dev/stripe' });
  });
  afterAll(() => {
    off?.dispose();
    on?.dispose();
  });

  it('is absent by default: no STRIPE_SECRET_ARN, no grant, card payments off', () => {
    expect(off.stack.stripeSecret).toBeUndefined();
    expect(apiEnv(off)).not.toHaveProperty('STRIPE_SECRET_ARN');
    expect(secretStatements(off).flatMap((s) => [s.Resource].flat())).toEqual([{ Ref: off.logicalId(off.stack.apiFunction.sessionSecret) }]);
  });

  it('imports the named secret (nothing created), passes its ARN to the API and lets only the API role read it', () => {
    expect(Object.keys(on.template.findResources('AWS::SecretsManager::Secret'))).toEqual([on.logicalId(on.stack.apiFunction.sessionSecret)]);
    const partialArn = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:ocop-market/dev/stripe']],
    };
    expect(apiEnv(on).STRIPE_SECRET_ARN).toEqual(partialArn);

    const statements = secretStatements(on);
    expect(statements.flatMap((s) => [s.Action].flat()).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    // The session key and the name without Secrets Manager's random suffix (`-??????` matches exactly that).
    const [head, parts] = partialArn['Fn::Join'] as [string, unknown[]];
    const withSuffix = { 'Fn::Join': [head, [...parts.slice(0, -1), `${String(parts.at(-1))}-??????`]] };
    expect(statements.flatMap((s) => [s.Resource].flat())).toEqual(
      expect.arrayContaining([withSuffix, { Ref: on.logicalId(on.stack.apiFunction.sessionSecret) }]),
    );
    expect(statements.flatMap((s) => [s.Resource].flat())).toHaveLength(2);

    // Other functions (jobs, image processor, search indexer) never see it.
    const holders = Object.values(on.template.findResources('AWS::Lambda::Function')).filter((fn) =>
      JSON.stringify(fn.Properties.Environment ?? {}).includes('ocop-market/dev/stripe'),
    );
    expect(holders).toHaveLength(1);
  });

  it('gives the app a configuration with card payments on', () => {
    const config = configFromEnv({
      TABLE_NAME: 'OcopMarket-dev-table',
      STAGE: 'dev',
      PUBLIC_ORIGINS: 'https://d111111abcdef8.cloudfront.net',
      STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:ocop-market/dev/stripe',
    });
    expect(cardPaymentsConfigured(config)).toBe(true);
  });

  it('refuses names Secrets Manager would refuse, or that a partial ARN could not find', () => {
    expect(parseStripeSecretName('ocop-market/prod/stripe')).toBe('ocop-market/prod/stripe');
    for (const bad of ['', 'has space', 'ocop/stripe-AbCdEf', 'x'.repeat(513), 42, 'arn:aws:secretsmanager:ap-southeast-1:1:secret:x']) {
      expect(() => parseStripeSecretName(bad), String(bad)).toThrow(/-c stripeSecretName/);
    }
  });
});
