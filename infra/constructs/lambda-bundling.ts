import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { tsconfigFile } from '../paths';

// esbuild's ESM output has no `require`; CommonJS dependencies that call it need one.
const requireBanner =
  "import { createRequire as __ocopCreateRequire } from 'node:module'; const require = __ocopCreateRequire(import.meta.url);";

/**
 * How every function of ours is bundled: local esbuild (no Docker), ESM, minified, line-mapped, with
 * the AWS SDK left to the runtime. One place, so the API and the workers cannot drift apart (the
 * bench measures the API bundle with the same options: bench/bundle.ts).
 */
export function lambdaBundling(extra: Partial<BundlingOptions> = {}): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    sourceMap: true,
    // Line mapping is what stack traces need; embedding sources would double the asset.
    sourcesContent: false,
    banner: requireBanner,
    // The Node.js runtime ships SDK v3; bundling our own copy only adds cold-start weight.
    externalModules: ['@aws-sdk/*'],
    loader: { '.json': 'json' },
    tsconfig: tsconfigFile,
    ...extra,
  };
}
