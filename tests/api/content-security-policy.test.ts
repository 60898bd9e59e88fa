import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { contentSecurityPolicy, s3PostOrigin, STRIPE_CHECKOUT_ORIGIN } from '../../shared/http/content-security-policy';
import type { Services } from '../../shared/services';
import { withOfflinePresigner } from '../support/media-fixtures';
import { createTestServices } from '../support/test-services';

/** `script-src 'self'` → ["'self'"]: one directive of a CSP header, as a list. */
function directive(csp: string | null, name: string): string[] {
  const found = (csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  if (!found) throw new Error(`no ${name} in ${csp}`);
  return found.slice(1);
}

/** Issue 10 point 11: no CSP at all, and the docs page loaded an unpinned script from a public CDN. */
describe('Content-Security-Policy on every answer, and the API docs from our own files', () => {
  let services: Services;
  let app: App;
  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  it.each(['/', '/san-pham', '/dang-nhap', '/api/products', '/api/docs', '/khong-co-trang-nay', '/api/khong-co'])('%s has a strict CSP (scripts from this site only)', async (path) => {
    const res = await app.request(path, { headers: { accept: path.startsWith('/api/') && path !== '/api/docs' ? 'application/json' : 'text/html' } });
    const csp = res.headers.get('content-security-policy');
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'form-action')).toEqual(["'self'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
  });

  it('serves the Swagger UI page from /static, with no CDN and no inline script', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css"/>');
    expect(html).toContain('<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>');
    expect(html).toContain('<script src="/static/api-docs.js"></script>');
    expect(html).toContain('data-spec-url="/api/openapi.json"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('lets the dashboard post files straight to the media bucket on AWS (presigned POST), and nowhere else', async () => {
    const bucket = 'ocop-media-test';
    const aws = withOfflinePresigner({ ...services, config: { ...services.config, mediaBucket: bucket, region: 'ap-southeast-1' } }, bucket);
    const form = await aws.media!.presigner!.presignPost('uploads/htx/x', 'https://cho-ocop.vn/xong', new Date());
    const res = await createApp(aws).request('/');
    expect(directive(res.headers.get('content-security-policy'), 'form-action')).toEqual(["'self'", new URL(form.url).origin]);
    expect(new URL(form.url).origin).toBe(s3PostOrigin(bucket, 'ap-southeast-1'));
  });

  it('lets checkout forms be redirected to Stripe Checkout only where card payments are configured', () => {
    const base = { mediaBaseUrl: '/media', staticBaseUrl: '/static', mediaBucket: undefined, region: 'ap-southeast-1' };
    expect(contentSecurityPolicy(base).formAction).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ ...base, stripeSecretKey: 'sk_test_abc' }).formAction).toEqual(["'self'", STRIPE_CHECKOUT_ORIGIN]);
    expect(contentSecurityPolicy({ ...base, stripeSecretArn: 'arn:aws:secretsmanager:ap-southeast-1:1:secret:stripe' }).formAction).toEqual(["'self'", STRIPE_CHECKOUT_ORIGIN]);
  });
});
