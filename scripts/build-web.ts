import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const webDistDir = resolve(root, 'web/dist');
/** The Swagger UI files /api/docs loads (web/pages/api-docs-page.tsx): pinned in package.json, no CDN. */
const swaggerUiFiles = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE'];

/**
 * Bundles the little browser TypeScript there is (web/client) into web/dist, with the Swagger UI
 * files copied beside it, which the local server serves at /static and CDK uploads to the static
 * bucket behind CloudFront.
 */
export async function buildWeb(): Promise<void> {
  mkdirSync(webDistDir, { recursive: true });
  await build({
    entryPoints: {
      app: resolve(root, 'web/client/main.ts'),
      'api-docs': resolve(root, 'web/client/api-docs.ts'),
      // Leaflet (~150 KB) only for the locator's pages, never on the catalogue's.
      'point-map': resolve(root, 'web/client/point-map.ts'),
    },
    outdir: webDistDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome90', 'safari14'],
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.css'), resolve(webDistDir, 'leaflet.css'));
  const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  mkdirSync(resolve(webDistDir, 'swagger-ui'), { recursive: true });
  for (const file of swaggerUiFiles) copyFileSync(resolve(swaggerUiDir, file), resolve(webDistDir, 'swagger-ui', file));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
}
