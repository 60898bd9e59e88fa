import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../shared/http/errors';
import { assertOfficerOf, assertOwnsStorefront } from '../../shared/identity/authorize';
import { Unauthenticated } from '../../shared/identity/errors';
import type { Principal } from '../../shared/identity/principal';

const session = { jti: 'j', expiresAt: 0, via: 'bearer' as const };
const base = { accountId: 'a', email: 'a@b.vn', displayName: 'A', session };
const producerA: Principal = { ...base, role: 'producer', producerId: 'htx-a' };
const pendingProducer: Principal = { ...base, role: 'producer' };
const officer01: Principal = { ...base, role: 'officer', provinceCode: '01' };
const admin: Principal = { ...base, role: 'admin' };
const shopper: Principal = { ...base, role: 'shopper' };

describe('object-level authorization helpers', () => {
  it('assertOwnsStorefront: only the owning producer (admin when asked)', () => {
    expect(() => assertOwnsStorefront(producerA, 'htx-a')).not.toThrow();
    expect(() => assertOwnsStorefront(producerA, 'htx-b')).toThrow(Forbidden);
    expect(() => assertOwnsStorefront(pendingProducer, 'htx-a')).toThrow(Forbidden);
    expect(() => assertOwnsStorefront(shopper, 'htx-a')).toThrow(Forbidden);
    expect(() => assertOwnsStorefront(officer01, 'htx-a')).toThrow(Forbidden);
    expect(() => assertOwnsStorefront(admin, 'htx-a')).toThrow(Forbidden);
    expect(() => assertOwnsStorefront(admin, 'htx-a', { orAdmin: true })).not.toThrow();
    expect(() => assertOwnsStorefront(undefined, 'htx-a')).toThrow(Unauthenticated);
  });

  it('assertOfficerOf: only the officer of that province (admin when asked)', () => {
    expect(() => assertOfficerOf(officer01, '01')).not.toThrow();
    expect(() => assertOfficerOf(officer01, '79')).toThrow(Forbidden);
    expect(() => assertOfficerOf(producerA, '01')).toThrow(Forbidden);
    expect(() => assertOfficerOf(admin, '01')).toThrow(Forbidden);
    expect(() => assertOfficerOf(admin, '01', { orAdmin: true })).not.toThrow();
    expect(() => assertOfficerOf(undefined, '01')).toThrow(Unauthenticated);
  });

  it('maps to 401 and 403 with the shared error codes', () => {
    try {
      assertOfficerOf(officer01, '79');
    } catch (e) {
      expect((e as Forbidden).status).toBe(403);
      expect((e as Forbidden).code).toBe('NOT_PROVINCE_OFFICER');
    }
    expect(new Unauthenticated().status).toBe(401);
  });
});
