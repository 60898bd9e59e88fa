import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction } from './lifecycle';
import type { LiveTimes } from './window';

const scheduled: LiveTimes = { status: 'scheduled', startsAt: '2026-12-05T12:00:00.000Z', endsAt: '2026-12-05T14:00:00.000Z' };
const before = new Date('2026-12-05T11:00:00.000Z');
const during = new Date('2026-12-05T13:00:00.000Z');
const after = new Date('2026-12-05T15:00:00.000Z');

describe('livestream lifecycle', () => {
  it('scheduled → live (early start) → ended (early end)', () => {
    const start = applyAction(scheduled, 'start', before);
    expect(start).toEqual({ ok: true, to: 'live', patch: { status: 'live', startedAt: before.toISOString() } });
    const live = { ...scheduled, ...(start.ok ? start.patch : {}) };
    const end = applyAction(live, 'end', new Date('2026-12-05T11:30:00.000Z'));
    expect(end).toMatchObject({ ok: true, to: 'ended', patch: { endedAt: '2026-12-05T11:30:00.000Z' } });
  });

  it('scheduled → cancelled', () => {
    expect(applyAction(scheduled, 'cancel', before)).toEqual({ ok: true, to: 'cancelled', patch: { status: 'cancelled' } });
  });

  it('refuses ending a live that has not started, and cancelling or restarting one that is on', () => {
    expect(applyAction(scheduled, 'end', before)).toEqual({ ok: false, from: 'scheduled', to: 'ended', allowed: ['start', 'cancel'] });
    expect(applyAction(scheduled, 'cancel', during)).toEqual({ ok: false, from: 'live', to: 'cancelled', allowed: ['end'] });
    expect(applyAction(scheduled, 'start', during)).toMatchObject({ ok: false, from: 'live' });
  });

  it('nothing moves after the end or after a cancellation', () => {
    expect(allowedActions('ended')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
    expect(applyAction(scheduled, 'start', after)).toMatchObject({ ok: false, from: 'ended', allowed: [] });
    expect(applyAction({ ...scheduled, status: 'cancelled' }, 'start', before)).toMatchObject({ ok: false, from: 'cancelled' });
  });
});
