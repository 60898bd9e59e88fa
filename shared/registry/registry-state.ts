import type { AuditAction } from './audit';
import type { Certificate } from './certificate';
import { verificationState } from './verification';

/**
 * What an officer needs to read at a glance, evaluated at `now` (expiry is never stored): the
 * public verification state, plus "đã hạ hạng" when the last change was a downgrade. Revoked and
 * expired win over downgraded, because they say more about whether the product may be sold.
 */
export const registryStates = ['valid', 'expired', 'revoked', 'downgraded', 'superseded', 'below_three_stars'] as const;
export type RegistryState = (typeof registryStates)[number];

export const registryStateLabels: Record<RegistryState, string> = {
  valid: 'Còn hiệu lực',
  expired: 'Hết hạn',
  revoked: 'Đã thu hồi',
  downgraded: 'Đã hạ hạng',
  superseded: 'Đã được thay thế',
  below_three_stars: 'Dưới 3 sao (chưa đạt OCOP)',
};

export function registryState(cert: Pick<Certificate, 'status' | 'stars' | 'expiresAt'>, lastAction: AuditAction | undefined, now: Date): RegistryState {
  const state = verificationState(cert, now);
  if (lastAction === 'downgrade' && (state === 'valid' || state === 'below_three_stars')) return 'downgraded';
  return state;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days left before the certificate lapses (0 on its last day), or undefined once lapsed. */
export function daysLeft(expiresAt: string, now: Date): number | undefined {
  const ms = Date.parse(expiresAt) - now.getTime();
  return ms > 0 ? Math.floor(ms / DAY_MS) : undefined;
}
