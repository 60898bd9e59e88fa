import { vietnamCalendarDate } from '../../shared/time/vietnam-time';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Calendar arithmetic on YYYY-MM-DD: months first (day clamped to the month's end, as for expiry),
 * then days. Demo dates are relative to `now` so the catalogue stays valid whenever it is seeded.
 */
export function shiftIsoDate(date: string, shift: { months?: number; days?: number }): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const monthIndex = Number(match[1]) * 12 + Number(match[2]) - 1 + (shift.months ?? 0);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(Number(match[3]), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return new Date(Date.UTC(year, month, day) + (shift.days ?? 0) * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date in Vietnam at `now`: decisions are dated in local time. */
export function todayInVietnam(now: Date): string {
  return vietnamCalendarDate(now);
}

/** An instant on a Vietnamese calendar date, at `hour` local time (UTC+7, no DST). */
export function vietnamInstant(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}

export { DAY_MS };
