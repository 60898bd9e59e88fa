import { describe, expect, it } from 'vitest';
import { effectiveStatus, livePriceApplies, type LiveTimes } from './window';

const live: LiveTimes = { status: 'scheduled', startsAt: '2026-12-05T12:00:00.000Z', endsAt: '2026-12-05T14:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('price window at the boundary seconds', () => {
  it('does not apply one second before the start, applies at the start second', () => {
    expect(livePriceApplies(live, at('2026-12-05T11:59:59.999Z'))).toBe(false);
    expect(effectiveStatus(live, at('2026-12-05T11:59:59.000Z'))).toBe('scheduled');
    expect(livePriceApplies(live, at('2026-12-05T12:00:00.000Z'))).toBe(true);
  });

  it('applies in the last second, not at the end second', () => {
    expect(livePriceApplies(live, at('2026-12-05T13:59:59.999Z'))).toBe(true);
    expect(livePriceApplies(live, at('2026-12-05T14:00:00.000Z'))).toBe(false);
    expect(effectiveStatus(live, at('2026-12-05T14:00:00.000Z'))).toBe('ended');
  });

  it('an early start opens the window at the start pressed, until the planned end', () => {
    const started = { ...live, status: 'live' as const, startedAt: '2026-12-05T11:30:00.000Z' };
    expect(livePriceApplies(started, at('2026-12-05T11:29:59.999Z'))).toBe(false);
    expect(livePriceApplies(started, at('2026-12-05T11:30:00.000Z'))).toBe(true);
    expect(livePriceApplies(started, at('2026-12-05T14:00:00.000Z'))).toBe(false);
  });

  it('an early end closes it at that second', () => {
    const ended = { ...live, status: 'ended' as const, startedAt: '2026-12-05T12:00:00.000Z', endedAt: '2026-12-05T13:00:00.000Z' };
    expect(livePriceApplies(ended, at('2026-12-05T12:59:59.999Z'))).toBe(true);
    expect(livePriceApplies(ended, at('2026-12-05T13:00:00.000Z'))).toBe(false);
  });

  it('a cancelled live prices nothing, even inside its planned window', () => {
    const cancelled = { ...live, status: 'cancelled' as const };
    expect(livePriceApplies(cancelled, at('2026-12-05T13:00:00.000Z'))).toBe(false);
    expect(effectiveStatus(cancelled, at('2026-12-05T13:00:00.000Z'))).toBe('cancelled');
  });
});
