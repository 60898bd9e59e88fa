import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { envNames } from '../../infra/environments';
import { buildStack, synthStack, type StackFixture } from './stack-fixture';

interface Ack {
  path: string;
  id: string;
  reason: string;
}

/** Our acknowledgements, as recorded on the construct tree (CDK's own internal ones are not ours to judge). */
function acknowledgementsIn(root: IConstruct): Ack[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))
      .filter((a) => a.id.startsWith('AwsSolutions-')),
  );
}

function findings(scope: IConstruct) {
  return new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(scope)
    .violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, severity: v.severity, path: r.constructPath ?? '' })));
}

describe.each(envNames)('cdk-nag AwsSolutions on the %s stack', (env) => {
  let f: StackFixture;
  beforeAll(() => {
    f = synthStack(env);
  });
  afterAll(() => f?.dispose());

  it('has no unacknowledged error or warning', () => {
    expect(findings(f.stack)).toEqual([]);
  });

  it('leaves no AwsSolutions or error annotations behind (cdk-nag v2 reported through annotations)', () => {
    const annotations = Annotations.fromStack(f.stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-'))).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acks = acknowledgementsIn(f.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.trim().length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(10);
    // An IAM finding is acknowledged for one action or resource at a time, never wholesale.
    expect(acks.filter((a) => /^AwsSolutions-IAM[45]$/.test(a.id))).toEqual([]);
  });

  it('acknowledges only findings that exist (no stale or speculative acknowledgements)', () => {
    const acks = acknowledgementsIn(f.app);
    // The same stack with acknowledge() a no-op shows what cdk-nag reports without them. It is
    // not synthesized: the registered nag plugin would (rightly) fail that synth.
    const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => {});
    const bare = buildStack(env);
    spy.mockRestore();
    try {
      const raw = findings(bare.stack);
      for (const ack of acks) {
        const covered = raw.filter((r) => r.rule === ack.id && (r.path === ack.path || r.path.startsWith(`${ack.path}/`)));
        expect(covered, `${ack.id} at ${ack.path}`).not.toEqual([]);
      }
    } finally {
      bare.dispose();
    }
  });
});
