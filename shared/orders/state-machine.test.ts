import { describe, expect, it } from 'vitest';
import { allowedMoves, canMove, holdsStock, subOrderStatuses } from './state-machine';

describe('sub-order state machine', () => {
  it('walks the happy path, each step by the storefront', () => {
    const path = ['confirmed', 'packed', 'shipped', 'delivered', 'completed'] as const;
    let from: (typeof subOrderStatuses)[number] = 'pending_payment';
    for (const to of path) {
      expect(canMove(from, to, 'producer')).toBe(true);
      from = to;
    }
  });

  it('lets the shopper cancel only before shipping', () => {
    expect(allowedMoves('pending_payment', 'shopper')).toEqual(['cancelled']);
    expect(allowedMoves('confirmed', 'shopper')).toEqual(['cancelled']);
    expect(allowedMoves('packed', 'shopper')).toEqual(['cancelled']);
    expect(allowedMoves('shipped', 'shopper')).toEqual([]);
    expect(allowedMoves('delivered', 'shopper')).toEqual(['completed']);
  });

  it('refuses skipped and backward moves for everyone', () => {
    for (const actor of ['shopper', 'producer', 'system'] as const) {
      expect(canMove('confirmed', 'shipped', actor)).toBe(false);
      expect(canMove('shipped', 'packed', actor)).toBe(false);
      expect(canMove('completed', 'refunded', actor)).toBe(false);
      expect(canMove('refunded', 'cancelled', actor)).toBe(false);
      expect(canMove('shipped', 'cancelled', actor)).toBe(false);
    }
  });

  it('lets only the platform or the storefront confirm a payment, never the buyer', () => {
    expect(canMove('pending_payment', 'confirmed', 'shopper')).toBe(false);
    expect(canMove('pending_payment', 'confirmed', 'system')).toBe(true);
  });

  it('has no move out of a final state and knows which states hold stock', () => {
    expect(allowedMoves('completed', 'producer')).toEqual([]);
    expect(allowedMoves('refunded', 'system')).toEqual([]);
    expect(subOrderStatuses.filter(holdsStock)).toEqual(['pending_payment', 'confirmed', 'packed']);
  });
});
