/**
 * An API Gateway HTTP API (payload 2.0) event, the shape the API Lambda receives. Shared by the
 * Lambda handler test and the bench's cold-start proxy so both exercise the same input.
 */
export function httpApiEvent(
  method: string,
  path: string,
  query = '',
  headers: Record<string, string> = {},
  userAgent = 'vitest',
): Record<string, unknown> {
  const now = Date.now();
  const host = 'abc123.execute-api.ap-southeast-1.amazonaws.com';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    cookies: [],
    headers: { host, 'user-agent': userAgent, accept: 'application/json', ...headers },
    queryStringParameters: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: host,
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent },
      requestId: `apigw-${now}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
}
