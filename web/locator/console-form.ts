import { COLUMNS, columnOfIssue, readRow, rowOf, type ColumnField } from '../../shared/locator/csv-columns';
import { PointInputSchema, type PointInput, type PointOfSale } from '../../shared/locator/point-of-sale';
import type { FieldErrors } from '../components/form/form';

/**
 * The console's point form has the CSV's columns as its fields (same names, same hints, same
 * reading: "07:30-11:30, 13:30-17:00", an OSM string, "Ngày nghỉ"), so a form and a spreadsheet row
 * say the same thing and are checked by the same schema as the API.
 */
export const FORM_FIELDS = COLUMNS.filter((c) => c.field !== 'key').map((c) => c.field);
export const formLabels = Object.fromEntries(COLUMNS.map((c) => [c.field, c.header])) as Record<ColumnField, string>;
export const formHints = Object.fromEntries(COLUMNS.map((c) => [c.field, c.hint])) as Record<ColumnField, string>;
const fieldOfHeader = new Map(COLUMNS.map((c) => [c.header, c.field]));

export const valuesOf = (point: PointOfSale): Record<string, string> => {
  const row = rowOf(point);
  return Object.fromEntries(COLUMNS.map((c, i) => [c.field, row[i] ?? '']));
};

export type ParsedForm = { ok: true; input: PointInput } | { ok: false; errors: FieldErrors };

/** Form values (province fixed by the page for an edit) into a checked PointInput, or errors per field. */
export function parsePointForm(values: Record<string, string>, provinceCode: string): ParsedForm {
  const fields = FORM_FIELDS as (ColumnField | undefined)[];
  const read = readRow(fields, fields.map((f) => (f === 'provinceCode' ? provinceCode : (values[f!] ?? ''))));
  const errors: FieldErrors = {};
  for (const e of read.errors) errors[fieldOfHeader.get(e.field) ?? e.field] ??= e.message;
  const parsed = PointInputSchema.safeParse(read.values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfHeader.get(columnOfIssue(issue.path)) ?? String(issue.path[0]);
      errors[field] ??= read.values.openingHours === undefined && field === 'osm' ? 'Nhập giờ mở cửa: chuỗi OSM hoặc giờ từng ngày' : issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
