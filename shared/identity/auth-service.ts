import { AppError, Forbidden, InvalidInput } from '../http/errors';
import type { Services } from '../services';
import type { Account } from './account';
import { InvalidCredentials } from './errors';
import { assertNotLocked, clearAccountFailures, loginThrottleRefs, recordFailedLogin } from './login-throttle';
import { newAccount } from './new-account';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { countRegistration } from './register-throttle';
import type { Principal } from './principal';
import type { LoginBody, PasswordChangeBody, RegisterBody } from './schemas';
import { issueSession } from './sessions';
import type { IssuedSession } from './session-token';

/**
 * The sign-in flows, shared by the JSON API and the web forms so both behave the same. Inputs are
 * already parsed by the schemas in ./schemas.ts (emails and phones normalised).
 */
export interface SignedIn {
  account: Account;
  session: IssuedSession;
}

/** The one answer to every accepted registration, new e-mail or not (the pages say the same). */
export const REGISTER_ACCEPTED_MESSAGE =
  'Đã nhận đăng ký. Nếu email này chưa có tài khoản, tài khoản đã được tạo: hãy đăng nhập bằng email và mật khẩu vừa đặt. Nếu email đã có tài khoản, hãy đăng nhập bằng mật khẩu của tài khoản đó.';

/**
 * Throttled per client address, then the same work and the same answer whether or not the e-mail
 * already has an account: the password is hashed first (newAccount) either way, no session is
 * issued, and an existing account is left untouched. A new account signs in like any other.
 */
export async function register(services: Services, body: RegisterBody, ip: string): Promise<void> {
  await countRegistration(services, ip);
  const account = await newAccount({ ...body, role: body.accountType }, services.clock.now());
  try {
    await services.identity.accounts.createAccount(account);
  } catch (error) {
    if (error instanceof AppError && error.code === 'EMAIL_TAKEN') return;
    throw error;
  }
}

/**
 * Throttle check first (a locked attempt never reaches scrypt), then the password — or the same
 * scrypt work against a dummy hash when the email is unknown — and one error for both misses.
 */
export async function login(services: Services, body: LoginBody, ip: string): Promise<SignedIn> {
  const refs = loginThrottleRefs(body.email, ip);
  const [{ accountCounted }, account] = await Promise.all([assertNotLocked(services, refs), services.identity.accounts.getAccountByEmail(body.email)]);
  const ok = account ? await verifyPassword(body.password, account.passwordHash) : await verifyAgainstDummy(body.password);
  if (!account || !ok) {
    await recordFailedLogin(services, refs);
    throw new InvalidCredentials();
  }
  if (account.status !== 'active') throw new Forbidden('Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.', 'ACCOUNT_DISABLED');
  if (accountCounted) await clearAccountFailures(services, refs);
  return { account, session: await issueSession(services, account) };
}

/** Revokes this session's token only; other devices stay signed in. */
export async function logout(services: Services, principal: Principal): Promise<void> {
  await services.identity.sessions.revoke(principal.session.jti, principal.session.expiresAt, services.clock.now());
}

/**
 * Checks the current password (throttled like a login: a stolen session must not become a
 * password oracle), stores the new hash and bumps sessionVersion — every existing token, this one
 * included, stops working — then issues a fresh session for the caller.
 */
export async function changePassword(services: Services, principal: Principal, body: PasswordChangeBody, ip: string): Promise<SignedIn> {
  const refs = loginThrottleRefs(principal.email, ip);
  const [{ accountCounted }, account] = await Promise.all([assertNotLocked(services, refs), services.identity.accounts.getAccount(principal.accountId)]);
  if (!account || !(await verifyPassword(body.currentPassword, account.passwordHash))) {
    await recordFailedLogin(services, refs);
    const message = 'Mật khẩu hiện tại không đúng';
    throw new InvalidInput(message, 'WRONG_PASSWORD', [{ path: 'currentPassword', message }]);
  }
  const updated = await services.identity.accounts.changePassword(account.id, await hashPassword(body.newPassword), account.sessionVersion, services.clock.now());
  if (accountCounted) await clearAccountFailures(services, refs);
  return { account: updated, session: await issueSession(services, updated) };
}
