import { effectiveStatus, type LiveStatus, type LiveTimes } from './window';

/**
 * The producer's moves: scheduled → live (start, early or on time) → ended (end, early or on time),
 * and scheduled → cancelled. Decided on the effective status, so a live the clock already opened
 * cannot be "started" again nor cancelled, and one the clock closed cannot be ended.
 */
export const liveActions = ['start', 'end', 'cancel'] as const;
export type LiveAction = (typeof liveActions)[number];

const moves: Record<LiveAction, { from: readonly LiveStatus[]; to: LiveStatus }> = {
  start: { from: ['scheduled'], to: 'live' },
  end: { from: ['live'], to: 'ended' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

export type LifecycleResult =
  | { ok: true; to: LiveStatus; patch: Partial<Pick<LiveTimes, 'startedAt' | 'endedAt'>> & { status: LiveStatus } }
  | { ok: false; from: LiveStatus; to: LiveStatus; allowed: LiveAction[] };

/** The actions open to a live in this effective status. */
export const allowedActions = (status: LiveStatus): LiveAction[] => liveActions.filter((a) => moves[a].from.includes(status));

export function applyAction(live: LiveTimes, action: LiveAction, now: Date): LifecycleResult {
  const from = effectiveStatus(live, now);
  const move = moves[action];
  if (!move.from.includes(from)) return { ok: false, from, to: move.to, allowed: allowedActions(from) };
  const at = now.toISOString();
  if (action === 'start') return { ok: true, to: 'live', patch: { status: 'live', startedAt: at } };
  if (action === 'end') return { ok: true, to: 'ended', patch: { status: 'ended', endedAt: at } };
  return { ok: true, to: 'cancelled', patch: { status: 'cancelled' } };
}
