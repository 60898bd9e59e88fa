import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../../shared/http/app-env';
import { Forbidden } from '../../shared/http/errors';
import type { Principal } from '../../shared/identity/principal';
import { NO_STORE, renderDocument } from '../render';

export type Registrar = Extract<Principal, { role: 'officer' | 'admin' }>;

/** Route-level gate of the console pages; the province (object-level) check is in the services. */
export function asRegistrar(principal: Principal): Registrar {
  if (principal.role === 'officer' || principal.role === 'admin') return principal;
  throw new Forbidden('Trang này dành cho cán bộ OCOP cấp tỉnh');
}

/** Console pages hold officers' data and change with every decision: never cached, anywhere. */
export async function sendConsolePage(c: Context<AppEnv>, node: JSX.Element, status: 200 | 201 | 400 | 409 | 413 = 200) {
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(node), status);
}
