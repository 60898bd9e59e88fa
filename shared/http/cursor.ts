import { z } from 'zod';
import { InvalidInput } from './errors';

/**
 * Opaque pagination cursors: the DynamoDB start key plus a fingerprint of the query it belongs to,
 * so a cursor from one listing cannot be replayed against another (or hand-edited) unnoticed.
 */
const CursorSchema = z.object({
  q: z.string().max(200),
  k: z.record(z.string().max(64), z.union([z.string().max(400), z.number()])).refine((k) => Object.keys(k).length <= 6),
});

export type StartKey = Record<string, string | number>;

export function encodeCursor(fingerprint: string, key: StartKey): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): StartKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInput('Malformed cursor', 'INVALID_CURSOR');
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || result.data.q !== fingerprint) {
    throw new InvalidInput('Cursor does not belong to this query', 'INVALID_CURSOR');
  }
  return result.data.k;
}
