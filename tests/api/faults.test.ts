import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app';
import type { EdgeServices as Services } from '../../app/create-services';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';

/** Faults a real DynamoDB Local cannot produce on demand, injected with aws-sdk-client-mock. */
describe('DynamoDB faults reach the client as retryable 503s, never as 500s or stack traces', () => {
  let services: Services;
  beforeAll(async () => {
    services = await createTestServices();
  });
  let mock: ReturnType<typeof mockClient> | undefined;
  afterEach(() => mock?.restore());

  const throttled = () => Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ProvisionedThroughputExceededException' });
  const timedOut = () => Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });

  it.each([
    ['throttling on list', '/api/products', QueryCommand, throttled],
    ['timeout on product read', '/api/products/mat-ong-0001', GetCommand, timedOut],
  ])('%s', async (_name, path, command, fault) => {
    mock = mockClient(services.db);
    mock.on(command as typeof QueryCommand).rejects(fault());
    const res = await createApp(services).request(path);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    await expectErrorShape(res, 'SERVICE_BUSY');
  });

  it('turns an unexpected failure into a 500 with no internals', async () => {
    mock = mockClient(services.db);
    mock.on(QueryCommand).rejects(new Error('ValidationException: secret table layout details'));
    const res = await createApp(services).request('/api/products');
    expect(res.status).toBe(500);
    const body = await expectErrorShape(res, 'INTERNAL');
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('reports degraded health when the table cannot be read', async () => {
    mock = mockClient(services.db);
    mock.on(GetCommand).rejects(timedOut());
    const res = await createApp(services).request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
  });
});
