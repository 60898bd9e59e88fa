import { randomUUID } from 'node:crypto';
import type { Account } from './account';
import { hashPassword } from './password';
import type { Role } from './principal';

export interface NewAccountInput {
  email: string;
  password: string;
  displayName: string;
  phone?: string | undefined;
  role: Role;
  provinceCode?: string | undefined;
  producerId?: string | undefined;
}

/** A fresh, active account with a hashed password (email and phone already normalised by the schemas). */
export async function newAccount(input: NewAccountInput, now: Date): Promise<Account> {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    email: input.email,
    displayName: input.displayName,
    phone: input.phone,
    role: input.role,
    producerId: input.role === 'producer' ? input.producerId : undefined,
    provinceCode: input.role === 'officer' ? input.provinceCode : undefined,
    passwordHash: await hashPassword(input.password),
    sessionVersion: 1,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
}
