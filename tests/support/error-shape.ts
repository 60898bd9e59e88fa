import { expect } from 'vitest';
import type { ErrorBody } from '../../shared/http/errors';

/** Asserts the one error shape: `{ error: { code, message, details? } }`, JSON, and no stack trace. */
export async function expectErrorShape(res: Response, code?: string): Promise<ErrorBody> {
  expect(res.headers.get('content-type')).toContain('application/json');
  const text = await res.text();
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).filter((k) => k !== 'details').sort()).toEqual(['code', 'message']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  return body;
}
