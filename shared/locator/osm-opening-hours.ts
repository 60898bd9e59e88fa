import OpeningHoursParser from 'opening_hours';
import { WEEKDAYS, type Interval, type OpeningHours, type Weekday } from './opening-hours';

/**
 * OpenStreetMap `opening_hours` strings ("Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00"), read
 * with the maintained parser (npm `opening_hours`) into the stored weekly form and written back.
 *
 * The parser works in the process's local time zone. We ask it for the open intervals of a
 * reference week (Monday 8 – Monday 15 January 2024: no daylight-saving change in any zone) and read
 * them back with local getters, so the weekly form is the same whatever TZ the process runs in.
 */
const WEEK_START = () => new Date(2024, 0, 8, 0, 0, 0);
const WEEK_END = () => new Date(2024, 0, 15, 0, 0, 0);
/** JS getDay() (0 = Sunday) → our weekday. */
const weekdayOfJs = (day: number): Weekday => WEEKDAYS[(day + 6) % 7]!;

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export type OsmResult = { ok: true; weekly: OpeningHours['weekly'] } | { ok: false; message: string };

const emptyWeek = (): Record<Weekday, [number, number][]> => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/**
 * Reads an OSM string into the weekly form. Only week-stable schedules are accepted: dated rules
 * ("Jan 01 off", "PH off") belong in the closures list, which is kept apart. An interval past
 * midnight ("18:00-02:00") stays one interval of the day it starts, as the stored form allows.
 */
export function fromOsm(value: string): OsmResult {
  let oh: InstanceType<typeof OpeningHoursParser>;
  try {
    oh = new OpeningHoursParser(value.trim(), { lat: 21.03, lon: 105.85, address: { country_code: 'vn', state: '' } }, 0);
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 200);
    return { ok: false, message: `Chuỗi giờ mở cửa OSM không đọc được: ${reason}` };
  }
  if (!oh.isWeekStable()) return { ok: false, message: 'Giờ mở cửa OSM thay đổi theo ngày hoặc mùa: chỉ nhận lịch lặp lại hằng tuần (ngày nghỉ ghi riêng)' };
  const days = emptyWeek();
  for (const [from, to] of oh.getOpenIntervals(WEEK_START(), WEEK_END())) {
    // Split at local midnights first; the stored form is per weekday.
    let start = from;
    while (start < to) {
      const midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
      const end = to < midnight ? to : midnight;
      const a = start.getHours() * 60 + start.getMinutes();
      const b = end.getTime() === midnight.getTime() ? 1440 : end.getHours() * 60 + end.getMinutes();
      if (b > a) days[weekdayOfJs(start.getDay())].push([a, b]);
      start = end;
    }
  }
  // Rejoin "…–24:00" with the next day's "00:00–…" into one past-midnight interval (the week wraps:
  // Sunday night runs into Monday), unless one of them is a whole day.
  for (let k = 0; k < 7; k++) {
    const day = days[WEEKDAYS[k]!];
    const next = days[WEEKDAYS[(k + 1) % 7]!];
    const last = day[day.length - 1];
    const first = next[0];
    if (last && first && last[1] === 1440 && first[0] === 0 && last[0] > 0 && first[1] < 1440 && first[1] <= last[0]) {
      day[day.length - 1] = [last[0], first[1]];
      next.shift();
    }
  }
  const weekly = Object.fromEntries(
    WEEKDAYS.map((d) => [d, days[d].map(([a, b]): Interval => ({ open: hhmm(a), close: b === 1440 ? '24:00' : hhmm(b % 1440) }))]),
  ) as OpeningHours['weekly'];
  if (WEEKDAYS.some((d) => weekly[d].length > 4)) return { ok: false, message: 'Tối đa 4 khoảng giờ một ngày' };
  return { ok: true, weekly };
}

const OSM_DAYS: Record<Weekday, string> = { mon: 'Mo', tue: 'Tu', wed: 'We', thu: 'Th', fri: 'Fr', sat: 'Sa', sun: 'Su' };
const osmDay = (intervals: readonly Interval[]) => intervals.map((i) => `${i.open}-${i.close}`).join(',');

/** The weekly form as an OSM string, days with the same hours grouped ("Mo-Fr …; Sa …"); "off" when never open. */
export function toOsm(weekly: OpeningHours['weekly']): string {
  if (WEEKDAYS.every((d) => osmDay(weekly[d]) === '00:00-24:00')) return '24/7';
  const rules: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const value = osmDay(weekly[WEEKDAYS[i]!]);
    let j = i;
    while (j + 1 < WEEKDAYS.length && osmDay(weekly[WEEKDAYS[j + 1]!]) === value) j++;
    if (value !== '') rules.push(`${OSM_DAYS[WEEKDAYS[i]!]}${i === j ? '' : `-${OSM_DAYS[WEEKDAYS[j]!]}`} ${value}`);
    i = j + 1;
  }
  return rules.length ? rules.join('; ') : 'off';
}

