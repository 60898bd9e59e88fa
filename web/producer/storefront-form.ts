import type { FieldErrors } from '../components/form/form';
import { fieldErrorsOf } from '../components/form/form-state';
import { StorefrontPatchSchema, type StorefrontPatch } from '../../shared/storefront/schemas';

const MONEY_FIELDS = ['shippingFeeVnd', 'freeShippingThresholdVnd'] as const;

/**
 * Form strings to the same patch the API takes, so both paths share one set of rules. Blank
 * optional fields mean "leave as is"; money must be whole đồng, typed without separators.
 */
export function storefrontPatchFromForm(values: Record<string, string>): { ok: true; patch: StorefrontPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '' && name !== 'story') continue;
    if ((MONEY_FIELDS as readonly string[]).includes(name)) {
      if (/^\d{1,10}$/.test(value)) input[name] = Number(value);
      else errors[name] = 'Nhập số nguyên đồng, ví dụ 30000';
      continue;
    }
    input[name] = name === 'story' ? raw : value;
  }
  const parsed = StorefrontPatchSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, { ...fieldErrorsOf(parsed.error), ...errors });
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: parsed.data };
}
