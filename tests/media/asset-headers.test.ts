import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetSecurityHeaders } from '../../shared/http/asset-headers';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';

/** Issue 10 point 12: files answered straight from disk got none of the app's security headers. */
describe('security headers on /media and /static (local server)', () => {
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocop-asset-headers-'));
    await mkdir(join(dir, 'media', 'demo'), { recursive: true });
    await mkdir(join(dir, 'static'));
    // An SVG is where a missing CSP hurts: opened on its own it could run script.
    await writeFile(join(dir, 'media', 'demo', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await writeFile(join(dir, 'static', 'app.js'), 'export {};\n');
    server = await startTestServer(await createTestServices(), { mediaDir: join(dir, 'media'), staticDir: join(dir, 'static') });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['/media/demo/logo.svg', '/static/app.js'])('%s carries the asset security headers', async (path) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    for (const [name, value] of Object.entries(assetSecurityHeaders)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
