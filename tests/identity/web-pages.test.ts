import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { createTestAccount } from '../authz/accounts';
import { createTestServices } from '../support/test-services';
import { cookieHeader, freshIp, postForm, sessionSetCookie } from './http';

/** Every input has a label pointing at it (for=id), and every described-by id exists. */
function expectAccessibleForm(html: string) {
  const ids = [...html.matchAll(/<input[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
  const hidden = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].length;
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(html, `label for ${id}`).toContain(`for="${id}"`);
  expect([...html.matchAll(/<input/g)].length - hidden).toBe(ids.length);
  for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) for (const ref of m[1]!.split(' ')) expect(html).toContain(`id="${ref}"`);
}

describe('identity pages (server-rendered forms, post/redirect/get)', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  const page = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { accept: 'text/html', ...headers } });

  it.each(['/dang-ky', '/dang-nhap', '/dang-xuat'])('renders %s in Vietnamese, uncached, with labelled fields', async (path) => {
    const res = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('name="robots" content="noindex"');
    if (path !== '/dang-xuat') expectAccessibleForm(html);
  });

  it('registers, then shows the sign-in form (email filled in, no session yet); signing in leads a producer to the application', async () => {
    const res = await postForm(app, '/dang-ky', { displayName: 'Lê Văn Tám', email: 'Tam.Le@Example.vn', phone: '0386 123 456', password: 'cà phê sữa đá 2026', accountType: 'producer' });
    expect(res.status).toBe(200);
    expect(sessionSetCookie(res)).toBeUndefined();
    const html = await res.text();
    expect(html).toContain('Đã nhận đăng ký');
    expect(html).toContain('action="/dang-nhap"');
    expect(html).toContain('value="tam.le@example.vn"');
    expect(html).toContain('name="next" value="/co-so-cua-toi/dang-ky"');
    const signedIn = await postForm(app, '/dang-nhap', { email: 'tam.le@example.vn', password: 'cà phê sữa đá 2026', next: '/tai-khoan?moi=1' });
    expect(signedIn.status).toBe(303);
    const account = await page('/tai-khoan?moi=1', cookieHeader(signedIn));
    const accountHtml = await account.text();
    expect(accountHtml).toContain('Lê Văn Tám');
    expect(accountHtml).toContain('tam.le@example.vn');
    expect(accountHtml).toContain('0386123456');
    expect(accountHtml).toContain('Cơ sở OCOP');
    expect(accountHtml).toContain('sau khi hồ sơ được duyệt');
  });

  it('re-renders an invalid registration with inline errors, kept values and no password', async () => {
    const res = await postForm(app, '/dang-ky', { displayName: 'Lê Văn Tám', email: 'khong-hop-le', phone: '12345', password: 'ngắn', accountType: '' });
    expect(res.status).toBe(400);
    expect(sessionSetCookie(res)).toBeUndefined();
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Địa chỉ email không hợp lệ');
    expect(html).toContain('Số điện thoại di động không hợp lệ');
    expect(html).toContain('Mật khẩu cần ít nhất 10 ký tự');
    expect(html).toContain('Chọn loại tài khoản');
    expect(html).toMatch(/id="truong-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="truong-email"/);
    expect(html).toContain('value="Lê Văn Tám"');
    expect(html).not.toContain('value="ngắn"');
    expectAccessibleForm(html);
  });

  it('answers a taken email with the very same page as a new one (no 409, no session)', async () => {
    const existing = await createTestAccount(services, 'shopper');
    const form = (email: string) => ({ displayName: 'Ai Đó', email, password: 'mật khẩu đủ dài rồi', accountType: 'shopper' });
    const taken = await postForm(app, '/dang-ky', form(existing.account.email));
    const fresh = await postForm(app, '/dang-ky', form('ai.do.moi@example.vn'));
    expect([taken.status, fresh.status]).toEqual([200, 200]);
    expect(sessionSetCookie(taken)).toBeUndefined();
    const strip = (html: string) => html.replaceAll(existing.account.email, 'EMAIL').replaceAll('ai.do.moi@example.vn', 'EMAIL');
    expect(strip(await taken.text())).toBe(strip(await fresh.text()));
  });

  it('logs in and goes back to a local `next`, never to another site', async () => {
    const who = await createTestAccount(services, 'shopper');
    const form = { email: who.account.email, password: who.password };
    const local = await postForm(app, '/dang-nhap', { ...form, next: '/san-pham?group=food' });
    expect(local.status).toBe(303);
    expect(local.headers.get('location')).toBe('/san-pham?group=food');
    expect(sessionSetCookie(local)).toMatch(/HttpOnly/);
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await postForm(app, '/dang-nhap', { ...form, next });
      expect(res.headers.get('location')).toBe('/tai-khoan');
    }
  });

  it('says "wrong email or password" on the form (401), and 429 with Retry-After when locked', async () => {
    const who = await createTestAccount(services, 'shopper');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const res = await postForm(app, '/dang-nhap', { email: who.account.email, password: 'sai mật khẩu rồi' }, {}, ip);
      expect(res.status).toBe(401);
      if (i === 0) expect(await res.text()).toContain('Email hoặc mật khẩu không đúng');
    }
    const locked = await postForm(app, '/dang-nhap', { email: who.account.email, password: who.password }, {}, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(await locked.text()).toContain('thử lại sau 1 giây');
  });

  it('logs out with a POST: the session is revoked and the cookie cleared', async () => {
    const who = await createTestAccount(services, 'shopper');
    const res = await postForm(app, '/dang-xuat', {}, who.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(sessionSetCookie(res)).toMatch(/Max-Age=0/);
    expect((await app.request('/api/me', { headers: who.bearer })).status).toBe(401);
    // Already signed out: same result, no error.
    expect((await postForm(app, '/dang-xuat', {})).status).toBe(303);
  });

  it('every page header links to the account page, the same link for everyone so public pages stay cacheable', async () => {
    const home = await page('/');
    expect(home.headers.get('cache-control')).toMatch(/public/);
    expect(await home.text()).toMatch(/<header[\s\S]*href="\/tai-khoan"[\s\S]*<\/header>/);
  });

  it.each([
    ['shopper', {}, '/san-pham'],
    ['producer', {}, '/co-so-cua-toi/dang-ky'],
    ['producer', { producerId: 'htx-co-gian-hang' }, '/co-so-cua-toi'],
    ['officer', { provinceCode: '01' }, '/quan-ly/tinh/ho-so'],
    ['admin', {}, '/quan-ly/tinh'],
  ] as const)('the account page of a %s (%o) leads to %s, privately', async (role, extra, href) => {
    const who = await createTestAccount(services, role, extra);
    const res = await page('/tai-khoan', who.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toMatch(new RegExp(`<nav aria-label="Việc của bạn">[\\s\\S]*href="${href}"`));
  });

  it('sends anonymous visitors of the account pages to the login page', async () => {
    for (const path of ['/tai-khoan', '/tai-khoan/mat-khau']) {
      const res = await page(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent(path)}`);
    }
  });

  it('changes the password from the form: new cookie, old sessions gone', async () => {
    const who = await createTestAccount(services, 'shopper');
    const form = await page('/tai-khoan/mat-khau', who.cookie);
    expect(form.status).toBe(200);
    expectAccessibleForm(await form.text());

    const mismatch = await postForm(app, '/tai-khoan/mat-khau', { currentPassword: who.password, newPassword: 'mật khẩu mới đủ dài', confirmPassword: 'gõ khác đi' }, who.cookie);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Hai lần nhập mật khẩu mới không khớp');

    const wrong = await postForm(app, '/tai-khoan/mat-khau', { currentPassword: 'không đúng đâu', newPassword: 'mật khẩu mới đủ dài', confirmPassword: 'mật khẩu mới đủ dài' }, who.cookie);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng');

    const ok = await postForm(app, '/tai-khoan/mat-khau', { currentPassword: who.password, newPassword: 'mật khẩu mới đủ dài', confirmPassword: 'mật khẩu mới đủ dài' }, who.cookie);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/tai-khoan/mat-khau?da-doi=1');
    expect((await app.request('/api/me', { headers: who.bearer })).status).toBe(401);
    const after = await page('/tai-khoan/mat-khau?da-doi=1', cookieHeader(ok));
    expect(await after.text()).toContain('Đã đổi mật khẩu');
  });

  it('answers a password post without a session with 401', async () => {
    const res = await postForm(app, '/tai-khoan/mat-khau', { currentPassword: 'x', newPassword: 'y', confirmPassword: 'y' });
    expect(res.status).toBe(401);
  });

  it('escapes what people type when it is shown back', async () => {
    const res = await postForm(app, '/dang-ky', { displayName: '<script>alert(1)</script>', email: 'x', password: 'p', accountType: 'shopper' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
