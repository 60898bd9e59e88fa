import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { webDistDir } from '../scripts/build-web';
import { envSettings, type EnvName } from './environments';
import { OcopStack } from './ocop-stack';
import { cdkJsonFile } from './paths';

export interface BuildOcopAppOptions {
  /** Overrides the `env` context (cdk.json default: dev). */
  readonly env?: EnvName;
  /**
   * false skips asset bundling (esbuild) for a fast template; the real bundle is covered by the
   * `cdk synth` test. Default true.
   */
  readonly bundle?: boolean;
  /** Defaults to web/dist; tests pass a small fixture directory instead. */
  readonly staticAssetsDir?: string;
  /** Cloud assembly directory; the CLI sets it through CDK_OUTDIR. */
  readonly outdir?: string;
  /**
   * CDK's built-in CloudFormation template validation (cfn-lint rules). Default true; template
   * tests turn it off because it costs ~7 s per synth, and the `cdk synth` test keeps it on.
   */
  readonly cfnValidation?: boolean;
  /** Extra context, as `-c key=value` would give (tests: `stripeSecretName`, `publicOrigin`). */
  readonly context?: Readonly<Record<string, unknown>>;
}

export function stackName(env: EnvName): string {
  return `OcopMarket-${env}`;
}

/** Builds the app with the cdk-nag AwsSolutions pack registered; app.ts and the tests both use it. */
export function buildOcopApp(options: BuildOcopAppOptions = {}): { app: App; stack: OcopStack } {
  // cdk.json's context (feature flags, default env) as defaults, so an App built in a test behaves
  // like the one the CLI runs; under the CLI its own context (incl. -c) still takes precedence.
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  // An empty list means "bundle no stack": assets are staged from source without running esbuild.
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  if (options.env) context.env = options.env;
  const app = new App({
    context,
    builtinCloudFormationValidation: options.cfnValidation ?? true,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });

  const settings = envSettings(app.node.tryGetContext('env') ?? 'dev');
  // No `env` (account/region): synth needs no credentials or look-ups; the deploy target decides.
  const stack = new OcopStack(app, stackName(settings.name), {
    settings,
    staticAssetsDir: options.staticAssetsDir ?? webDistDir,
    description: `Cho OCOP marketplace (${settings.name})`,
  });

  // cdk-nag v3 is a policy-validation plugin: any unacknowledged finding fails synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

function cdkJsonContext(): Record<string, unknown> {
  const json = JSON.parse(readFileSync(cdkJsonFile, 'utf8')) as { context?: Record<string, unknown> };
  return json.context ?? {};
}
