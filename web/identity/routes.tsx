import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../../shared/http/app-env';
import { accountView } from '../../shared/identity/account';
import { changePassword, login, logout, register } from '../../shared/identity/auth-service';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { clientIp } from '../../shared/identity/client-ip';
import { withRetryAfter } from '../../shared/identity/route-helpers';
import { LoginBodySchema, PasswordChangeBodySchema, RegisterBodySchema } from '../../shared/identity/schemas';
import { clearSessionCookie, setSessionCookie } from '../../shared/identity/session-cookie';
import { runAfterSignIn } from '../../shared/identity/sign-in-hooks';
import { NO_STORE, renderDocument } from '../render';
import { AccountPage } from './account-page';
import { emptyForm, type FormState } from '../components/form/form';
import { fieldErrorsOf, formFailure, readForm, safeNext, withoutBlanks } from '../components/form/form-state';
import { LoginPage } from './login-page';
import { LogoutPage } from './logout-page';
import { PasswordPage } from './password-page';
import { RegisterPage } from './register-page';
import { APPLICATION_PATH } from '../producer/application-page';
import { assetsOf, formBodyLimit } from '../http';

const ACCOUNT_PATH = '/tai-khoan';
const PASSWORD_PATH = '/tai-khoan/mat-khau';

/** Identity pages are personal: never cached by CloudFront or the browser. */
async function send(c: Context<AppEnv>, node: JSX.Element, status: 200 | 400 | 401 | 403 | 409 | 429 = 200) {
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(node), status);
}

const loginRedirect = (next: string) => `/dang-nhap?next=${encodeURIComponent(next)}`;

/**
 * The sign-in pages (Vietnamese, work without JavaScript). Forms post back to the same path;
 * success sets or clears the cookie and redirects (303, post/redirect/get), a 4xx re-renders the
 * form with inline errors. Cross-site posts are stopped by the app-wide CSRF check.
 */
export function identityWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get('/dang-ky', (c) => send(c, <RegisterPage assets={assetsOf(c)} state={emptyForm({ accountType: 'shopper' })} />));
  web.post('/dang-ky', formLimit, async (c) => {
    const values = await readForm(c, ['displayName', 'email', 'phone', 'password', 'accountType']);
    const render = (state: FormState, status: 400 | 401 | 403 | 409 | 429) => send(c, <RegisterPage assets={assetsOf(c)} state={state} />, status);
    const parsed = RegisterBodySchema.safeParse(withoutBlanks(values, ['phone']));
    if (!parsed.success) return render({ values, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      await withRetryAfter(c, () => register(c.get('services'), parsed.data, clientIp(c)));
      // The same page for a new and an existing email (no session either way): the sign-in form,
      // email filled in, saying what happened; a producer then goes on to the storefront application.
      const next = parsed.data.accountType === 'producer' ? APPLICATION_PATH : `${ACCOUNT_PATH}?moi=1`;
      return send(c, <LoginPage assets={assetsOf(c)} state={emptyForm({ email: parsed.data.email })} next={next} registered />);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(failure.state, failure.status);
    }
  });

  web.get('/dang-nhap', (c) =>
    send(c, <LoginPage assets={assetsOf(c)} state={emptyForm()} next={safeNext(c.req.query('next'))} signedInAs={currentPrincipal(c)?.displayName} />),
  );
  web.post('/dang-nhap', formLimit, async (c) => {
    const values = await readForm(c, ['email', 'password', 'next']);
    const next = safeNext(values.next);
    const render = (state: FormState, status: 400 | 401 | 403 | 409 | 429) => send(c, <LoginPage assets={assetsOf(c)} state={state} next={next} />, status);
    const parsed = LoginBodySchema.safeParse(values);
    if (!parsed.success) return render({ values, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const signedIn = await withRetryAfter(c, () => login(c.get('services'), parsed.data, clientIp(c)));
      setSessionCookie(c, signedIn.session.token);
      await runAfterSignIn(c, signedIn.account.id);
      return c.redirect(next ?? ACCOUNT_PATH, 303);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(failure.state, failure.status);
    }
  });

  web.get('/dang-xuat', (c) => send(c, <LogoutPage assets={assetsOf(c)} signedInAs={currentPrincipal(c)?.displayName} />));
  // Signing out when already signed out is not an error: the result is the same.
  web.post('/dang-xuat', formLimit, async (c) => {
    const principal = currentPrincipal(c);
    if (principal) await logout(c.get('services'), principal);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  web.get(ACCOUNT_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return c.redirect(loginRedirect(ACCOUNT_PATH), 303);
    const account = await c.get('services').identity.accounts.getAccount(principal.accountId);
    if (!account) return c.redirect(loginRedirect(ACCOUNT_PATH), 303);
    return send(c, <AccountPage assets={assetsOf(c)} account={accountView(account)} welcome={c.req.query('moi') === '1'} />);
  });

  web.get(PASSWORD_PATH, (c) => {
    if (!currentPrincipal(c)) return c.redirect(loginRedirect(PASSWORD_PATH), 303);
    return send(c, <PasswordPage assets={assetsOf(c)} state={emptyForm()} changed={c.req.query('da-doi') === '1'} />);
  });
  web.post(PASSWORD_PATH, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    const values = await readForm(c, ['currentPassword', 'newPassword', 'confirmPassword']);
    const render = (state: FormState, status: 400 | 401 | 403 | 409 | 429) => send(c, <PasswordPage assets={assetsOf(c)} state={state} changed={false} />, status);
    const parsed = PasswordChangeBodySchema.safeParse(values);
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) errors.confirmPassword = 'Hai lần nhập mật khẩu mới không khớp';
    if (!parsed.success || Object.keys(errors).length > 0) return render({ values, errors }, 400);
    try {
      const signedIn = await withRetryAfter(c, () => changePassword(c.get('services'), principal, parsed.data, clientIp(c)));
      setSessionCookie(c, signedIn.session.token);
      return c.redirect(`${PASSWORD_PATH}?da-doi=1`, 303);
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return render(failure.state, failure.status);
    }
  });

  return web;
}
