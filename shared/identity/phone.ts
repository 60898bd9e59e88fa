import { z } from '@hono/zod-openapi';

/**
 * Vietnamese mobile numbers (ocop.md §13): +84 and 9 digits, first digit 3, 5, 7, 8 or 9 since the
 * 2018 remapping of 11-digit 01xx numbers. Landlines (+84 2…, 10 digits) are not accepted: the
 * number is for calls and SMS about orders.
 */
const MOBILE_FIRST_DIGITS = new Set(['3', '5', '7', '8', '9']);

/** Spaces, dots, dashes and brackets people type in "0912 345 678" or "(091) 234-5678". */
const SEPARATORS = /[\s.\-()]/g;

/** "0912 345 678" or "+84912345678" → "+84912345678"; anything else → undefined. */
export function normaliseVietnamesePhone(input: string): string | undefined {
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  let national: string;
  if (/^\+84\d{9}$/.test(compact)) national = compact.slice(3);
  else if (/^0\d{9}$/.test(compact)) national = compact.slice(1);
  else return undefined;
  return MOBILE_FIRST_DIGITS.has(national.charAt(0)) ? `+84${national}` : undefined;
}

export const PHONE_MESSAGE = 'Số điện thoại di động không hợp lệ (ví dụ 0912 345 678)';

/** Accepts national or E.164 input; the parsed value is always E.164. */
export const PhoneSchema = z
  .string()
  .max(30, PHONE_MESSAGE)
  .transform((value, ctx) => {
    const phone = normaliseVietnamesePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  })
  .openapi({ description: 'Vietnamese mobile number, 0xxxxxxxxx or +84xxxxxxxxx; stored as E.164', example: '0912345678' });
