import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildOcopApp } from '../../infra/build-app';
import type { EnvName } from '../../infra/environments';
import type { OcopStack } from '../../infra/ocop-stack';

export interface BuiltStack {
  app: App;
  stack: OcopStack;
  dispose(): void;
}

export interface StackFixture extends BuiltStack {
  template: Template;
  /** Logical id of a construct's CloudFormation resource, for `{ Ref }` / `Fn::GetAtt` expectations. */
  logicalId(construct: IConstruct): string;
}

/**
 * The real app and stack, not yet synthesized, built without asset bundling (`bundle: false`: no
 * esbuild run), without CDK's built-in cfn-lint validation (~7 s a synth) and with a one-file
 * stand-in for web/dist, so tests take a second or two and need no prior build. The real bundle,
 * the web/dist upload and the built-in validation are covered by synth.test.ts (the CLI).
 */
export function buildStack(env: EnvName, context: Readonly<Record<string, unknown>> = {}): BuiltStack {
  const work = mkdtempSync(join(tmpdir(), 'ocop-infra-'));
  const staticAssetsDir = join(work, 'static');
  mkdirSync(staticAssetsDir);
  writeFileSync(join(staticAssetsDir, 'app.js'), 'export {};\n');
  const { app, stack } = buildOcopApp({
    env,
    bundle: false,
    cfnValidation: false,
    staticAssetsDir,
    outdir: join(work, 'cdk.out'),
    context,
  });
  return { app, stack, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

/** buildStack, synthesized; the cdk-nag plugin runs in this synth, so findings fail it. */
export function synthStack(env: EnvName, context: Readonly<Record<string, unknown>> = {}): StackFixture {
  const built = buildStack(env, context);
  let template: Template;
  try {
    template = Template.fromStack(built.stack);
  } catch (error) {
    built.dispose();
    throw error;
  }
  return {
    ...built,
    template,
    logicalId: (construct) => {
      const child = construct.node.defaultChild;
      if (!child) throw new Error(`${construct.node.path} has no CloudFormation resource`);
      return built.stack.getLogicalId(child as CfnElement);
    },
  };
}
