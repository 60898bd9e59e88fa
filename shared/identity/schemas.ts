import { z } from '@hono/zod-openapi';
import { PublicIdSchema } from '../http/ids';
import { provinceCodes } from '../reference/provinces';
import { AccountViewSchema } from './account';
import { EmailSchema } from './email';
import { PasswordSchema, PASSWORD_MAX } from './password';
import { PhoneSchema } from './phone';

/** Names as people write them, with diacritics (NFC); no control characters. */
export const DisplayNameSchema = z
  .string()
  .normalize('NFC')
  .trim()
  .min(2, 'Tên hiển thị cần ít nhất 2 ký tự')
  .max(80, 'Tên hiển thị dài tối đa 80 ký tự')
  .refine((s) => !/\p{Cc}/u.test(s), 'Tên hiển thị có ký tự không hợp lệ')
  .openapi({ example: 'Nguyễn Thị Lan' });

/** What people register as themselves; officers and admins are made by an admin. */
export const accountTypes = ['shopper', 'producer'] as const;

export const RegisterBodySchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    displayName: DisplayNameSchema,
    phone: PhoneSchema.optional(),
    accountType: z.enum(accountTypes, 'Chọn loại tài khoản: người mua hoặc cơ sở OCOP'),
  })
  .openapi('RegisterRequest');
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

/** The length policy applies when a password is set, not when one is typed to log in. */
const TypedPasswordSchema = z.string().min(1, 'Nhập mật khẩu').max(PASSWORD_MAX * 4, 'Mật khẩu quá dài');

export const LoginBodySchema = z.object({ email: EmailSchema, password: TypedPasswordSchema }).openapi('LoginRequest');
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const PasswordChangeBodySchema = z
  .object({ currentPassword: TypedPasswordSchema, newPassword: PasswordSchema })
  .openapi('PasswordChangeRequest');
export type PasswordChangeBody = z.infer<typeof PasswordChangeBodySchema>;

export const OfficerBodySchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema.openapi({ description: 'Initial password, handed to the officer; 10–200 characters' }),
    displayName: DisplayNameSchema,
    phone: PhoneSchema.optional(),
    provinceCode: z.enum(provinceCodes, 'Mã tỉnh, thành phố (2025) không hợp lệ').openapi({ description: '2025 province code', example: '01' }),
  })
  .openapi('OfficerRequest');
export type OfficerBody = z.infer<typeof OfficerBodySchema>;

export const AccountIdParamSchema = z.object({ id: PublicIdSchema.openapi({ param: { name: 'id', in: 'path' }, example: '3f0c8a8e-2b7d-4f7e-9a53-6f1f1f0a9c11' }) });

export const SessionSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`; the same value is set as the ocop_session cookie' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime(),
    account: AccountViewSchema,
  })
  .openapi('Session');

/** The answer to every accepted registration: it says nothing about whether the email had an account. */
export const RegisterAcceptedSchema = z
  .object({
    status: z.literal('accepted'),
    message: z.string().openapi({ description: 'What to do next, in Vietnamese: sign in with the email and password' }),
  })
  .openapi('RegisterAccepted');
