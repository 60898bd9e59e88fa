/** Storage attributes every module's items may carry (keys, index keys, TTL, item type). */
const itemKeys = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', 'PRICE', 'STARS', 'RATING', 'ttl', 'type'] as const;

/** Strips storage attributes so what leaves a store is the domain object only. */
export function withoutKeys<T extends object>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const k of itemKeys) delete out[k];
  return out as T;
}
