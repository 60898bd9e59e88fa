import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { verifyCertificate } from '../../shared/registry/verify-lookup';
import { qrPng, qrSvg } from './qr';
import { verificationUrl } from './verification-url';

/** File names printers can keep apart: the certificate number, made filesystem-safe. */
const fileName = (no: string, ext: string) => `ocop-${no.replace(/[^A-Za-z0-9._-]+/g, '-')}.${ext}`;

/** The QR codes producers print on their packaging, pointing at the verification page. */
export function verifyQrRoutes() {
  const app = new Hono<AppEnv>();
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
