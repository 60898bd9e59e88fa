import { z } from '@hono/zod-openapi';
import { Conflict, InvalidInput } from '../http/errors';
import type { Services } from '../services';
import type { Account } from './account';
import { EmailSchema } from './email';
import { newAccount } from './new-account';
import { PasswordSchema } from './password';
import type { Principal } from './principal';
import { DisplayNameSchema, type OfficerBody } from './schemas';

/** An officer account for one province, with the initial password the admin hands over. */
export async function createOfficer(services: Services, body: OfficerBody): Promise<Account> {
  const account = await newAccount({ ...body, role: 'officer' }, services.clock.now());
  await services.identity.accounts.createAccount(account);
  return account;
}

/** Disables an account and ends its sessions. An admin cannot lock themselves out this way. */
export async function disableAccount(services: Services, admin: Principal, accountId: string): Promise<Account> {
  if (accountId === admin.accountId) throw new Conflict('Bạn không thể tự khóa tài khoản của mình', 'CANNOT_DISABLE_SELF');
  return services.identity.accounts.disableAccount(accountId, services.clock.now());
}

const AdminInputSchema = z.object({ email: EmailSchema, password: PasswordSchema, displayName: DisplayNameSchema });

/**
 * An admin account (scripts/create-admin.ts): there is no route for it, so the first admin — and
 * any other — is made by someone with access to the table.
 */
export async function createAdmin(services: Services, input: z.input<typeof AdminInputSchema>): Promise<Account> {
  const parsed = AdminInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInput('Invalid admin account', 'INVALID_INPUT', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const account = await newAccount({ ...parsed.data, role: 'admin' }, services.clock.now());
  await services.identity.accounts.createAccount(account);
  return account;
}
