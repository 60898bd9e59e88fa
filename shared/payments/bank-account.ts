import { z } from '@hono/zod-openapi';

/**
 * Where a storefront receives VietQR transfers: a NAPAS member bank (by BIN, from the
 * vietnam-qr-pay bank list), the account number and the holder's name as the bank prints it.
 */
export const BankAccountSchema = z
  .object({
    bankBin: z.string().regex(/^\d{6}$/).openapi({ example: '970436', description: 'NAPAS BIN of the bank' }),
    accountNumber: z.string().regex(/^[0-9]{6,19}$/, 'Số tài khoản gồm 6–19 chữ số'),
    accountName: z.string().trim().min(2).max(50).openapi({ example: 'HTX MAT ONG BAC HA' }),
  })
  .openapi('BankAccount');
export type BankAccount = z.infer<typeof BankAccountSchema>;
