/**
 * RFC 4180 CSV for exports opened in spreadsheets: CRLF line ends, every field quoted when it holds a
 * quote, comma or line break (quotes doubled). A text cell starting with = + - @ (or a tab / CR)
 * would run as a formula in Excel or Sheets, so it gets a leading apostrophe (OWASP "CSV injection");
 * numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
