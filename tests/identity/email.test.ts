import { describe, expect, it } from 'vitest';
import { EmailSchema, normaliseEmail } from '../../shared/identity/email';

describe('email normalisation', () => {
  it('trims, lower-cases and composes (NFC)', () => {
    expect(normaliseEmail('  Lan.Nguyen@Example.VN ')).toBe('lan.nguyen@example.vn');
    const decomposed = 'Tra\u0300@x.vn'.normalize('NFD');
    expect(normaliseEmail(decomposed)).toBe('trà@x.vn'.normalize('NFC'));
  });

  it('parses to the normalised form, so both spellings share one uniqueness key', () => {
    expect(EmailSchema.parse(' HTX.MatOng@Gmail.com')).toBe('htx.matong@gmail.com');
    expect(EmailSchema.parse('htx.matong@gmail.com')).toBe(EmailSchema.parse('HTX.MATONG@GMAIL.COM'));
  });

  it.each(['', 'khong-co-a-cong', 'a@', '@b.vn', 'a b@c.vn', `${'a'.repeat(250)}@b.vn`])('rejects %j', (input) => {
    const result = EmailSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Địa chỉ email không hợp lệ');
  });
});
