import { randomUUID } from 'node:crypto';
import type { App } from '../../app/create-app';
import { principalFromAccount, type Principal } from '../../shared/identity/principal';
import type { OrderLineInput, PaymentMethod } from '../../shared/orders/order';
import { placeOrder } from '../../shared/orders/placement';
import type { Services } from '../../shared/services';
import type { TestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { address } from './fixtures';

/** The account as the services see a signed-in caller (placement needs no more than this). */
export function principalOf(who: TestAccount): Principal {
  const principal = principalFromAccount(who.account, { jti: randomUUID(), expiresAt: 0, via: 'cookie' });
  if (!principal) throw new Error('test account cannot act');
  return principal;
}

/** An order placed straight through the service, for tests that start from one. */
export async function orderOf(services: Services, who: TestAccount, items: OrderLineInput[], paymentMethod: PaymentMethod = 'cod'): Promise<string> {
  const { orderId } = await placeOrder(services, principalOf(who), randomUUID(), { items, shippingAddress: { ...address, phone: '+84912345678' }, paymentMethod }, 'http://localhost');
  return orderId;
}

/** The hidden fields of the page's checkout form, `line` repeated. */
export function hiddenFields(html: string): { key: string; source: string; lines: string[] } {
  const value = (name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  const lines = [...html.matchAll(/<input type="hidden" name="line" value="([^"]*)"/g)].map((m) => m[1]!);
  return { key: value('key'), source: value('source'), lines };
}

/** Posts the checkout form as a browser would: the hidden fields as rendered, plus what the shopper typed. */
export function submitCheckout(app: App, who: TestAccount, hidden: { key: string; source: string; lines: string[] }, typed: Record<string, string>) {
  const body = new URLSearchParams({ key: hidden.key, source: hidden.source, ...typed });
  for (const l of hidden.lines) body.append('line', l);
  return app.request('/thanh-toan', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: 'http://localhost', ...who.cookie },
    body: body.toString(),
  });
}

export const typedAddress = {
  savedAddress: 'moi',
  recipientName: 'Nguyễn Thị Lan',
  phone: '0912 345 678',
  provinceCode: '01',
  commune: 'phường Ba Đình',
  street: '12 Phan Đình Phùng',
};

export const pageForm = (app: App, path: string, form: Record<string, string>, who: TestAccount) => postForm(app, path, form, who.cookie);
