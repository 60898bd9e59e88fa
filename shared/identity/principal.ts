import type { Account } from './account';


export { roles, type Role } from './role';

/** The session a principal came in with: logout revokes `jti`; `via` tells whether CSRF applies. */
export interface SessionRef {
  jti: string;
  /** Epoch seconds. */
  expiresAt: number;
  via: 'cookie' | 'bearer';
}

interface PrincipalBase {
  accountId: string;
  email: string;
  displayName: string;
  session: SessionRef;
}

/** Who is calling, as authenticate() resolved it from the account item (not from token claims). */
export type Principal =
  | (PrincipalBase & { role: 'shopper' })
  /** `producerId` is set by onboarding once the storefront is approved; absent before. */
  | (PrincipalBase & { role: 'producer'; producerId?: string | undefined })
  | (PrincipalBase & { role: 'officer'; provinceCode: string })
  | (PrincipalBase & { role: 'admin' });

/** Undefined when the account cannot act (disabled, or an officer with no province: a data error). */
export function principalFromAccount(account: Account, session: SessionRef): Principal | undefined {
  if (account.status !== 'active') return undefined;
  const base = { accountId: account.id, email: account.email, displayName: account.displayName, session };
  switch (account.role) {
    case 'shopper':
    case 'admin':
      return { ...base, role: account.role };
    case 'producer':
      return { ...base, role: 'producer', producerId: account.producerId };
    case 'officer':
      return account.provinceCode ? { ...base, role: 'officer', provinceCode: account.provinceCode } : undefined;
  }
}
