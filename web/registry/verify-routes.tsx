import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { verifyCertificate } from '../../shared/registry/verify-lookup';
import { NO_STORE, sendPage } from '../render';
import { VerifyPage } from './verify-page';

/**
 * The public verification page a QR code on the packaging opens. Apart from the console and the QR
 * downloads (printers, not shoppers) so the public read function (app/public-read-modules.ts) serves
 * it without their code.
 */
export function verifyWebRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/xac-minh/:no', async (c) => {
    const view = await verifyCertificate(c.get('services'), c.req.param('no'));
    return sendPage(c, <VerifyPage view={view} />, { cache: NO_STORE });
  });
  return app;
}
