import type { Certificate } from '../../shared/registry/certificate';
import { verificationState, verificationStateLabels, type VerificationState } from '../../shared/registry/verification';

/** Renewal takes a new evaluation: half a year's warning leaves time for the council to sit. */
export const EXPIRING_SOON_DAYS = 180;
const DAY_MS = 24 * 3600 * 1000;

/**
 * "2028-09-01" → "01/09/2028". `expiresOn` is already a Vietnam calendar date (the last valid day),
 * so it is reformatted, never shifted through a time zone.
 */
export function vietnamCalendarDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return y && m && d ? `${d}/${m}/${y}` : isoDate;
}

export interface CertificateView {
  state: VerificationState;
  stateLabel: string;
  /** Active and unexpired: what linkCertificate accepts (below 3★ links, but does not list). */
  linkable: boolean;
  expiringSoon: boolean;
  daysLeft: number;
}

/** The same state the public verification page shows, evaluated at `now`. */
export function certificateView(cert: Certificate, now: Date): CertificateView {
  const state = verificationState(cert, now);
  const left = Date.parse(cert.expiresAt) - now.getTime();
  const unexpired = left > 0;
  return {
    state,
    stateLabel: verificationStateLabels[state],
    linkable: cert.status === 'active' && unexpired,
    expiringSoon: cert.status === 'active' && unexpired && left <= EXPIRING_SOON_DAYS * DAY_MS,
    daysLeft: Math.max(0, Math.ceil(left / DAY_MS)),
  };
}

/** "CN-123 · 4★ · hết hạn 01/09/2028" — how a certificate reads in a select list. */
export function certificateOptionLabel(cert: Certificate, now: Date): string {
  const view = certificateView(cert, now);
  const note = view.linkable ? '' : ` (${view.stateLabel.toLowerCase()})`;
  return `${cert.certificateNo} · ${cert.stars}★ · hết hạn ${vietnamCalendarDay(cert.expiresOn)}${note}`;
}
