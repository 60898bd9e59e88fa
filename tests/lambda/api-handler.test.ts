import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { handler as Handler } from '../../functions/api/handler';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';
import { httpApiEvent as buildEvent } from '../../bench/http-api-event';
import { createTestServices } from '../support/test-services';

type LambdaEvent = Parameters<typeof Handler>[0];

/** A real API Gateway HTTP API (payload 2.0) event, as the Lambda receives it. */
const httpApiEvent = (method: string, path: string, query = '', headers: Record<string, string> = {}) =>
  buildEvent(method, path, query, headers) as unknown as LambdaEvent;

const context = {
  functionName: 'ocop-api',
  awsRequestId: 'lambda-req-1',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

describe('API Lambda handler (functions/api)', () => {
  let handler: typeof Handler;
  const product = makeProduct({ id: 'keo-dua-ben-tre-0001', name: 'Kẹo dừa Bến Tre' });

  beforeAll(async () => {
    const services = await createTestServices();
    await services.producers.createProducer(makeProducer());
    await services.catalog.saveProduct(product);
    // The handler builds its services from the environment at import, as in AWS.
    process.env.TABLE_NAME = services.config.tableName;
    process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    process.env.AWS_REGION = 'local';
    process.env.LOG_LEVEL = 'SILENT';
    ({ handler } = await import('../../functions/api/handler'));
  });

  it('serves the product list from an HTTP API v2 event', async () => {
    const res = await handler(httpApiEvent('GET', '/api/products', 'limit=5&sort=price_asc'), context);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toContain('application/json');
    const body = JSON.parse(res.body) as { items: Array<{ id: string }> };
    expect(body.items.map((i) => i.id)).toEqual([product.id]);
    expect(res.headers?.['x-request-id']).toBeTruthy();
  });

  it('answers bad input with the 400 JSON shape', async () => {
    const res = await handler(httpApiEvent('GET', '/api/products', 'limit=100000'), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('serves a product and 404s unknown routes', async () => {
    const ok = await handler(httpApiEvent('GET', `/api/products/${product.id}`), context);
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ product: { name: 'Kẹo dừa Bến Tre' } });
    const missing = await handler(httpApiEvent('GET', '/api/khong-co'), context);
    expect(missing.statusCode).toBe(404);
  });

  it('serves server-rendered pages through the same handler', async () => {
    const res = await handler(httpApiEvent('GET', '/', '', { accept: 'text/html' }), context);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toContain('text/html');
    expect(res.body).toContain('lang="vi"');
  });
});
