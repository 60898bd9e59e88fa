import { z } from '@hono/zod-openapi';
import { foldVietnamese } from '../text/fold';
import { bankByBin } from './napas-banks';

/**
 * The holder's name as banks print it: no diacritics, upper case, single spaces.
 * "Hợp tác xã  Mật ong" → "HOP TAC XA MAT ONG".
 */
export function bankAccountHolderName(input: string): string {
  return foldVietnamese(input).toUpperCase().replace(/\s+/g, ' ').trim();
}

/** "0011 0012-34567" → "0011001234567": people copy account numbers with the bank's spacing. */
export function compactAccountNumber(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/**
 * Where a storefront receives VietQR transfers: a NAPAS member bank (by BIN, from the
 * vietnam-qr-pay bank list: `napasBanks()`), the account number and the holder's name as the bank
 * prints it. Parsing normalises (spaces out of the number, the name folded to upper case), so the
 * API and the dashboard form store the same thing.
 */
export const BankAccountSchema = z
  .object({
    bankBin: z
      .string()
      .regex(/^\d{6}$/, 'Chọn ngân hàng trong danh sách')
      .refine((bin) => bankByBin(bin) !== undefined, 'Ngân hàng này không nhận chuyển khoản VietQR (NAPAS)')
      .openapi({ example: '970436', description: 'NAPAS BIN of the bank (one of napasBanks())' }),
    accountNumber: z
      .string()
      .max(40, 'Số tài khoản gồm 6–19 chữ số')
      .overwrite(compactAccountNumber)
      .regex(/^[0-9]{6,19}$/, 'Số tài khoản gồm 6–19 chữ số')
      .openapi({ example: '0011001234567', description: 'Digits only once spaces, dots and dashes are removed' }),
    accountName: z
      .string()
      .max(100, 'Tên chủ tài khoản tối đa 50 ký tự')
      .overwrite(bankAccountHolderName)
      .min(2, 'Nhập tên chủ tài khoản')
      .max(50, 'Tên chủ tài khoản tối đa 50 ký tự')
      .regex(/^[A-Z0-9 .,&()/'-]+$/, 'Tên chủ tài khoản chỉ gồm chữ, số và dấu cách, như ngân hàng in')
      .openapi({ example: 'HTX MAT ONG BAC HA', description: 'Stored upper case without diacritics ("Hợp tác xã Mật ong" → "HOP TAC XA MAT ONG")' }),
  })
  .strict()
  .openapi('BankAccount');
export type BankAccount = z.infer<typeof BankAccountSchema>;
