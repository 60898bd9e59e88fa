import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const webDistDir = resolve(root, 'web/dist');

/**
 * Bundles the little browser TypeScript there is (web/client) into web/dist, which the local server
 * serves at /static and CDK uploads to the static bucket behind CloudFront.
 */
export async function buildWeb(): Promise<void> {
  mkdirSync(webDistDir, { recursive: true });
  await build({
    entryPoints: { app: resolve(root, 'web/client/main.ts') },
    outdir: webDistDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome90', 'safari14'],
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
}
