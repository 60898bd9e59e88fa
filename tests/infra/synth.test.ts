import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stackName } from '../../infra/build-app';
import { repoRoot } from '../../infra/paths';
import { functionSpecs } from '../../app/functions';
import { SearchIndex } from '../../shared/search/search-index';
import { encodeSnapshot } from '../../shared/search/snapshot-store';

type Json = Record<string, any>;

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// No AWS credentials, profile or CDK settings from the caller reach the children.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')),
);

/**
 * `cdk synth` as a person or CI runs it: real esbuild bundling, web/dist built and uploaded, the
 * cdk-nag plugin and CDK's own template validation (both fail the synth on a finding).
 */
describe('cdk synth (CLI, offline)', () => {
  const out = mkdtempSync(join(tmpdir(), 'ocop-synth-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // cdk synth bundles every Lambda with esbuild (API functions and each module job): on 2 shared cores
  // under a full test run this took 100–180 s; the time is the machine's, the checks are unchanged.
  it('synthesizes without credentials, and each bundled API function boots and answers', { timeout: 360_000 }, async () => {
    const synth = await run('npx', ['cdk', 'synth', '-q', '--no-notices', '-o', out], {
      cwd: repoRoot,
      env: { ...cleanEnv, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(synth.code, synth.output).toBe(0);

    const templateFile = join(out, `${stackName('dev')}.template.json`);
    expect(existsSync(templateFile)).toBe(true);
    const template = JSON.parse(readFileSync(templateFile, 'utf8')) as Json;
    const resources = Object.values<Json>(template.Resources);

    // The API functions (app/functions.ts) are the ones holding the session key (the workers do not).
    const apiFunctions = resources.filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.SESSION_SECRET_ARN);
    expect(apiFunctions.map((r) => r.Properties.Description).sort()).toEqual(functionSpecs.map((spec) => spec.description).sort());

    const deployment = resources.find((r) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployment?.Properties.DestinationBucketKeyPrefix).toBe('static/');

    symlinkSync(join(repoRoot, 'node_modules'), join(out, 'node_modules'), 'dir');
    // The search function loads its snapshot at init: give it an (empty) one on disk, as S3 would.
    const snapshotFile = join(out, 'search-snapshot.json.gz');
    writeFileSync(snapshotFile, encodeSnapshot(SearchIndex.empty()));
    // A route of each function that needs no table: catches ESM/require/bundling mistakes before a deploy does.
    const probes: Record<string, { path: string; expect: string }> = {
      ApiFunction: { path: '/api/openapi.json', expect: '"openapi"' },
      PublicReadFunction: { path: '/api/provinces', expect: '"code"' },
      SearchFunction: { path: '/api/search/suggest?q=mat', expect: '"products"' },
    };
    for (const spec of functionSpecs) {
      const fn = apiFunctions.find((r) => r.Properties.Description === spec.description)!.Properties;
      const assetDir = `asset.${String(fn.Code.S3Key).replace(/\.zip$/, '')}`;
      const bundle = join(out, assetDir, 'index.mjs');
      expect(existsSync(bundle)).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith('import { createRequire as __ocopCreateRequire }')).toBe(true);
      // The SDK stays external (the Lambda runtime provides it): imported, not inlined.
      expect(code).toMatch(/from\s*"@aws-sdk\//);

      // Boot the bundle as Lambda would (its own environment, SDK from outside the bundle).
      // References (Ref/GetAtt) resolve only at deploy time: stand in plausible values for them.
      const lambdaEnv = {
        ...fn.Environment.Variables,
        TABLE_NAME: 'OcopMarket-dev-table',
        SESSION_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:ocop-session-AbCdEf',
        MEDIA_BUCKET: 'ocopmarket-dev-media-bucket',
        EVIDENCE_BUCKET: 'ocopmarket-dev-evidence-bucket',
        PUBLIC_ORIGINS: 'https://d111111abcdef8.cloudfront.net',
        ...(fn.Environment.Variables.SEARCH_SNAPSHOT ? { SEARCH_SNAPSHOT: pathToFileURL(snapshotFile).href } : {}),
      } as Record<string, string>;
      const probe = probes[spec.id]!;
      const [path, query = ''] = probe.path.split('?');
      const invoke = `
        const { handler } = await import('./${assetDir}/index.mjs');
        const path = ${JSON.stringify(path)};
        const res = await handler({
          version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: ${JSON.stringify(query)}, isBase64Encoded: false,
          headers: { host: 'example.cloudfront.net' },
          requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'synth-test' },
            requestId: 'synth-test', routeKey: '$default', stage: '$default', domainName: 'example', accountId: '0', apiId: 'api',
            time: '', timeEpoch: 0 },
        }, { awsRequestId: 'synth-test', functionName: 'api' });
        process.stdout.write('\\nRESULT ' + JSON.stringify({ status: res.statusCode, body: String(res.body).slice(0, 200) }) + '\\n');
      `;
      const boot = await run(process.execPath, ['--input-type=module', '-e', invoke], {
        cwd: out,
        env: { ...cleanEnv, ...lambdaEnv, AWS_REGION: 'ap-southeast-1', AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1' },
      });
      expect(boot.code, `${spec.id}: ${boot.output}`).toBe(0);
      const result = JSON.parse(/^RESULT (.*)$/m.exec(boot.output)?.[1] ?? 'null') as { status: number; body: string } | null;
      expect(result, `${spec.id}: ${boot.output}`).toMatchObject({ status: 200 });
      expect(result?.body).toContain(probe.expect);
    }
  });
});
