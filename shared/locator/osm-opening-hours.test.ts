import { describe, expect, it } from 'vitest';
import { isOpenAt } from './opening-hours';
import { fromOsm, toOsm } from './osm-opening-hours';

const work = [
  { open: '08:00', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

describe('OSM opening_hours strings (npm opening_hours)', () => {
  it('reads weekdays with a lunch break and Saturday mornings', () => {
    expect(fromOsm('Mo-Fr 08:00-11:30,13:30-17:00; Sa 08:00-12:00')).toEqual({
      ok: true,
      weekly: { mon: work, tue: work, wed: work, thu: work, fri: work, sat: [{ open: '08:00', close: '12:00' }], sun: [] },
    });
  });

  it('reads 24/7 as whole days and keeps a night past midnight as one interval of the day it starts (Sunday wraps to Monday)', () => {
    const whole = fromOsm('24/7');
    expect(whole.ok && Object.values(whole.weekly).every((d) => d.length === 1 && d[0]!.open === '00:00' && d[0]!.close === '24:00')).toBe(true);
    const late = fromOsm('Mo,Su 18:00-02:00');
    expect(late).toEqual({ ok: true, weekly: { mon: [{ open: '18:00', close: '02:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ open: '18:00', close: '02:00' }] } });
    // Monday 01:00 in Vietnam (Sunday 18:00Z) is inside Sunday's night.
    expect(late.ok && isOpenAt({ weekly: late.weekly, closures: [] }, new Date('2026-12-20T18:00:00Z'))).toBe(true);
  });

  it('refuses garbage and dated rules with a Vietnamese message', () => {
    const garbage = fromOsm('mở cửa cả ngày');
    expect(garbage.ok).toBe(false);
    expect(!garbage.ok && garbage.message).toMatch(/không đọc được/);
    const dated = fromOsm('Mo-Fr 08:00-17:00; Jan 01 off');
    expect(!dated.ok && dated.message).toMatch(/hằng tuần/);
  });

  it('writes the weekly form back as a string the parser reads to the same schedule', () => {
    const weekly = { mon: work, tue: work, wed: work, thu: work, fri: work, sat: [{ open: '07:00', close: '21:00' }], sun: [{ open: '18:00', close: '02:00' }] };
    const osm = toOsm(weekly);
    expect(osm).toBe('Mo-Fr 08:00-11:30,13:30-17:00; Sa 07:00-21:00; Su 18:00-02:00');
    expect(fromOsm(osm)).toEqual({ ok: true, weekly });
    expect(toOsm({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] })).toBe('off');
  });
});
