import type { z } from 'zod';
import { DowngradeBodySchema, RenewBodySchema, RevokeBodySchema } from '../../shared/registry/schemas';
import type { FieldErrors } from '../components/form/form';
import type { ChangeAction } from './certificate-paths';

/**
 * The three change forms of the certificate page: field names, labels, Vietnamese messages, and
 * the translation of their strings into the API's own bodies (RevokeBody, DowngradeBody, RenewBody),
 * so the console and the API accept exactly the same changes.
 *
 * Each form's fields carry its own prefix: the three forms share one page, and the field ids
 * (`truong-<name>`, web/identity/form.tsx) must be unique for labels and error links to work.
 */
interface FormSpec {
  /** HTML name → key of the API body. */
  fields: Record<string, string>;
  labels: Record<string, string>;
  /** One message per field, whatever the schema found wrong with it. */
  messages: Record<string, string>;
  dates: readonly string[];
  numbers: readonly string[];
  schema: z.ZodType;
  /** Domain error codes that belong to one field (the rest go to the top of the form). */
  codeFields: Record<string, string>;
}

const DECISION_NO = 'Nhập số quyết định (tối đa 80 ký tự)';
const REASON = 'Nhập lý do, ít nhất 3 ký tự (tối đa 1000)';
const SCORE = 'Điểm từ 0 đến 100, tối đa một chữ số thập phân, ví dụ 72,5';

export const changeForms: Record<ChangeAction, FormSpec> = {
  revoke: {
    fields: { revokeDecisionNo: 'revocationDecisionNo', revokedOn: 'revokedOn', revokeReason: 'reason' },
    labels: { revokeDecisionNo: 'Số quyết định thu hồi', revokedOn: 'Ngày thu hồi', revokeReason: 'Lý do thu hồi' },
    messages: {
      revokeDecisionNo: DECISION_NO,
      revokedOn: 'Nhập ngày thu hồi dạng ngày/tháng/năm, ví dụ 20/11/2026',
      revokeReason: REASON,
    },
    dates: ['revokedOn'],
    numbers: [],
    schema: RevokeBodySchema,
    codeFields: { REVOKED_BEFORE_DECISION: 'revokedOn' },
  },
  downgrade: {
    fields: { downgradeStars: 'stars', downgradeDecisionNo: 'decisionNo', downgradeScore: 'score', downgradeReason: 'reason' },
    labels: { downgradeStars: 'Hạng sao mới', downgradeDecisionNo: 'Số quyết định hạ hạng', downgradeScore: 'Điểm mới', downgradeReason: 'Lý do hạ hạng' },
    messages: { downgradeStars: 'Chọn hạng sao mới, thấp hơn hạng hiện tại', downgradeDecisionNo: DECISION_NO, downgradeScore: SCORE, downgradeReason: REASON },
    dates: [],
    numbers: ['downgradeStars', 'downgradeScore'],
    schema: DowngradeBodySchema,
    codeFields: { NOT_A_DOWNGRADE: 'downgradeStars' },
  },
  renew: {
    fields: { renewDecisionNo: 'decisionNo', renewDecisionDate: 'decisionDate', renewStars: 'stars', renewScore: 'score', renewReason: 'reason' },
    labels: {
      renewDecisionNo: 'Số quyết định công nhận lại',
      renewDecisionDate: 'Ngày ký quyết định công nhận lại',
      renewStars: 'Hạng sao sau đánh giá lại',
      renewScore: 'Điểm',
      renewReason: 'Ghi chú',
    },
    messages: {
      renewDecisionNo: DECISION_NO,
      renewDecisionDate: 'Nhập ngày ký dạng ngày/tháng/năm, ví dụ 01/11/2026',
      renewStars: 'Chọn hạng sao',
      renewScore: SCORE,
      renewReason: 'Ghi chú ít nhất 3 ký tự (tối đa 1000), hoặc để trống',
    },
    dates: ['renewDecisionDate'],
    numbers: ['renewStars', 'renewScore'],
    schema: RenewBodySchema,
    codeFields: { NOT_A_RENEWAL: 'renewDecisionDate' },
  },
};

export const fieldsOf = (action: ChangeAction) => Object.keys(changeForms[action].fields);

/** "20/11/2026" (how Vietnamese write dates) or "2026-11-20" → "2026-11-20"; undefined if not a real day. */
export function isoDateOf(text: string): string | undefined {
  const t = text.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

export type ChangeParse = { success: true; data: Record<string, unknown> } | { success: false; errors: FieldErrors };

/**
 * Form strings → the API body. Blank means "not given"; "72,5" is 72.5; a date the parser cannot
 * read is passed on as typed, so the schema refuses it and the field gets its message.
 */
export function parseChangeForm(action: ChangeAction, values: Record<string, string>): ChangeParse {
  const spec = changeForms[action];
  const body: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(spec.fields)) {
    const text = values[name]?.normalize('NFC').trim() ?? '';
    if (!text) continue;
    if (spec.dates.includes(name)) body[key] = isoDateOf(text) ?? text;
    else if (spec.numbers.includes(name)) body[key] = Number(text.replace(',', '.'));
    else body[key] = text;
  }
  const parsed = spec.schema.safeParse(body);
  if (parsed.success) return { success: true, data: parsed.data as Record<string, unknown> };
  const nameOf = Object.fromEntries(Object.entries(spec.fields).map(([name, key]) => [key, name]));
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = nameOf[String(issue.path[0] ?? '')];
    if (name && !errors[name]) errors[name] = spec.messages[name];
  }
  return { success: false, errors };
}

/** A domain error of a change as a field error when it is about one field. */
export function fieldOfCode(action: ChangeAction, code: string): string | undefined {
  return changeForms[action].codeFields[code];
}
