/**
 * A fair's states (docs/fairs.md): draft (organisers only) → open (producers apply for booths) →
 * live (visitors walk the halls; fair prices apply inside [startsAt, endsAt)) → closed. One way only:
 * a fair never goes back, so a price that stopped never starts again.
 */
export const fairStatuses = ['draft', 'open', 'live', 'closed'] as const;
export type FairStatus = (typeof fairStatuses)[number];

const next: Record<FairStatus, readonly FairStatus[]> = {
  draft: ['open'],
  open: ['live'],
  live: ['closed'],
  closed: [],
};

export const allowedTransitions = (from: FairStatus): FairStatus[] => [...next[from]];

export type TransitionResult = { ok: true; from: FairStatus; to: FairStatus } | { ok: false; from: FairStatus; to: FairStatus; allowed: FairStatus[] };

export function transition(from: FairStatus, to: FairStatus): TransitionResult {
  return next[from].includes(to) ? { ok: true, from, to } : { ok: false, from, to, allowed: allowedTransitions(from) };
}

export interface FairWindow {
  status: FairStatus;
  startsAt: string;
  endsAt: string;
}

/**
 * The fair price applies only while the fair is live and the server's clock is inside its dates:
 * the start second is in, the end second is not (as for live prices, shared/livestream/window.ts).
 */
export function fairPriceApplies(fair: FairWindow, now: Date): boolean {
  const t = now.getTime();
  return fair.status === 'live' && t >= Date.parse(fair.startsAt) && t < Date.parse(fair.endsAt);
}

/** What a visitor list calls the fair now. */
export type FairListStatus = 'live' | 'upcoming' | 'closed';
export function listStatusOf(fair: FairWindow, now: Date): FairListStatus | undefined {
  if (fair.status === 'draft') return undefined;
  if (fair.status === 'closed' || now.getTime() >= Date.parse(fair.endsAt)) return 'closed';
  if (fair.status === 'live' && now.getTime() >= Date.parse(fair.startsAt)) return 'live';
  return 'upcoming';
}
