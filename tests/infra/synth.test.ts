import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stackName } from '../../infra/build-app';
import { repoRoot } from '../../infra/paths';

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

  it('synthesizes without credentials, and the bundled API function boots and answers', { timeout: 120_000 }, async () => {
    const synth = await run('npx', ['cdk', 'synth', '-q', '--no-notices', '-o', out], {
      cwd: repoRoot,
      env: { ...cleanEnv, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(synth.code, synth.output).toBe(0);

    const templateFile = join(out, `${stackName('dev')}.template.json`);
    expect(existsSync(templateFile)).toBe(true);
    const template = JSON.parse(readFileSync(templateFile, 'utf8')) as Json;
    const resources = Object.values<Json>(template.Resources);

    const apiFunctions = resources.filter(
      // The API function is the one holding the session key (the image and registry workers do not).
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.SESSION_SECRET_ARN,
    );
    expect(apiFunctions).toHaveLength(1);
    const fn = apiFunctions[0]!.Properties;
    const assetDir = `asset.${String(fn.Code.S3Key).replace(/\.zip$/, '')}`;
    const bundle = join(out, assetDir, 'index.mjs');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith('import { createRequire as __ocopCreateRequire }')).toBe(true);
    // The SDK stays external (the Lambda runtime provides it): imported, not inlined.
    expect(code).toMatch(/from\s*"@aws-sdk\//);

    const deployment = resources.find((r) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployment?.Properties.DestinationBucketKeyPrefix).toBe('static/');

    // Boot the bundle as Lambda would (its own environment, SDK from outside the bundle) and ask
    // for a route that needs no table: catches ESM/require/bundling mistakes before a deploy does.
    symlinkSync(join(repoRoot, 'node_modules'), join(out, 'node_modules'), 'dir');
    // References (Ref/GetAtt) resolve only at deploy time: stand in plausible values for them.
    const lambdaEnv = {
      ...fn.Environment.Variables,
      TABLE_NAME: 'OcopMarket-dev-table',
      SESSION_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:ocop-session-AbCdEf',
      MEDIA_BUCKET: 'ocopmarket-dev-media-bucket',
      EVIDENCE_BUCKET: 'ocopmarket-dev-evidence-bucket',
      PUBLIC_ORIGINS: 'https://d111111abcdef8.cloudfront.net',
      SEARCH_SNAPSHOT: 's3://ocopmarket-dev-search-bucket/search/index.json',
    } as Record<string, string>;
    const invoke = `
      const { handler } = await import('./${assetDir}/index.mjs');
      const path = '/api/openapi.json';
      const res = await handler({
        version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', isBase64Encoded: false,
        headers: { host: 'example.cloudfront.net' },
        requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'synth-test' },
          requestId: 'synth-test', routeKey: '$default', stage: '$default', domainName: 'example', accountId: '0', apiId: 'api',
          time: '', timeEpoch: 0 },
      }, { awsRequestId: 'synth-test', functionName: 'api' });
      process.stdout.write('\\nRESULT ' + JSON.stringify({ status: res.statusCode, body: String(res.body).slice(0, 200) }) + '\\n');
    `;
    const boot = await run(process.execPath, ['--input-type=module', '-e', invoke], {
      cwd: out,
      env: {
        ...cleanEnv,
        ...lambdaEnv,
        AWS_REGION: 'ap-southeast-1',
        AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1',
      },
    });
    expect(boot.code, boot.output).toBe(0);
    const result = JSON.parse(/^RESULT (.*)$/m.exec(boot.output)?.[1] ?? 'null') as { status: number; body: string } | null;
    expect(result, boot.output).toMatchObject({ status: 200 });
    expect(result?.body).toContain('"openapi"');
  });
});
