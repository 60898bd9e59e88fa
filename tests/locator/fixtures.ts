import type { PointInput } from '../../shared/locator/point-of-sale';

const workday = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

/** A valid POST body in Hà Nội (province 01), open Mon–Sat. */
export function pointBody(over: Partial<Record<keyof PointInput, unknown>> = {}) {
  return {
    name: 'Trung tâm OCOP Hoàn Kiếm',
    type: 'center',
    provinceCode: '01',
    commune: 'Phường Hoàn Kiếm',
    street: '25 Tràng Tiền',
    lat: 21.0245,
    lng: 105.8553,
    openingHours: { weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [{ open: '08:00', close: '12:00' }], sun: [] }, closures: [] },
    phone: '024 3826 1234',
    ...over,
  };
}

/** The console form's fields (web/locator/console-form.ts) for a valid point. */
export function consolePointForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Trung tâm OCOP Hoàn Kiếm',
    type: 'center',
    commune: 'Phường Hoàn Kiếm',
    street: '25 Tràng Tiền',
    lat: '21.0245',
    lng: '105.8553',
    osm: 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00',
    phone: '024 3826 1234',
    status: 'open',
    ...over,
  };
}
