import { z } from '@hono/zod-openapi';
import type { Role } from './role';

export const accountStatuses = ['active', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** The account item as stored (docs/identity.md). `passwordHash` never leaves the server. */
export interface Account {
  id: string;
  /** Normalised (shared/identity/email.ts); unique through the `EMAIL#` item. */
  email: string;
  displayName: string;
  /** E.164. */
  phone?: string | undefined;
  role: Role;
  /** Producers only: the one storefront this account runs, set by onboarding. */
  producerId?: string | undefined;
  /** Officers only: the 2025 province code they work for. */
  provinceCode?: string | undefined;
  passwordHash: string;
  /** Every token carries it as `sv`; bumping it ends all sessions of the account at once. */
  sessionVersion: number;
  status: AccountStatus;
  createdAt: string;
  updatedAt: string;
}

export const AccountViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    phone: z.string().optional().openapi({ description: 'E.164' }),
    role: z.enum(['shopper', 'producer', 'officer', 'admin']),
    producerId: z.string().optional(),
    provinceCode: z.string().optional(),
    status: z.enum(accountStatuses),
    createdAt: z.iso.datetime(),
  })
  .openapi('Account');
export type AccountView = z.infer<typeof AccountViewSchema>;

export function accountView(account: Account): AccountView {
  const { id, email, displayName, phone, role, producerId, provinceCode, status, createdAt } = account;
  return { id, email, displayName, phone, role, producerId, provinceCode, status, createdAt };
}
