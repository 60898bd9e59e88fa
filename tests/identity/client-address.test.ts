import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { fromAddress } from '../support/client-address';
import { createTestServices } from '../support/test-services';
import { startTestServer, type TestServer } from '../support/test-server';

/** API Gateway's bindings as hono/aws-lambda passes them (payload 2.0). */
const viaApiGateway = (sourceIp: string) => ({ requestContext: { http: { sourceIp } } });

let n = 0;
/** A wrong password for an email never seen before: only the per-client counter can lock it. */
const guess = () => JSON.stringify({ email: `khong-co-${++n}@thu-nghiem.vn`, password: 'đoán sai mật khẩu' });
const forged = (i: number) => ({ 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` });

/** Five misses are free; the sixth request from the same client then waits (429). */
async function expectLockedAfterFive(send: (i: number) => Response | Promise<Response>) {
  for (let i = 0; i < 5; i++) expect((await send(i)).status, `attempt ${i + 1}`).toBe(401);
  const sixth = await send(5);
  expect(sixth.status).toBe(429);
  expect(sixth.headers.get('retry-after')).toBe('1');
}

describe('the throttles count the address the platform saw, never X-Forwarded-For', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-11-23T03:00:00Z') });
    app = createApp(services);
  });

  const login = (headers: Record<string, string>, env: object) => app.request('/api/auth/login', { method: 'POST', headers, body: guess() }, env);

  it('locally: six failures from one socket under six forged X-Forwarded-For values lock that client', async () => {
    await expectLockedAfterFive((i) => login(forged(i), fromAddress('198.51.100.20')));
    // Another socket is another client.
    expect((await login(forged(9), fromAddress('198.51.100.21'))).status).toBe(401);
  });

  it('through the real local server (@hono/node-server): the socket address reaches the throttle', async () => {
    const server: TestServer = await startTestServer(services);
    try {
      await expectLockedAfterFive((i) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: forged(i), body: guess() }));
    } finally {
      await server.close();
    }
  });

  it('on AWS: API Gateway sourceIp counts; X-Forwarded-For and a forged CloudFront-Viewer-Address do not', async () => {
    await expectLockedAfterFive((i) => login({ ...forged(i), 'cloudfront-viewer-address': `192.0.2.${i + 1}:443` }, viaApiGateway('198.51.100.30')));
  });

  it('behind CloudFront (config.behindCloudFront): the viewer address CloudFront set counts, not the edge', async () => {
    const behind = createApp({ ...services, config: { ...services.config, behindCloudFront: true } });
    const send = (viewer: string, i: number) =>
      behind.request('/api/auth/login', { method: 'POST', headers: { ...forged(i), 'cloudfront-viewer-address': viewer }, body: guess() }, viaApiGateway('198.51.100.40'));
    await expectLockedAfterFive((i) => send('2001:db8::7:51234', i));
    // Another viewer through the same edge server has its own counter.
    expect((await send('198.51.100.41:40000', 0)).status).toBe(401);
  });
});

