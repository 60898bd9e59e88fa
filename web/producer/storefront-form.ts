import type { FieldErrors } from '../components/form/form';
import { fieldErrorsOf } from '../components/form/form-state';
import { BankAccountSchema } from '../../shared/payments/bank-account';
import { StorefrontPatchSchema, type StorefrontPatch } from '../../shared/storefront/schemas';

const MONEY_FIELDS = ['shippingFeeVnd', 'freeShippingThresholdVnd'] as const;

/** The VietQR account's fields: named as in BankAccountSchema, so its errors land on them. */
export const BANK_FIELDS = ['bankBin', 'accountNumber', 'accountName'] as const;

/**
 * The bank section: all three blank removes the account (`bank: null`); otherwise all three must
 * be valid (the name is stored upper case without diacritics, the number without spaces).
 */
function bankFromForm(values: Record<string, string>): { ok: true; bank: StorefrontPatch['bank'] } | { ok: false; errors: FieldErrors } {
  const typed = Object.fromEntries(BANK_FIELDS.map((name) => [name, (values[name] ?? '').trim()]));
  if (BANK_FIELDS.every((name) => typed[name] === '')) return { ok: true, bank: null };
  const parsed = BankAccountSchema.safeParse(typed);
  return parsed.success ? { ok: true, bank: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}

/**
 * Form strings to the same patch the API takes, so both paths share one set of rules. Blank
 * optional fields mean "leave as is"; money must be whole đồng, typed without separators.
 */
export function storefrontPatchFromForm(values: Record<string, string>): { ok: true; patch: StorefrontPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(values)) {
    if ((BANK_FIELDS as readonly string[]).includes(name)) continue;
    const value = raw.trim();
    if (value === '' && name !== 'story') continue;
    if ((MONEY_FIELDS as readonly string[]).includes(name)) {
      if (/^\d{1,10}$/.test(value)) input[name] = Number(value);
      else errors[name] = 'Nhập số nguyên đồng, ví dụ 30000';
      continue;
    }
    input[name] = name === 'story' ? raw : value;
  }
  const bank = bankFromForm(values);
  if (bank.ok) input.bank = bank.bank;
  else Object.assign(errors, bank.errors);
  const parsed = StorefrontPatchSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, { ...fieldErrorsOf(parsed.error), ...errors });
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: parsed.data };
}
