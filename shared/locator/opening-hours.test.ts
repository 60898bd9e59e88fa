import { describe, expect, it } from 'vitest';
import { isOpenAt, nextOpeningAfter, type OpeningHours } from './opening-hours';

const workday = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];
const shop: OpeningHours = {
  weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [{ open: '08:00', close: '12:00' }], sun: [] },
  closures: [{ date: '2026-12-24', reason: 'Kiểm kê' }],
};
// 2026-12-21 is a Monday. Vietnam = UTC+7: 07:30 local = 00:30Z.
const vn = (local: string) => new Date(`${local}+07:00`);

describe('opening hours in Vietnam time', () => {
  it('opens on the second and closes on the second (close is exclusive)', () => {
    expect(isOpenAt(shop, vn('2026-12-21T07:29:59'))).toBe(false);
    expect(isOpenAt(shop, vn('2026-12-21T07:30:00'))).toBe(true);
    expect(isOpenAt(shop, vn('2026-12-21T11:29:59'))).toBe(true);
    expect(isOpenAt(shop, vn('2026-12-21T11:30:00'))).toBe(false);
    expect(isOpenAt(shop, vn('2026-12-21T16:59:59'))).toBe(true);
    expect(isOpenAt(shop, vn('2026-12-21T17:00:00'))).toBe(false);
  });

  it('uses the Vietnamese date, not the UTC one (Monday 06:00 local is Sunday 23:00Z)', () => {
    expect(isOpenAt(shop, new Date('2026-12-20T23:00:00Z'))).toBe(false);
    expect(isOpenAt(shop, new Date('2026-12-21T00:30:00Z'))).toBe(true);
  });

  it('is closed over the lunch break, on Sunday and on a dated closure', () => {
    expect(isOpenAt(shop, vn('2026-12-21T12:15:00'))).toBe(false);
    expect(isOpenAt(shop, vn('2026-12-27T09:00:00'))).toBe(false);
    expect(isOpenAt(shop, vn('2026-12-24T09:00:00'))).toBe(false);
    expect(isOpenAt(shop, vn('2026-12-25T09:00:00'))).toBe(true);
  });

  it('gives the next opening: after lunch, the next morning, across a closure and a weekend', () => {
    expect(nextOpeningAfter(shop, vn('2026-12-21T12:00:00'))).toEqual(vn('2026-12-21T13:30:00'));
    expect(nextOpeningAfter(shop, vn('2026-12-21T17:00:00'))).toEqual(vn('2026-12-22T07:30:00'));
    expect(nextOpeningAfter(shop, vn('2026-12-23T18:00:00'))).toEqual(vn('2026-12-25T07:30:00'));
    expect(nextOpeningAfter(shop, vn('2026-12-26T12:00:00'))).toEqual(vn('2026-12-28T07:30:00'));
    // At the very second it opens, the next opening is the afternoon one.
    expect(nextOpeningAfter(shop, vn('2026-12-21T07:30:00'))).toEqual(vn('2026-12-21T13:30:00'));
  });

  it('handles a kiosk open past midnight (22:00–02:00) and one open round the clock', () => {
    const night = [{ open: '22:00', close: '02:00' }];
    const kiosk: OpeningHours = { weekly: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night }, closures: [] };
    expect(isOpenAt(kiosk, vn('2026-12-21T23:59:59'))).toBe(true);
    expect(isOpenAt(kiosk, vn('2026-12-22T01:59:59'))).toBe(true);
    expect(isOpenAt(kiosk, vn('2026-12-22T02:00:00'))).toBe(false);
    const allDay = [{ open: '00:00', close: '24:00' }];
    const airport: OpeningHours = { weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, closures: [] };
    expect(isOpenAt(airport, vn('2026-12-21T00:00:00'))).toBe(true);
    expect(isOpenAt(airport, vn('2026-12-21T23:59:59'))).toBe(true);
  });

  it('never opens when it has no hours at all', () => {
    const none: OpeningHours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closures: [] };
    expect(isOpenAt(none, vn('2026-12-21T09:00:00'))).toBe(false);
    expect(nextOpeningAfter(none, vn('2026-12-21T09:00:00'))).toBeUndefined();
  });
});
