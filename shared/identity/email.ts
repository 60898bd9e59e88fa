import { z } from '@hono/zod-openapi';

/**
 * One spelling per mailbox so the uniqueness item holds: NFC (a Vietnamese keyboard may send
 * decomposed text), trimmed, lower-cased. Lower-casing the local part is not RFC-exact, but no
 * mailbox provider people here use distinguishes case, and two accounts differing only in case
 * would be a support problem.
 */
export function normaliseEmail(input: string): string {
  return input.trim().normalize('NFC').toLowerCase();
}

export const EMAIL_MESSAGE = 'Địa chỉ email không hợp lệ';

export const EmailSchema = z
  .string()
  .max(254, EMAIL_MESSAGE)
  .transform(normaliseEmail)
  .pipe(z.email(EMAIL_MESSAGE))
  .openapi({ format: 'email', description: 'Trimmed, NFC and lower-cased before use', example: 'lan.nguyen@example.vn' });
