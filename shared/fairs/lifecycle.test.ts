import { describe, expect, it } from 'vitest';
import { allowedTransitions, fairPriceApplies, fairStatuses, listStatusOf, transition } from './lifecycle';

describe('fair state machine', () => {
  it('moves draft → open → live → closed and nowhere else', () => {
    const legal = new Set(['draft>open', 'open>live', 'live>closed']);
    for (const from of fairStatuses) {
      for (const to of fairStatuses) {
        const r = transition(from, to);
        expect(r.ok, `${from} → ${to}`).toBe(legal.has(`${from}>${to}`));
        if (!r.ok) expect(r.allowed).toEqual(allowedTransitions(from));
      }
    }
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('prices only while live, from the start second up to (not including) the end second', () => {
    const fair = { status: 'live' as const, startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-07T15:00:00.000Z' };
    expect(fairPriceApplies(fair, new Date(Date.parse(fair.startsAt) - 1000))).toBe(false);
    expect(fairPriceApplies(fair, new Date(fair.startsAt))).toBe(true);
    expect(fairPriceApplies(fair, new Date(Date.parse(fair.endsAt) - 1000))).toBe(true);
    expect(fairPriceApplies(fair, new Date(fair.endsAt))).toBe(false);
    expect(fairPriceApplies({ ...fair, status: 'open' }, new Date(fair.startsAt))).toBe(false);
    expect(fairPriceApplies({ ...fair, status: 'closed' }, new Date(fair.startsAt))).toBe(false);
  });

  it('lists a live fair before its start as upcoming and past its end as closed; drafts never', () => {
    const fair = { status: 'live' as const, startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-07T15:00:00.000Z' };
    expect(listStatusOf(fair, new Date('2026-12-04T00:00:00Z'))).toBe('upcoming');
    expect(listStatusOf(fair, new Date('2026-12-06T00:00:00Z'))).toBe('live');
    expect(listStatusOf(fair, new Date('2026-12-08T00:00:00Z'))).toBe('closed');
    expect(listStatusOf({ ...fair, status: 'open' }, new Date('2026-12-06T00:00:00Z'))).toBe('upcoming');
    expect(listStatusOf({ ...fair, status: 'draft' }, new Date('2026-12-06T00:00:00Z'))).toBeUndefined();
  });
});
