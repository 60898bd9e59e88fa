/**
 * When a live's prices apply. The stored status records what the producer did (started early, ended
 * early, cancelled); the clock does the rest: a scheduled live opens at its start and closes at its
 * end by server time without anyone pressing a button. The window is [opensAt, closesAt): the first
 * second of the live is in it, the end second is not.
 */
export const storedStatuses = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type StoredStatus = (typeof storedStatuses)[number];

/** What a shopper sees now. */
export type LiveStatus = StoredStatus;

export interface LiveTimes {
  status: StoredStatus;
  startsAt: string;
  endsAt: string;
  /** Set by an early (or on-time) start. */
  startedAt?: string | undefined;
  /** Set by an early end. */
  endedAt?: string | undefined;
}

export const opensAt = (live: LiveTimes): string => live.startedAt ?? live.startsAt;
export const closesAt = (live: LiveTimes): string => live.endedAt ?? live.endsAt;

export function effectiveStatus(live: LiveTimes, now: Date): LiveStatus {
  if (live.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (t >= Date.parse(closesAt(live))) return 'ended';
  if (t >= Date.parse(opensAt(live))) return 'live';
  return 'scheduled';
}

/** The live price applies only inside the window, and never for a cancelled live. */
export const livePriceApplies = (live: LiveTimes, now: Date): boolean => effectiveStatus(live, now) === 'live';
