import { randomUUID } from 'node:crypto';
import type { Account } from '../../shared/identity/account';
import { hashPassword } from '../../shared/identity/password';
import type { Role } from '../../shared/identity/principal';
import { SESSION_COOKIE } from '../../shared/identity/session-cookie';
import { issueSession } from '../../shared/identity/sessions';
import type { Services } from '../../shared/services';

/** The one password every test account gets; hashed once per file (scrypt is deliberately slow). */
export const TEST_PASSWORD = 'mật khẩu thử nghiệm 2026';
let testHash: Promise<string> | undefined;
const passwordHash = () => (testHash ??= hashPassword(TEST_PASSWORD));

export interface TestAccount {
  account: Account;
  password: string;
  /** A fresh session of this account. */
  token: string;
  /** `Authorization` header for the token. */
  bearer: Record<string, string>;
  /** `Cookie` header for the token (a browser session). */
  cookie: Record<string, string>;
}

export interface AccountOptions {
  producerId?: string;
  provinceCode?: string;
  email?: string;
  displayName?: string;
}

/** An account written straight through the store, signed in through the real session code. */
export async function createTestAccount(services: Services, role: Role, options: AccountOptions = {}): Promise<TestAccount> {
  const at = services.clock.now().toISOString();
  const id = randomUUID();
  const account: Account = {
    id,
    email: options.email ?? `${role}-${id.slice(0, 8)}@thu-nghiem.vn`,
    displayName: options.displayName ?? `Người thử ${role}`,
    role,
    producerId: role === 'producer' ? options.producerId : undefined,
    provinceCode: role === 'officer' ? (options.provinceCode ?? '01') : undefined,
    passwordHash: await passwordHash(),
    sessionVersion: 1,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  await services.identity.accounts.createAccount(account);
  return withSession(services, account);
}

/** A new session for an account as it is stored now (its current sessionVersion). */
export async function withSession(services: Services, account: Account): Promise<TestAccount> {
  const current = (await services.identity.accounts.getAccount(account.id)) ?? account;
  const { token } = await issueSession(services, current);
  return {
    account: current,
    password: TEST_PASSWORD,
    token,
    bearer: { authorization: `Bearer ${token}` },
    cookie: { cookie: `${SESSION_COOKIE}=${token}` },
  };
}
