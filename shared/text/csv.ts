/**
 * CSV for spreadsheets (RFC 4180): CRLF rows, fields quoted when they hold a comma, quote or line
 * break, a UTF-8 BOM so Excel reads Vietnamese as UTF-8. A cell starting with = + - @ (or a tab or
 * CR) is prefixed with an apostrophe so a spreadsheet shows it as text instead of running it as a
 * formula (OWASP "CSV injection"); `unneutralise` undoes that on the way back in.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A cell read back from a file we wrote: the apostrophe before a formula character goes. */
export const unneutralise = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
