import type { Product } from '../../shared/catalog/product';
import { ProductPatchSchema, type ProductPatch } from '../../shared/catalog/management-schemas';
import { MAX_VARIANTS, variantIdOf, type Variant } from '../../shared/catalog/variants';
import type { FieldErrors } from '../components/form/form';
import { parseWholeNumber, stockFromForm, vietnameseIssues } from './product-form';

/**
 * The variants editor as form fields: one table row per variant, `variant-<row>-<cell>`, plus a
 * blank row to add one. The whole list is posted and replaces the product's (ProductPatch.variants),
 * so a row is kept, changed, added (the blank row filled in) or removed ("Xoá" ticked) in one save.
 */
export const variantCells = ['id', 'label', 'priceVnd', 'stock', 'sku', 'remove'] as const;
export type VariantCell = (typeof variantCells)[number];

/** At most MAX_VARIANTS rows plus the blank one; rows beyond are never read. */
export const MAX_VARIANT_ROWS = MAX_VARIANTS + 1;

export const variantField = (row: number, cell: VariantCell) => `variant-${row}-${cell}`;
export const variantFormFields = [...Array.from({ length: MAX_VARIANT_ROWS }, (_, row) => variantCells.map((cell) => variantField(row, cell))).flat(), 'expectedUpdatedAt'];

/** Each cell's own label ("Giá phân loại 2"): the table's column headers are not labels to a screen reader. */
export function variantCellLabel(row: number, cell: Exclude<VariantCell, 'id'>): string {
  const n = row + 1;
  return { label: `Tên phân loại ${n}`, priceVnd: `Giá phân loại ${n} (đồng)`, stock: `Tồn kho phân loại ${n}`, sku: `SKU phân loại ${n}`, remove: `Xoá phân loại ${n}` }[cell];
}

/** The error summary's labels, in the order the cells appear. */
export function variantSummaryLabels(rows: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let row = 0; row < rows; row++) for (const cell of ['label', 'priceVnd', 'stock', 'sku'] as const) labels[variantField(row, cell)] = variantCellLabel(row, cell);
  return labels;
}

const text = (values: Record<string, string>, row: number, cell: VariantCell) => (values[variantField(row, cell)] ?? '').trim();

/** A row with nothing typed in it (the blank "add" row left blank) is no variant. */
export const isBlankRow = (values: Record<string, string>, row: number) => (['id', 'label', 'priceVnd', 'stock', 'sku'] as const).every((cell) => !text(values, row, cell));

/** How many rows the form has: the last one with anything in it (or ticked), plus one. */
export function filledRows(values: Record<string, string>): number {
  for (let row = MAX_VARIANT_ROWS - 1; row >= 0; row--) if (!isBlankRow(values, row) || text(values, row, 'remove')) return row + 1;
  return 0;
}

/** The editor filled from the product: its variants, or (single price) its unit, price and stock as the first row. */
export function variantFormValues(p: Product): Record<string, string> {
  const values: Record<string, string> = { expectedUpdatedAt: p.updatedAt };
  const rows: Partial<Variant>[] = p.variants?.length ? p.variants : [{ label: p.unit, priceVnd: p.priceVnd, stock: p.stock }];
  rows.forEach((v, row) => {
    if (v.id) values[variantField(row, 'id')] = v.id;
    values[variantField(row, 'label')] = v.label ?? '';
    values[variantField(row, 'priceVnd')] = String(v.priceVnd ?? '');
    values[variantField(row, 'stock')] = String(v.stock ?? '');
    if (v.sku) values[variantField(row, 'sku')] = v.sku;
  });
  return values;
}

/**
 * A new row's id: the slug of its label, made unique against the rows that keep theirs (an existing
 * "chai 500 ml" renamed to "chai 750 ml" keeps `chai-500-ml`, so a new "chai 500 ml" becomes `chai-500-ml-2`).
 */
function freshId(label: string, taken: Set<string>): string {
  const base = variantIdOf({ label }).slice(0, 36).replace(/-+$/, '') || 'phan-loai';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; formError?: string };

const cellOfIssue: Record<string, Exclude<VariantCell, 'remove'>> = { id: 'label', label: 'label', priceVnd: 'priceVnd', stock: 'stock', sku: 'sku' };

/** The posted table → `{ variants, expectedUpdatedAt }`, through ProductPatchSchema (duplicates, limits). */
export function variantsPatchFromForm(values: Record<string, string>): Parsed<ProductPatch> {
  const errors: FieldErrors = {};
  const kept: { row: number; id?: string; label: string; priceVnd: number; stock: number; sku?: string }[] = [];
  for (let row = 0; row < MAX_VARIANT_ROWS; row++) {
    if (text(values, row, 'remove') || isBlankRow(values, row)) continue;
    const price = text(values, row, 'priceVnd');
    const stock = text(values, row, 'stock');
    const priceVnd = price ? parseWholeNumber(price) : undefined;
    const stockLevel = stock ? parseWholeNumber(stock) : 0;
    if (!price) errors[variantField(row, 'priceVnd')] = 'Nhập giá';
    else if (priceVnd === undefined) errors[variantField(row, 'priceVnd')] = 'Nhập giá là số nguyên đồng, ví dụ 150000 hoặc 150.000';
    if (stockLevel === undefined) errors[variantField(row, 'stock')] = 'Nhập số lượng là số nguyên, ví dụ 25 (để trống là 0)';
    const id = text(values, row, 'id');
    const sku = text(values, row, 'sku');
    // A placeholder where our own message already stands, so the list's checks (duplicates) still run on the rest.
    kept.push({ row, ...(id ? { id } : {}), label: values[variantField(row, 'label')] ?? '', priceVnd: priceVnd ?? 0, stock: stockLevel ?? 0, ...(sku ? { sku } : {}) });
  }
  if (kept.length === 0 && Object.keys(errors).length === 0) {
    return { ok: false, errors, formError: 'Cần ít nhất một phân loại: điền tên và giá vào một dòng (hoặc bỏ dấu “Xoá”).' };
  }
  const taken = new Set(kept.flatMap((k) => (k.id ? [k.id] : [])));
  const variants = kept.map(({ row: _row, ...v }) => ({ ...v, id: v.id ?? freshId(v.label, taken) }));
  const parsed = ProductPatchSchema.safeParse({ variants, expectedUpdatedAt: values.expectedUpdatedAt || undefined }, { error: vietnameseIssues });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };

  const schemaErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [head, index, cell] = issue.path;
    const row = head === 'variants' && typeof index === 'number' ? kept[index]?.row : undefined;
    const target = row !== undefined && typeof cell === 'string' ? cellOfIssue[cell] : undefined;
    if (row !== undefined && target) schemaErrors[variantField(row, target)] ??= issue.message;
    else if (head === 'expectedUpdatedAt') formError ??= 'Biểu mẫu không hợp lệ: tải lại trang rồi thử lại';
    else formError ??= issue.message;
  }
  // Our own messages (blank, unparseable) first: they say what to type, not what the schema saw.
  return { ok: false, errors: { ...schemaErrors, ...errors }, ...(formError ? { formError } : {}) };
}

/** The per-variant stock form's field for one variant. */
export const variantStockField = (variantId: string) => `stock-${variantId}`;

/** The variant ids a stock form posted (`stock-<id>` fields). */
export function postedVariantStockIds(body: Record<string, unknown>): string[] {
  return Object.keys(body)
    .filter((k) => k.startsWith('stock-') && typeof body[k] === 'string')
    .map((k) => k.slice('stock-'.length));
}

/** Each posted variant's stock, with the single stock form's rules and messages. */
export function variantStocksFromForm(values: Record<string, string>, ids: readonly string[]): { ok: true; value: Map<string, number> } | { ok: false; errors: FieldErrors } {
  const stocks = new Map<string, number>();
  const errors: FieldErrors = {};
  for (const id of ids) {
    const field = variantStockField(id);
    const parsed = stockFromForm({ stock: values[field] ?? '' });
    if (parsed.ok) stocks.set(id, parsed.value);
    else errors[field] = parsed.errors.stock ?? 'Giá trị không hợp lệ';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: stocks };
}

/** The variant "Bỏ phân loại" keeps: the cheapest (the first listed on a tie), as variantSummary picks it. */
export function cheapestVariant(variants: readonly Variant[]): Variant | undefined {
  return variants.reduce<Variant | undefined>((best, v) => (best === undefined || v.priceVnd < best.priceVnd ? v : best), undefined);
}
