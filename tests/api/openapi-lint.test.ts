import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app';
import { createTestServices } from '../support/test-services';

const run = promisify(execFile);
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
const noNetwork = fileURLToPath(new URL('./no-network.mjs', import.meta.url));

/** Node with every outbound connection refused and logged; returns what it tried. */
async function offline(dir: string, args: string[], env: Record<string, string> = {}) {
  const log = join(dir, `network-${Math.random().toString(36).slice(2)}.log`);
  const result = await run(process.execPath, ['--import', noNetwork, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_NETWORK_LOG: log, NO_COLOR: '1', ...env },
    timeout: 60_000,
  }).catch((error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', code: error.code }));
  return { ...result, attempts: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

describe('Redocly CLI lint (recommended rules) on the real /api/openapi.json, offline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-openapi-lint-'));
    const res = await createApp(await createTestServices()).request('/api/openapi.json');
    expect(res.status).toBe(200);
    writeFileSync(join(dir, 'openapi.json'), await res.text());
    // Explicit, so a redocly.yaml somewhere above the temp dir cannot change the rules; telemetry off
    // in both places the CLI reads it.
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\ntelemetry: off\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the network guard really stops a connection (so the next test proves something)', async () => {
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, "await fetch('https://example.com/').catch(() => {});\nawait import('node:https').then((h) => new Promise((r) => { const q = h.request('https://example.org/', r); q.on('error', r); q.end(); }));\n");
    const { attempts } = await offline(dir, [probe]);
    expect(attempts).toEqual(['fetch https://example.com/', expect.stringMatching(/^(dns example\.org|connect "example\.org":443)$/)]);
  });

  it('reports 0 errors and 0 warnings, and tries no network', async () => {
    const { stdout, stderr, attempts } = await offline(dir, [redocly, 'lint', 'openapi.json', '--config', 'redocly.yaml', '--format', 'json'], {
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number; ignored: number }; problems: Array<{ ruleId: string; message: string; location: unknown }> };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message} ${JSON.stringify(p.location)}`), stderr).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    expect(attempts).toEqual([]);
  });
});
