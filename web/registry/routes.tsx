import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { verifyCertificate } from '../../shared/registry/verify-lookup';
import { NO_STORE, sendPage } from '../render';
import { certificateConsoleRoutes } from './certificate-routes';
import { consoleWebRoutes } from './console-routes';
import { qrPng, qrSvg } from './qr';
import { verificationUrl } from './verification-url';
import { VerifyPage } from './verify-page';

/** File names printers can keep apart: the certificate number, made filesystem-safe. */
const fileName = (no: string, ext: string) => `ocop-${no.replace(/[^A-Za-z0-9._-]+/g, '-')}.${ext}`;

export function registryWebRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', consoleWebRoutes());
  app.route('/', certificateConsoleRoutes());
  app.get('/xac-minh/:no', async (c) => {
    const view = await verifyCertificate(c.get('services'), c.req.param('no'));
    return sendPage(c, <VerifyPage view={view} />, { cache: NO_STORE });
  });
  // Only existing certificates get a code: nobody can print a QR for a number we never issued.
  app.get('/xac-minh/:no/qr.svg', async (c) => {
    const no = c.req.param('no');
    await verifyCertificate(c.get('services'), no);
    c.header('Content-Disposition', `attachment; filename="${fileName(no, 'svg')}"`);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await qrSvg(verificationUrl(c, no)), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });
  app.get('/xac-minh/:no/qr.png', async (c) => {
    const no = c.req.param('no');
    await verifyCertificate(c.get('services'), no);
    c.header('Content-Disposition', `attachment; filename="${fileName(no, 'png')}"`);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(await qrPng(verificationUrl(c, no))), 200, { 'Content-Type': 'image/png' });
  });
  return app;
}
