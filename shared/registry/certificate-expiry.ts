/**
 * A 3–5★ OCOP recognition is valid 36 months from the date the decision is signed (Decision
 * 148/QĐ-TTg). Expiry is derived, never typed in: recomputed whenever the decision date changes.
 */
export const VALIDITY_MONTHS = 36;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO calendar date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** decisionDate + 36 calendar months, same day of month, clamped to the month's end (29/02 → 28/02). */
export function certificateExpiresOn(decisionDate: string, months = VALIDITY_MONTHS): string {
  const { y, m, d } = parseIsoDate(decisionDate);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant validity ends: the certificate is valid through the whole of `expiresOn` in Vietnam
 * (UTC+7, no DST), so it lapses at 00:00 of the next day there, i.e. 17:00 UTC on `expiresOn`.
 */
export function certificateExpiresAt(expiresOn: string): string {
  const { y, m, d } = parseIsoDate(expiresOn);
  return new Date(Date.UTC(y, m - 1, d, 17, 0, 0, 0)).toISOString();
}
