import type { z } from 'zod';
import type { Product } from '../../shared/catalog/product';
import { NewProductSchema, ProductPatchSchema, StockBodySchema, type NewProduct, type ProductPatch } from '../../shared/catalog/management-schemas';
import type { FieldErrors } from '../components/form/form';
import { fieldErrorsOf } from '../components/form/form-state';

/** In the order the form shows them: the error summary follows this order. */
export const productLabels = {
  name: 'Tên sản phẩm',
  description: 'Mô tả',
  group: 'Nhóm sản phẩm',
  subgroup: 'Phân nhóm',
  priceVnd: 'Giá bán (đồng)',
  unit: 'Đơn vị bán',
  stock: 'Tồn kho',
  tags: 'Từ khóa',
};
export type ProductField = keyof typeof productLabels;

/** ProductPatchSchema's `images` maximum, to say so before a file is decoded (the schema still decides). */
export const MAX_PRODUCT_IMAGES = 12;

/** The new-product form has every field; the edit form leaves stock to its own form (one id per page). */
export const newProductFields = Object.keys(productLabels) as ProductField[];
export const editProductFields = [...newProductFields.filter((f) => f !== 'stock'), 'expectedUpdatedAt'];

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Vietnamese wording for the checks whose schema message is zod's English default. Zod lets a
 * schema's own message win over this per-parse map, so the rules and their Vietnamese messages
 * stay in product-management-schemas.ts; this only words the generic ones.
 */
export const vietnameseIssues = (issue: { code?: string; maximum?: unknown; minimum?: unknown; origin?: string }): string => {
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return `Tối đa ${String(issue.maximum)} ký tự`;
    if (issue.origin === 'array') return `Tối đa ${String(issue.maximum)} mục`;
    return `Tối đa ${Number(issue.maximum).toLocaleString('vi-VN')}`;
  }
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'Không được để trống' : `Tối thiểu ${String(issue.minimum)}`;
  return 'Giá trị không hợp lệ';
};

const INTEGER = /^\d+$/;
/** "150.000" or "150 000": Vietnamese group thousands with dots (a comma is the decimal mark). */
const GROUPED = /^\d{1,3}(?:[. ]\d{3})+$/;

/**
 * Whole đồng as typed: "150000", "150.000", "150 000", with or without "đ"/"₫". Anything with a
 * decimal part or a comma is refused rather than guessed at ("150,5" would be 150 or 1505?).
 */
export function parseWholeNumber(raw: string): number | undefined {
  const value = raw
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s*(?:₫|đồng|đ|vnđ|vnd)$/i, '')
    .trim();
  if (!INTEGER.test(value) && !GROUPED.test(value)) return undefined;
  const n = Number(value.replace(/[. ]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** "mật ong, quà biếu , ,rừng" → ["mật ong", "quà biếu", "rừng"]: blanks and repeats dropped. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.normalize('NFC').split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

/** Form strings → the object the schemas take; numbers that do not parse become field errors here. */
function toInput(values: Record<string, string>, fields: readonly string[]): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {};
  for (const name of fields) {
    const raw = values[name] ?? '';
    switch (name) {
      case 'priceVnd': {
        if (!raw.trim()) errors.priceVnd = 'Nhập giá bán';
        const n = raw.trim() ? parseWholeNumber(raw) : undefined;
        if (raw.trim() && n === undefined) errors.priceVnd = 'Nhập giá là số nguyên đồng, ví dụ 150000 hoặc 150.000';
        input.priceVnd = n;
        break;
      }
      case 'stock': {
        const n = raw.trim() ? parseWholeNumber(raw) : 0;
        if (n === undefined) errors.stock = 'Nhập số lượng là số nguyên, ví dụ 25';
        input.stock = n;
        break;
      }
      case 'group':
        if (!raw) errors.group = 'Chọn nhóm sản phẩm';
        input.group = raw;
        break;
      case 'subgroup':
        if (!raw) errors.subgroup = 'Chọn phân nhóm';
        input.subgroup = raw;
        break;
      case 'tags':
        input.tags = parseTags(raw);
        break;
      case 'description':
        // Kept as typed (line breaks are paragraphs); only trailing blank space goes.
        input.description = raw.replace(/\s+$/, '');
        break;
      case 'expectedUpdatedAt':
        if (raw) input.expectedUpdatedAt = raw;
        break;
      default:
        input[name] = raw;
    }
  }
  return { input, errors };
}

function validate<T>(schema: z.ZodType<T>, values: Record<string, string>, fields: readonly string[]): Parsed<T> {
  const { input, errors } = toInput(values, fields);
  const parsed = schema.safeParse(input, { error: vietnameseIssues });
  // Our own messages (blank, unparseable) first: they say what to type, not what the schema saw.
  if (!parsed.success) return { ok: false, errors: { ...fieldErrorsOf(parsed.error), ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The create form → NewProduct, through the API's own schema (subgroup-in-group included). */
export const newProductFromForm = (values: Record<string, string>): Parsed<NewProduct> => validate(NewProductSchema, values, newProductFields);

/** Price and unit come from the variants when a product has them (shared/catalog/variants.ts). */
export const hasVariants = (p: Product) => (p.variants?.length ?? 0) > 0;
export const editFieldsOf = (p: Product) => (hasVariants(p) ? editProductFields.filter((f) => f !== 'priceVnd' && f !== 'unit') : editProductFields);

/** The edit form → ProductPatch: every field is sent, so clearing tags or the description sticks. */
export const productPatchFromForm = (values: Record<string, string>, product: Product): Parsed<ProductPatch> => validate(ProductPatchSchema, values, editFieldsOf(product));

export function stockFromForm(values: Record<string, string>): Parsed<number> {
  // Blank means 0 on a new product, but on its own form it is more likely a slip than "sold out".
  if (!values.stock?.trim()) return { ok: false, errors: { stock: 'Nhập số lượng còn trong kho, ví dụ 25 (0 là hết hàng)' } };
  const parsed = validate(StockBodySchema, values, ['stock']);
  return parsed.ok ? { ok: true, value: parsed.value.stock } : parsed;
}

/** A saved product as the edit form's strings. */
export function productFormValues(p: Product): Record<string, string> {
  return {
    name: p.name,
    description: p.description,
    group: p.group,
    subgroup: p.subgroup,
    priceVnd: String(p.priceVnd),
    unit: p.unit,
    stock: String(p.stock),
    tags: p.tags.join(', '),
    expectedUpdatedAt: p.updatedAt,
  };
}
