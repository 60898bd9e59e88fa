/**
 * Opening hours of a point of sale, kept the way a shop sign reads: per weekday, one or more
 * intervals (a lunch break is the gap between two), and dated closures (Tết, inventory days).
 * Everything is in Vietnam time: UTC+7 all year (no daylight saving since 1975), so the local
 * wall clock is plain arithmetic on the UTC instant.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "07:30"–"11:30"; close "24:00" = midnight; close before open = runs past midnight (night kiosks). */
export interface Interval {
  open: string;
  close: string;
}

export interface OpeningHours {
  weekly: Record<Weekday, Interval[]>;
  /** Local dates (YYYY-MM-DD) it is closed all day. */
  closures: { date: string; reason?: string | undefined }[];
}

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Thứ Hai',
  tue: 'Thứ Ba',
  wed: 'Thứ Tư',
  thu: 'Thứ Năm',
  fri: 'Thứ Sáu',
  sat: 'Thứ Bảy',
  sun: 'Chủ nhật',
};

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The local day (as a UTC-midnight Date of that local date) and the minute of that day. */
function localParts(at: Date): { dayStart: number; minute: number; second: number } {
  const local = at.getTime() + VIETNAM_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const ms = local - dayStart;
  return { dayStart, minute: Math.floor(ms / 60000), second: ms / 1000 };
}

const weekdayOf = (dayStart: number): Weekday => WEEKDAYS[(new Date(dayStart).getUTCDay() + 6) % 7]!;
const dateOf = (dayStart: number): string => new Date(dayStart).toISOString().slice(0, 10);

/** [start, end) in seconds from the local midnight of `dayStart`, for each interval of that day. */
function spansOf(hours: OpeningHours, dayStart: number): [number, number][] {
  if (hours.closures.some((c) => c.date === dateOf(dayStart))) return [];
  return (hours.weekly[weekdayOf(dayStart)] ?? []).map((i) => {
    const open = minutesOf(i.open) * 60;
    let close = minutesOf(i.close) * 60;
    if (close <= open) close += 24 * 3600; // past midnight
    return [open, close];
  });
}

/** Open at this instant? Includes the tail of yesterday's past-midnight interval. */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const { dayStart, second } = localParts(at);
  if (spansOf(hours, dayStart).some(([s, e]) => second >= s && second < e)) return true;
  return spansOf(hours, dayStart - DAY_MS).some(([s, e]) => second + 24 * 3600 >= s && second + 24 * 3600 < e);
}

/** The next instant it opens after `at` (not counting an interval it is in now), within two weeks. */
export function nextOpeningAfter(hours: OpeningHours, at: Date): Date | undefined {
  const { dayStart, second } = localParts(at);
  for (let d = 0; d <= 14; d++) {
    const day = dayStart + d * DAY_MS;
    const starts = spansOf(hours, day)
      .map(([s]) => s)
      .filter((s) => d > 0 || s > second)
      .sort((a, b) => a - b);
    if (starts.length) return new Date(day + starts[0]! * 1000 - VIETNAM_OFFSET_MS);
  }
  return undefined;
}

/** "07:30–11:30, 13:30–17:00" or "Nghỉ". */
export function describeDay(intervals: readonly Interval[]): string {
  return intervals.length ? intervals.map((i) => `${i.open}–${i.close === '24:00' ? '24:00' : i.close}`).join(', ') : 'Nghỉ';
}
