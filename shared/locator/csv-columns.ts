import { provinceByCode } from '../reference/provinces';
import { foldVietnamese } from '../text/fold';
import { unneutralise } from '../text/csv';
import { WEEKDAYS, weekdayLabels, type Interval, type Weekday } from './opening-hours';
import { fromOsm, toOsm } from './osm-opening-hours';
import { pointStatuses, pointStatusLabels, pointTypeLabels, pointTypes, type PointInput, type PointOfSale } from './point-of-sale';

/**
 * The point-of-sale spreadsheet (docs/locator.md, "CSV"): Vietnamese column names, matched without
 * accents, case or punctuation ("Vĩ độ", "vi do", "VI_DO" are the same column), so a province's own
 * sheet imports once its headers are renamed. Export writes the same columns, so an exported file
 * re-imports as "unchanged".
 */
export type ColumnField =
  | 'key'
  | 'name'
  | 'type'
  | 'provinceCode'
  | 'commune'
  | 'street'
  | 'lat'
  | 'lng'
  | 'osm'
  | Weekday
  | 'closures'
  | 'phone'
  | 'status'
  | 'productIds'
  | 'producerIds';

export const COLUMNS: readonly { field: ColumnField; header: string; required?: true; hint: string }[] = [
  { field: 'key', header: 'Mã', hint: 'mã riêng của điểm trong tỉnh (ví dụ HN-001); trống thì lấy theo tỉnh + tên + địa chỉ' },
  { field: 'name', header: 'Tên', required: true, hint: 'tên điểm bán' },
  { field: 'type', header: 'Loại', required: true, hint: `${pointTypes.join(', ')} hoặc tên loại` },
  { field: 'provinceCode', header: 'Mã tỉnh', required: true, hint: 'mã tỉnh, thành phố 2025 (01 Hà Nội, 79 TP. Hồ Chí Minh)' },
  { field: 'commune', header: 'Xã, phường', required: true, hint: 'xã, phường, đặc khu' },
  { field: 'street', header: 'Địa chỉ', required: true, hint: 'số nhà, đường' },
  { field: 'lat', header: 'Vĩ độ', required: true, hint: 'ví dụ 21.0245' },
  { field: 'lng', header: 'Kinh độ', required: true, hint: 'ví dụ 105.8553' },
  { field: 'osm', header: 'Giờ mở cửa OSM', hint: 'chuỗi opening_hours của OpenStreetMap, ví dụ Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00 (thay cho 7 cột thứ)' },
  ...WEEKDAYS.map((d) => ({ field: d, header: weekdayLabels[d], hint: 'ví dụ 07:30-11:30,13:30-17:00; trống là nghỉ' })),
  { field: 'closures', header: 'Ngày nghỉ', hint: 'ngày YYYY-MM-DD, cách nhau bởi ; (ví dụ 2027-02-06 Nghỉ Tết; 2027-02-07)' },
  { field: 'phone', header: 'Điện thoại', hint: 'ví dụ 024 3826 1234' },
  { field: 'status', header: 'Trạng thái', hint: `${pointStatuses.join(', ')} hoặc ${Object.values(pointStatusLabels).join(', ')}` },
  { field: 'productIds', header: 'Sản phẩm', hint: 'mã sản phẩm, cách nhau bởi ;' },
  { field: 'producerIds', header: 'Cơ sở', hint: 'mã cơ sở bán cả gian hàng, cách nhau bởi ;' },
];

const headerOf = new Map(COLUMNS.map((c) => [c.field, c.header]));
export const columnHeader = (field: ColumnField): string => headerOf.get(field) ?? field;

/** "Vĩ độ" → "vi_do". */
export const columnKey = (header: string): string =>
  foldVietnamese(header.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
const byKey = new Map(COLUMNS.map((c) => [columnKey(c.header), c.field]));

export interface HeaderCheck {
  fields: (ColumnField | undefined)[];
  unknown: string[];
  missing: string[];
}

/** Which field each header names; unknown and missing columns are a whole-file error. */
export function readHeader(header: readonly string[]): HeaderCheck {
  const fields = header.map((h) => byKey.get(columnKey(h)));
  const unknown = header.filter((_, i) => !fields[i]);
  const missing = COLUMNS.filter((c) => c.required && !fields.includes(c.field)).map((c) => c.header);
  return { fields, unknown, missing };
}

export interface CellError {
  /** The column as the file names it in our header (Vietnamese). */
  field: string;
  message: string;
}

/** What a row says, as PointInput fields (only the columns the file has: an absent column keeps the point's value). */
export interface RowValues {
  key?: string | undefined;
  values: Partial<Record<keyof PointInput, unknown>>;
  errors: CellError[];
}

const folded = (v: string) => columnKey(v);
const typeByWord = new Map<string, string>([...pointTypes.map((t) => [t, t] as const), ...pointTypes.map((t) => [folded(pointTypeLabels[t]), t] as const)]);
const statusByWord = new Map<string, string>([...pointStatuses.map((s) => [s, s] as const), ...pointStatuses.map((s) => [folded(pointStatusLabels[s]), s] as const)]);

const list = (v: string) =>
  v
    .split(/[;,\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** "21.0245" or, as a Vietnamese spreadsheet writes it, "21,0245". */
function decimal(v: string): number | undefined {
  const t = v.replace(/\s/g, '');
  if (!/^-?\d{1,3}([.,]\d{1,10})?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** "07:30-11:30, 13:30-17:00" (– or - between, "nghỉ"/empty = closed); a bad piece is kept as typed so the schema names it. */
function dayIntervals(v: string): Interval[] | undefined {
  const t = v.trim();
  if (t === '' || /^(nghi|off|dong cua)$/.test(folded(t).replace(/_/g, ' '))) return [];
  const out: Interval[] = [];
  for (const piece of t.split(/[,;]/)) {
    const m = /^\s*(\d{1,2}[:h]\d{2})\s*[-–]\s*(\d{1,2}[:h]\d{2})\s*$/.exec(piece);
    if (!m) return undefined;
    const norm = (x: string) => x.replace('h', ':').padStart(5, '0');
    out.push({ open: norm(m[1]!), close: norm(m[2]!) });
  }
  return out;
}

function closuresOf(v: string): { date: string; reason?: string }[] | undefined {
  const out: { date: string; reason?: string }[] = [];
  for (const piece of v.split(';').map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s+(.+))?$/.exec(piece);
    if (!m) return undefined;
    out.push(m[2] ? { date: m[1]!, reason: m[2].trim() } : { date: m[1]! });
  }
  return out;
}

/**
 * One CSV row into PointInput fields, with the errors of cells that cannot even be read (a number
 * that is not a number, an unknown type). The rest is checked by PointInputSchema, like the API.
 */
export function readRow(fields: readonly (ColumnField | undefined)[], cells: readonly string[]): RowValues {
  const errors: CellError[] = [];
  const values: RowValues['values'] = {};
  const weekly: Partial<Record<Weekday, Interval[]>> = {};
  let osm: string | undefined;
  let closures: { date: string; reason?: string }[] | undefined;
  let key: string | undefined;
  const fail = (field: ColumnField, message: string) => errors.push({ field: columnHeader(field), message });
  fields.forEach((field, i) => {
    if (!field) return;
    const raw = unneutralise((cells[i] ?? '').normalize('NFC').trim());
    switch (field) {
      case 'key':
        key = raw || undefined;
        if (raw.length > 80) fail(field, 'Mã tối đa 80 ký tự');
        break;
      case 'name':
      case 'commune':
      case 'street':
        values[field] = raw;
        break;
      case 'type': {
        const t = typeByWord.get(folded(raw)) ?? typeByWord.get(raw);
        if (t) values.type = t;
        else fail(field, `Loại không hợp lệ: dùng ${pointTypes.join(', ')}`);
        break;
      }
      case 'status': {
        if (raw === '') break;
        const s = statusByWord.get(folded(raw)) ?? statusByWord.get(raw);
        if (s) values.status = s;
        else fail(field, `Trạng thái không hợp lệ: dùng ${pointStatuses.join(', ')}`);
        break;
      }
      case 'provinceCode': {
        // Spreadsheets drop the leading zero of "01".
        const code = /^\d{1,2}$/.test(raw) ? raw.padStart(2, '0') : raw;
        if (provinceByCode(code)) values.provinceCode = code;
        else fail(field, 'Không có tỉnh, thành phố với mã này (mã 2025, ví dụ 01)');
        break;
      }
      case 'lat':
      case 'lng': {
        const n = decimal(raw);
        if (n === undefined) fail(field, 'Chỉ nhận số thập phân (ví dụ 21.0245)');
        else values[field] = n;
        break;
      }
      case 'osm':
        osm = raw || undefined;
        break;
      case 'closures': {
        const c = closuresOf(raw);
        if (c) closures = c;
        else fail(field, 'Ngày nghỉ dạng YYYY-MM-DD, cách nhau bởi ;');
        break;
      }
      case 'phone':
        if (raw !== '') values.phone = raw;
        else values.phone = undefined;
        break;
      case 'productIds':
      case 'producerIds':
        values[field] = list(raw);
        break;
      default: {
        const intervals = dayIntervals(raw);
        if (intervals) weekly[field] = intervals;
        else fail(field, 'Giờ dạng 07:30-11:30, nhiều khoảng cách nhau bởi dấu phẩy');
      }
    }
  });
  const hasDays = fields.some((f) => f && (WEEKDAYS as readonly string[]).includes(f));
  if (osm) {
    const read = fromOsm(osm);
    if (!read.ok) fail('osm', read.message);
    else if (WEEKDAYS.some((d) => (weekly[d]?.length ?? 0) > 0)) fail('osm', 'Ghi giờ ở cột OSM hoặc ở 7 cột thứ, không cả hai');
    else values.openingHours = { weekly: read.weekly, closures: closures ?? [] };
  } else if (hasDays || closures) {
    values.openingHours = { weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, weekly[d] ?? []])), closures: closures ?? [] };
  }
  return { key, values, errors };
}

/** Where a PointInputSchema issue points, as a column header. */
export function columnOfIssue(path: readonly PropertyKey[]): string {
  const [top, second, third] = path.map(String);
  if (top === 'openingHours') {
    if (second === 'weekly' && third && (WEEKDAYS as readonly string[]).includes(third)) return columnHeader(third as Weekday);
    if (second === 'closures') return columnHeader('closures');
    return columnHeader('osm');
  }
  const field = (COLUMNS.find((c) => c.field === top)?.field ?? top) as ColumnField;
  return columnHeader(field);
}

/** The export row: the weekly columns (not OSM, which cannot say every stored form) so a re-import is unchanged. */
export function rowOf(point: PointOfSale): string[] {
  const byField: Record<ColumnField, string> = {
    key: point.importKey ?? point.id,
    name: point.name,
    type: point.type,
    provinceCode: point.provinceCode,
    commune: point.commune,
    street: point.street,
    lat: String(point.lat),
    lng: String(point.lng),
    osm: '',
    ...(Object.fromEntries(WEEKDAYS.map((d) => [d, point.openingHours.weekly[d].map((i) => `${i.open}-${i.close}`).join(',')])) as Record<Weekday, string>),
    closures: point.openingHours.closures.map((c) => (c.reason ? `${c.date} ${c.reason}` : c.date)).join('; '),
    phone: point.phone ?? '',
    status: point.status,
    productIds: point.productIds.join(';'),
    producerIds: point.producerIds.join(';'),
  };
  return COLUMNS.map((c) => byField[c.field]);
}

export const exportHeader = (): string[] => COLUMNS.map((c) => c.header);
/** The hours as one OSM string, for people who want it (the detail page, the export's readers). */
export const osmOf = (point: Pick<PointOfSale, 'openingHours'>) => toOsm(point.openingHours.weekly);
