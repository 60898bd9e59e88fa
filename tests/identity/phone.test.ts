import { describe, expect, it } from 'vitest';
import { normaliseVietnamesePhone, PhoneSchema } from '../../shared/identity/phone';

describe('Vietnamese mobile numbers → E.164', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['(091) 234-5678', '+84912345678'],
    [' 0386 123 456 ', '+84386123456'],
    ['0523456789', '+84523456789'],
    ['0701234567', '+84701234567'],
    ['0812345678', '+84812345678'],
    ['+84 983 456 789', '+84983456789'],
    ['０９１２３４５６７８', '+84912345678'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseVietnamesePhone(input)).toBe(expected);
  });

  it.each([
    ['landline (Hà Nội, 02x area code)', '02438123456'],
    ['pre-2018 11-digit mobile', '01681234567'],
    ['mobile prefix 1', '0112345678'],
    ['mobile prefix 4', '0412345678'],
    ['mobile prefix 6', '0612345678'],
    ['too short', '091234567'],
    ['too long', '09123456789'],
    ['+84 with a national 0', '+840912345678'],
    ['other country code', '+85512345678'],
    ['84 without +', '84912345678'],
    ['letters', '09123abc78'],
    ['empty', ''],
  ])('rejects %s (%s)', (_name, input) => {
    expect(normaliseVietnamesePhone(input)).toBeUndefined();
  });

  it('parses to E.164 through the schema and explains a refusal in Vietnamese', () => {
    expect(PhoneSchema.parse('0912 345 678')).toBe('+84912345678');
    const result = PhoneSchema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Số điện thoại');
  });
});
