import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { AppError, InvalidInput } from '../http/errors';
import type { Principal } from '../identity/principal';
import { foldVietnamese } from '../text/fold';
import { columnHeader, columnOfIssue, readHeader, readRow, type CellError } from './csv-columns';
import { WEEKDAYS } from './opening-hours';
import { PointInputSchema, type PointInput, type PointOfSale } from './point-of-sale';
import { assertCarriedExist, type LocatorServices } from './service';
import { PointStoreConflict } from './store';

/** A province's list is ~10–200 points; the cap keeps one request well inside the API's timeout. */
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update' | 'error';

export interface ImportRowReport {
  /** The line in the file (the header is line 1). */
  line: number;
  key?: string | undefined;
  pointId?: string | undefined;
  name?: string | undefined;
  outcome: ImportOutcome;
  code?: string | undefined;
  errors?: CellError[] | undefined;
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRowReport[];
  counts: Record<ImportOutcome, number>;
}

const emptyCounts = (): Record<ImportOutcome, number> => ({ created: 0, updated: 0, unchanged: 0, 'would-create': 0, 'would-update': 0, error: 0 });

/** UTF-8 (an Excel BOM is fine), a header row, comma or semicolon separated (Vietnamese Excel writes ;). */
export function readPointsCsv(text: string): { header: string[]; rows: string[][] } {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) throw new InvalidInput(`Tệp CSV tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'CSV_TOO_LARGE');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new InvalidInput(`Tệp CSV không đọc được: ${error instanceof Error ? error.message : String(error)}`, 'CSV_UNREADABLE');
  }
  const [header, ...rows] = records;
  if (!header) throw new InvalidInput('Tệp CSV trống: cần dòng tiêu đề và ít nhất một dòng', 'CSV_UNREADABLE');
  if (rows.length > MAX_IMPORT_ROWS) throw new InvalidInput(`Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập`, 'CSV_TOO_LARGE', { rows: rows.length });
  return { header, rows };
}

/** The stable key of a row: its "Mã", or — without one — its province, name and address (so renaming makes a new point). */
export function rowKey(provinceCode: string, key: string | undefined, input: Pick<PointInput, 'name' | 'commune' | 'street'>): string {
  if (key) return key;
  const text = [provinceCode, input.name, input.commune, input.street].map((v) => foldVietnamese(v).replace(/\s+/g, ' ').trim()).join('|');
  return `h-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** The id an imported point gets: derived from province + key, so a re-run finds it with one GetItem and two racing runs create it once. */
export const importedPointId = (provinceCode: string, key: string) =>
  `diem-ban-${provinceCode}-${createHash('sha256').update(`${provinceCode}|${key}`).digest('hex').slice(0, 16)}`;

/** Point fields a row can set, in a fixed order: equal JSON = unchanged. */
function comparable(p: PointInput | PointOfSale): string {
  return JSON.stringify([
    p.name,
    p.type,
    p.provinceCode,
    p.commune,
    p.street,
    p.lat,
    p.lng,
    WEEKDAYS.map((d) => p.openingHours.weekly[d].map((i) => [i.open, i.close])),
    p.openingHours.closures.map((c) => [c.date, c.reason ?? null]),
    p.phone ?? null,
    p.status,
    [...p.productIds].sort(),
    [...p.producerIds].sort(),
  ]);
}

const inputOf = (p: PointOfSale): Record<string, unknown> => ({
  name: p.name,
  type: p.type,
  provinceCode: p.provinceCode,
  commune: p.commune,
  street: p.street,
  lat: p.lat,
  lng: p.lng,
  openingHours: p.openingHours,
  ...(p.phone ? { phone: p.phone } : {}),
  status: p.status,
  productIds: p.productIds,
  producerIds: p.producerIds,
});

const mayManage = (principal: Principal, provinceCode: string) => principal.role === 'admin' || (principal.role === 'officer' && principal.provinceCode === provinceCode);
const notYours = (): CellError => ({ field: columnHeader('provinceCode'), message: 'Bạn không phụ trách tỉnh, thành phố này' });

/** The point a row names: by the derived id, or — for rows of an exported file, whose "Mã" is a point id — by that id. */
async function findExisting(s: LocatorServices, provinceCode: string, key: string): Promise<PointOfSale | undefined> {
  const derived = await s.points.get(importedPointId(provinceCode, key));
  if (derived) return derived;
  return /^[a-z0-9-]{3,80}$/.test(key) ? s.points.get(key) : undefined;
}

/** Schema issues as cell errors, in Vietnamese; a cell that could not even be read is reported once. */
function schemaErrors(issues: readonly { path: PropertyKey[]; message: string; code: string }[], candidate: Record<string, unknown>, already: readonly CellError[]): CellError[] {
  const out: CellError[] = [];
  for (const issue of issues) {
    const field = columnOfIssue(issue.path);
    if (already.some((e) => e.field === field) || out.some((e) => e.field === field)) continue;
    const top = String(issue.path[0] ?? '');
    const missing = top !== '' && candidate[top] === undefined;
    const message = !missing
      ? issue.message
      : top === 'openingHours'
        ? 'Nhập giờ mở cửa: cột "Giờ mở cửa OSM" hoặc 7 cột từ "Thứ Hai" đến "Chủ nhật"'
        : 'Cột này bắt buộc, chưa có giá trị';
    out.push({ field, message });
  }
  return out;
}

interface PlannedRow {
  line: number;
  cells: string[];
  /** An earlier line of the file has the same province + key. */
  duplicate: boolean;
}

async function importRow(s: LocatorServices, principal: Principal, fields: ReturnType<typeof readHeader>['fields'], { line, cells, duplicate }: PlannedRow, dryRun: boolean): Promise<ImportRowReport> {
  const read = readRow(fields, cells);
  const name = typeof read.values.name === 'string' ? read.values.name : undefined;
  const provinceCode = typeof read.values.provinceCode === 'string' ? read.values.provinceCode : undefined;
  const report = (r: Omit<ImportRowReport, 'line' | 'name'>): ImportRowReport => ({ line, ...(name ? { name } : {}), ...r });
  if (!provinceCode) return report({ key: read.key, outcome: 'error', code: 'INVALID_INPUT', errors: read.errors });
  if (!mayManage(principal, provinceCode)) return report({ key: read.key, outcome: 'error', code: 'NOT_PROVINCE_OFFICER', errors: [notYours()] });
  const key = rowKey(provinceCode, read.key, { name: name ?? '', commune: String(read.values.commune ?? ''), street: String(read.values.street ?? '') });
  if (duplicate) return report({ key, outcome: 'error', code: 'DUPLICATE_IN_FILE', errors: [{ field: columnHeader('key'), message: 'Điểm này đã có ở một dòng trước trong tệp' }] });

  for (let attempt = 0; ; attempt++) {
    const existing = await findExisting(s, provinceCode, key);
    if (existing && !mayManage(principal, existing.provinceCode)) return report({ key, pointId: existing.id, outcome: 'error', code: 'NOT_PROVINCE_OFFICER', errors: [notYours()] });
    // An absent column keeps what the point has (an officer's sheet without "Sản phẩm" does not unlink products).
    const candidate: Record<string, unknown> = { ...(existing ? inputOf(existing) : {}), ...read.values };
    const parsed = PointInputSchema.safeParse(candidate);
    const errors = [...read.errors, ...(parsed.success ? [] : schemaErrors(parsed.error.issues, candidate, read.errors))];
    if (!parsed.success || errors.length) return report({ key, pointId: existing?.id, outcome: 'error', code: 'INVALID_INPUT', errors });
    const input: PointInput = { ...parsed.data, productIds: [...new Set(parsed.data.productIds)], producerIds: [...new Set(parsed.data.producerIds)] };
    if (existing && comparable(existing) === comparable(input)) return report({ key, pointId: existing.id, outcome: 'unchanged' });
    try {
      const added = (now: string[], was: string[] | undefined) => now.filter((x) => !(was ?? []).includes(x));
      await assertCarriedExist(s, added(input.productIds, existing?.productIds), added(input.producerIds, existing?.producerIds));
      const at = s.clock.now().toISOString();
      if (existing) {
        if (dryRun) return report({ key, pointId: existing.id, outcome: 'would-update' });
        const { phone, ...rest } = input;
        const after: PointOfSale = { ...existing, ...rest, updatedAt: at, version: existing.version + 1 };
        if (phone) after.phone = phone;
        else delete after.phone;
        await s.points.replace(existing, after);
        return report({ key, pointId: existing.id, outcome: 'updated' });
      }
      const id = importedPointId(provinceCode, key);
      if (dryRun) return report({ key, pointId: id, outcome: 'would-create' });
      await s.points.create({ ...input, id, importKey: key, createdAt: at, updatedAt: at, version: 1 });
      return report({ key, pointId: id, outcome: 'created' });
    } catch (error) {
      // Another run (or an edit) saved this point meanwhile: read it again once and compare.
      if (error instanceof PointStoreConflict && attempt === 0) continue;
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const details = error.details as Record<string, unknown> | undefined;
      const field = error.code === 'UNKNOWN_PRODUCER' ? columnHeader('producerIds') : error.code === 'UNKNOWN_PRODUCT' ? columnHeader('productIds') : columnHeader('key');
      const ids = details && Object.values(details).flat().join(', ');
      return report({ key, pointId: existing?.id, outcome: 'error', code: error.code, errors: [{ field, message: ids ? `${error.message}: ${ids}` : error.message }] });
    }
  }
}

/** Rows run this many at a time: a 1,000-row file stays within a Lambda request, and DynamoDB sees a modest burst. */
const CONCURRENCY = 8;

/**
 * Imports a province's points from CSV. Each row is checked like POST /api/points-of-sale (schema,
 * province, carried products) and written in its own versioned transaction, so a row is written
 * whole or not at all; a dry run writes nothing. Re-running the same file reports "unchanged".
 */
export async function importPointsCsv(s: LocatorServices, principal: Principal, text: string, options: { dryRun: boolean }): Promise<ImportReport> {
  const { header, rows } = readPointsCsv(text);
  const check = readHeader(header);
  if (check.unknown.length || check.missing.length) {
    throw new InvalidInput('Tiêu đề cột CSV không đúng', 'CSV_COLUMNS', { unknown: check.unknown, missing: check.missing });
  }
  // Duplicates are decided in file order up front, so rows can then run in parallel.
  const seen = new Set<string>();
  const planned: PlannedRow[] = rows.map((cells, i) => {
    const r = readRow(check.fields, cells);
    const code = typeof r.values.provinceCode === 'string' ? r.values.provinceCode : '';
    const key = `${code}|${rowKey(code, r.key, { name: String(r.values.name ?? ''), commune: String(r.values.commune ?? ''), street: String(r.values.street ?? '') })}`;
    const duplicate = code !== '' && seen.has(key);
    seen.add(key);
    return { line: i + 2, cells, duplicate };
  });
  const out: ImportRowReport[] = new Array(planned.length);
  let next = 0;
  const worker = async () => {
    while (next < planned.length) {
      const i = next++;
      out[i] = await importRow(s, principal, check.fields, planned[i]!, options.dryRun);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, planned.length) }, worker));
  const counts = emptyCounts();
  for (const r of out) counts[r.outcome]++;
  return { dryRun: options.dryRun, rows: out, counts };
}
