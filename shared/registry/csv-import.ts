import { parse } from 'csv-parse/sync';
import { AppError, InvalidInput } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Certificate } from './certificate';
import type { IssuerFinding } from './issuer-consistency';
import { parseRecordStrings, RECORD_COLUMNS } from './record-input';
import { prepareRecord, recordCertificate } from './service';
import type { Services } from '../services';

export const MAX_IMPORT_ROWS = 5000;
const OPTIONAL = new Set(['score', 'issuerProvinceLegacyName']);

export type RowOutcome = 'recorded' | 'would-record' | 'unchanged' | 'error';

export interface RowReport {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  certificateNo?: string | undefined;
  outcome: RowOutcome;
  code?: string | undefined;
  message?: string | undefined;
  details?: unknown;
  warnings?: IssuerFinding[] | undefined;
}

export interface ImportReport {
  dryRun: boolean;
  rows: RowReport[];
  counts: Record<RowOutcome, number>;
}

/** UTF-8 (a BOM from Excel is fine), header row of RECORD_COLUMNS names, NFC-normalised values. */
export function readCertificateCsv(text: string): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new InvalidInput(`Tệp CSV không đọc được: ${error instanceof Error ? error.message : String(error)}`, 'CSV_UNREADABLE');
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const unknown = header.filter((h) => !(RECORD_COLUMNS as readonly string[]).includes(h));
  const missing = RECORD_COLUMNS.filter((c) => !OPTIONAL.has(c) && !header.includes(c));
  if (rows.length > 0 && (unknown.length > 0 || missing.length > 0)) {
    throw new InvalidInput('Tiêu đề cột CSV không đúng', 'CSV_COLUMNS', { unknown, missing });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new InvalidInput(`Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập`, 'CSV_TOO_LARGE', { rows: rows.length });
  return rows;
}

/** The same certificate recorded by an earlier run: a rerun skips it instead of failing. */
const sameRecord = (a: Certificate, b: Pick<Certificate, 'subjectId' | 'decisionNo' | 'decisionDate' | 'stars'>) =>
  a.subjectId === b.subjectId && a.decisionNo === b.decisionNo && a.decisionDate === b.decisionDate && a.stars === b.stars;

/** A row as the import runs it: its line and whether an earlier line of the file has the same number. */
export interface PlannedRow {
  line: number;
  row: Record<string, string>;
  duplicate: boolean;
}

/**
 * Decided over the whole file up front, so an import run in slices (import-job.ts) reports a repeated
 * number exactly as a run in one go: the later line is `DUPLICATE_IN_FILE`, the first one is imported.
 */
export function planRows(rows: Record<string, string>[]): PlannedRow[] {
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const parsed = parseRecordStrings(row);
    const no = parsed.success ? parsed.data.certificateNo : undefined;
    const duplicate = no !== undefined && seen.has(no);
    if (no !== undefined) seen.add(no);
    return { line: i + 2, row, duplicate };
  });
}

export const emptyCounts = (): Record<RowOutcome, number> => ({ recorded: 0, 'would-record': 0, unchanged: 0, error: 0 });

/**
 * Imports rows one by one through the same checks as the API (province, 5★ policy, issuer
 * consistency, unique number). A dry run reports what would happen and writes nothing; a rerun of
 * the same file reports already-recorded rows as `unchanged`, so it is safe after a partial failure.
 * In one go: the command line. The console runs the same rows as a job (import-job.ts).
 */
export async function importCertificates(
  services: ImportServices,
  principal: Principal,
  rows: Record<string, string>[],
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun, rows: [], counts: emptyCounts() };
  for (const planned of planRows(rows)) {
    const out = await importRow(services, principal, planned, options.dryRun);
    report.rows.push(out);
    report.counts[out.outcome]++;
  }
  return report;
}

export type ImportServices = Pick<Services, 'catalog' | 'producers' | 'certificates' | 'registry' | 'clock'>;

export async function importRow(services: ImportServices, principal: Principal, { line, row, duplicate }: PlannedRow, dryRun: boolean): Promise<RowReport> {
  const parsed = parseRecordStrings(row);
  const certificateNo = row.certificateNo?.trim() || undefined;
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { line, certificateNo, outcome: 'error', code: 'INVALID_INPUT', message: 'Dòng không hợp lệ', details };
  }
  const body = parsed.data;
  if (duplicate) {
    return { line, certificateNo, outcome: 'error', code: 'DUPLICATE_IN_FILE', message: `Số chứng nhận ${body.certificateNo} lặp lại trong tệp` };
  }
  try {
    const existing = await services.certificates.getCertificate(body.certificateNo);
    if (existing) {
      if (sameRecord(existing, body)) return { line, certificateNo, outcome: 'unchanged' };
      return { line, certificateNo, outcome: 'error', code: 'CERTIFICATE_EXISTS', message: `Số chứng nhận ${body.certificateNo} đã có với nội dung khác` };
    }
    if (dryRun) {
      const { warnings } = await prepareRecord(services, principal, body);
      return { line, certificateNo, outcome: 'would-record', warnings };
    }
    const { warnings } = await recordCertificate(services, principal, body);
    return { line, certificateNo, outcome: 'recorded', warnings };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return { line, certificateNo, outcome: 'error', code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  }
}
