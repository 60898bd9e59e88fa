/**
 * Bundles the API Lambda the way CDK's NodejsFunction will (ESM, minified, @aws-sdk/* left to the
 * runtime), so the size and the cold-start figures describe what would be deployed.
 */
import { build, type BuildOptions } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const lambdaBuildOptions: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  logLevel: 'silent',
};

export interface BundleInfo {
  entry: string;
  file: string;
  bytes: number;
  kb: number;
  gzipBytes: number;
  gzipKb: number;
  ms: number;
  /** Biggest packages in the output, to show where the bytes go. */
  topPackages: { name: string; bytes: number }[];
}

function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : '(app source)';
}

export async function bundle(entry: string, outDir: string, name: string): Promise<BundleInfo> {
  const file = join(outDir, name, 'index.mjs');
  const started = performance.now();
  const result = await build({ ...lambdaBuildOptions, entryPoints: [resolve(entry)], outfile: file, metafile: true });
  const ms = performance.now() - started;
  const bytes = readFileSync(file).length;
  const gzipBytes = gzipSync(readFileSync(file), { level: 9 }).length;
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  const topPackages = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([pkg, b]) => ({ name: pkg, bytes: b }));
  return { entry: relative(process.cwd(), resolve(entry)), file, bytes, kb: bytes / 1024, gzipBytes, gzipKb: gzipBytes / 1024, ms, topPackages };
}

/** The baseline: a handler that returns a constant, bundled with the same options. */
export async function bundleMinimal(outDir: string): Promise<BundleInfo> {
  const src = join(outDir, 'minimal-handler.mjs');
  writeFileSync(src, "export const handler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{\"ok\":true}' });\n");
  const info = await bundle(src, outDir, 'minimal');
  return { ...info, entry: '(constant handler)' };
}
