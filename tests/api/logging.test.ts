import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app/create-app';
import { createTestServices } from '../support/test-services';

describe('structured logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carries the request id on every line of a request, as JSON through Powertools', async () => {
    const lines: string[] = [];
    const logger = new Logger({ serviceName: 'ocop-test', logLevel: 'INFO' });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const services = await createTestServices();
    const app = createApp({ ...services, logger });
    await app.request('/api/products?limit=abc', { headers: { 'X-Request-Id': 'req-log-test-1' } });
    vi.restoreAllMocks();
    const entries = lines.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = entries.filter((e) => e.requestId === 'req-log-test-1');
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.find((e) => e.message === 'request')).toMatchObject({ level: 'INFO', method: 'GET', path: '/api/products', status: 400, service: 'ocop-test' });
    expect(entries.every((e) => e.requestId === 'req-log-test-1')).toBe(true);
  });
});
